/** Where a character of a passage came from: an item of a PDF page's text content, and the character in it. */
export interface CharSource {
  /** Index into the items the passage was read from. */
  item: number;
  offset: number;
}

/** A run of a passage's text that is the same run of one text item: passage [at, at + end - start) = item.str[start, end). */
export interface TextRun {
  item: number;
  start: number;
  end: number;
  at: number;
}

/**
 * Text built piece by piece that remembers, for every character, which
 * text item and character it came from (or none, for spaces put between
 * items), so a span of the passage can be found again in the text layer.
 */
export class MappedText {
  private chars: string[] = [];
  private items: number[] = [];
  private offsets: number[] = [];

  get length(): number {
    return this.chars.length;
  }

  get text(): string {
    return this.chars.join('');
  }

  last(): string | undefined {
    return this.chars.at(-1);
  }

  push(char: string, from?: CharSource): void {
    this.chars.push(char);
    this.items.push(from?.item ?? -1);
    this.offsets.push(from?.offset ?? -1);
  }

  /** One space, never two in a row and never at the start (whitespace collapses as in HTML). */
  pushSpace(from?: CharSource): void {
    if (this.chars.length > 0 && this.last() !== ' ') this.push(' ', from);
  }

  /** Appends an item's string, its whitespace collapsed. */
  pushItem(str: string, item: number): void {
    for (let k = 0; k < str.length; k++) {
      const c = str[k] as string;
      if (/\s/.test(c)) this.pushSpace({ item, offset: k });
      else this.push(c, { item, offset: k });
    }
  }

  append(other: MappedText): void {
    for (let i = 0; i < other.chars.length; i++) {
      this.chars.push(other.chars[i] as string);
      this.items.push(other.items[i] as number);
      this.offsets.push(other.offsets[i] as number);
    }
  }

  pop(): void {
    this.chars.pop();
    this.items.pop();
    this.offsets.pop();
  }

  trimEnd(): void {
    while (this.last() === ' ') this.pop();
  }

  /** The runs of characters that stand in one item, one after another. */
  runs(): TextRun[] {
    const runs: TextRun[] = [];
    let run: TextRun | undefined;
    for (let i = 0; i < this.chars.length; i++) {
      const item = this.items[i] as number;
      const offset = this.offsets[i] as number;
      if (item < 0) {
        run = undefined;
        continue;
      }
      if (run && run.item === item && run.end === offset && run.at + (run.end - run.start) === i) run.end++;
      else {
        run = { item, start: offset, end: offset + 1, at: i };
        runs.push(run);
      }
    }
    return runs;
  }
}
