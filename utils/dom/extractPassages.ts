import { hyphenJoin } from '../text/lineBreakHyphen';
import { BLOCK_TAGS, isBlock, isSkippedTag } from './blocks';
import { nextAfterSubtree, nextInDocument } from './nextInDocument';
import { collapseText, type TextSegment } from './textMap';

/** A unit of text the matcher sees: a paragraph, an item, a group of numbered lines. */
export interface PassageBlock {
  /** Text with white space collapsed (line numbers removed). */
  text: string;
  /** The block elements the text stands in, outermost passage block first. */
  blocks: Element[];
  /** Where the text comes from, for highlighting. */
  segments: TextSegment[];
  kind: 'paragraph' | 'item' | 'lines' | 'heading';
  /** First and last line number, for passages of a line-numbered motion. */
  lines?: [number, number];
}

type Break = 'start' | 'soft' | 'blank' | 'hard';

interface Line {
  segments: TextSegment[];
  blocks: Element[];
  breakBefore: Break;
  text: string;
}

const ITEM_MARKER = /^(?:\(?\d{1,2}[.)](?!\d)|\(?[a-z][.)]|[ivx]{1,4}[.)]|[•·▪◦●‣–—-])(?=\s)/;
const LINE_NUMBER = /^(\d{1,4})(?=\s|$)/;
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
// A run of numbered lines must be this long before the numbers count as line
// numbers: shorter runs are more often items, years or amounts.
const MIN_NUMBERED_RUN = 5;

/** What stands between two text nodes of the walk: nothing, a <br>, a blank line, or a block boundary. */
function breakOf(sameBlock: boolean, blockBetween: boolean, brs: number): Break {
  if (!sameBlock || blockBetween) return 'hard';
  return brs >= 2 ? 'blank' : brs === 1 ? 'soft' : 'start';
}

const BLOCK_SELECTOR = [...BLOCK_TAGS].map((t) => t.toLowerCase()).join(',');

/**
 * The elements of a left-out subtree still part the text around it as they would in the page: a hidden <div>
 * or a <br> inside a <button> stand between the text before and after. Looked for only in such subtrees (few).
 */
function breaksInside(el: Element, tag: string): { block: boolean; brs: number } {
  return {
    block: BLOCK_TAGS.has(tag) || el.querySelector(BLOCK_SELECTOR) !== null,
    brs: (tag === 'BR' ? 1 : 0) + el.getElementsByTagName('br').length,
  };
}

/**
 * Reads the lines under `start`, resumably: `step(deadline)` walks until the
 * deadline (a performance.now() value) and says whether it is done, so a
 * large page can be read over several tasks.
 */
function lineReader(start: Element) {
  const blockOf = new Map<Node, Element>();
  // The walker rejects skipped subtrees, so the nearest block (or `start`)
  // above a visited text node is where its passage lives.
  const nearestBlock = (node: Node): Element => {
    const parent = node.parentElement as Element;
    const cached = blockOf.get(parent);
    if (cached) return cached;
    const result = parent === start || isBlock(parent) || !parent.parentElement ? parent : nearestBlock(parent);
    blockOf.set(parent, result);
    return result;
  };
  // The walk leaves out skipped subtrees (scripts, hidden parts, Ratsmarker's own UI), so the nearest block
  // (or `start`) above a visited text node is where its passage lives.
  let node: Node | null = nextInDocument(start, start);
  const lines: Line[] = [];
  let current: Line | undefined;
  let prev: { node: Text; block: Element } | undefined;
  // Since the last text node: whether a block element began or ended, and how many <br>s stood.
  let blockBetween = false;
  let brs = 0;
  // Checking the clock costs too; look at it every so many text nodes. Whether the reading has gone past the
  // view (a box read, the layout clean while nothing is written), a little more often.
  const CHECK_EVERY = 64;
  const STOP_EVERY = 16;
  return {
    lines,
    /** Reads until done (true), the deadline, or `stop()` says enough (false; checked now and then). */
    step(deadline: number, stop?: () => boolean): boolean {
      let n = 0;
      while (node) {
        const here: Node = node;
        if (here.nodeType === 1) {
          const el = here as Element;
          // HTML documents name their elements in capitals (XHTML in small letters): a second look only then.
          const name = el.tagName;
          const tag = name.charCodeAt(0) > 0x5a ? name.toUpperCase() : name;
          // What stands between the text before and the next: read on the way, as the walk passes it.
          if (isSkippedTag(el, tag)) {
            const inside = breaksInside(el, tag);
            blockBetween ||= inside.block;
            brs += inside.brs;
            node = nextAfterSubtree(here, start);
          } else {
            if (BLOCK_TAGS.has(tag)) blockBetween = true;
            else if (tag === 'BR') brs++;
            node = nextInDocument(here, start);
          }
          continue;
        }
        node = nextInDocument(here, start);
        if (here.nodeType !== 3) continue;
        const text = here as Text;
        if (text.parentElement) {
          const block = nearestBlock(text);
          const brk = prev ? breakOf(prev.block === block, blockBetween, brs) : 'start';
          blockBetween = false;
          brs = 0;
          if (!current || brk !== 'start') {
            // The line before is complete: read its text now, while the slice has time.
            if (current) current.text = collapseText(current.segments);
            current = { segments: [], blocks: [], breakBefore: brk, text: '' };
            lines.push(current);
          }
          // Written out, not spread: a spread made two objects per text node of the page.
          const segment: TextSegment = { node: text, start: 0, end: text.data.length };
          if (brk !== 'start') segment.gap = true;
          current.segments.push(segment);
          if (!current.blocks.includes(block)) current.blocks.push(block);
          prev = { node: text, block };
        }
        n++;
        if (n % CHECK_EVERY === 0 && performance.now() > deadline) return false;
        if (stop && n % STOP_EVERY === 0 && stop()) return false;
      }
      if (current) current.text = collapseText(current.segments);
      return true;
    },
  };
}

/** Removes the leading line number (and the space after it) from a line's segments. */
function stripLineNumber(segments: TextSegment[]): TextSegment[] {
  const out = segments.map((s) => ({ ...s }));
  let phase: 'lead' | 'digits' | 'space' = 'lead';
  for (const seg of out) {
    while (seg.start < seg.end) {
      const c = seg.node.data[seg.start] as string;
      const space = /\s|\u00A0/.test(c);
      const digit = c >= '0' && c <= '9';
      if (phase === 'lead' && space) seg.start++;
      else if ((phase === 'lead' || phase === 'digits') && digit) {
        phase = 'digits';
        seg.start++;
      } else if ((phase === 'digits' || phase === 'space') && space) {
        phase = 'space';
        seg.start++;
      } else return out.filter((s) => s.start < s.end);
    }
  }
  return out.filter((s) => s.start < s.end);
}

/** Indexes of lines that belong to a run of rising line numbers (1, 2, 3 …), with their numbers. */
function findLineNumbers(lines: readonly Line[]): Map<number, number> {
  const numbered = new Map<number, number>();
  let run: [number, number][] = [];
  const close = () => {
    if (run.length >= MIN_NUMBERED_RUN) for (const [i, n] of run) numbered.set(i, n);
    run = [];
  };
  lines.forEach((line, i) => {
    if (!line.text) return; // an empty line does not interrupt the numbering
    const m = LINE_NUMBER.exec(line.text);
    const n = m ? Number(m[1]) : Number.NaN;
    const last = run.at(-1);
    if (m && last && n === last[1] + 1) run.push([i, n]);
    else {
      close();
      if (m) run.push([i, n]);
    }
  });
  close();
  return numbered;
}

function isHeadingLine(line: Line, text: string): boolean {
  if (line.blocks.some((b) => HEADING_TAGS.has(b.tagName.toUpperCase()))) return true;
  return text.length <= 60 && /^\p{Lu}[^.!?]*:$/u.test(text);
}

const isSpaceChar = (c: string | undefined) => c !== undefined && /[\s\u00A0\u2007\u202F]/.test(c);

/**
 * Joins the segments of two lines as one word: white space (and, for
 * 'merge', the hyphen) at the end of the first line and white space at the
 * start of the next come out of the text, and no gap stands between them.
 * The text map still leads to both halves, so a highlight covers both.
 */
function joinSegments(before: TextSegment[], after: TextSegment[], how: 'merge' | 'keep'): void {
  let hyphenLeft = how === 'merge';
  for (let i = before.length - 1; i >= 0; i--) {
    const seg = before[i] as TextSegment;
    while (seg.end > seg.start && isSpaceChar(seg.node.data[seg.end - 1])) seg.end--;
    if (seg.end > seg.start && hyphenLeft && seg.node.data[seg.end - 1] === '-') {
      seg.end--;
      hyphenLeft = false;
    }
    if (seg.end > seg.start) break;
  }
  for (const seg of after) {
    seg.gap = false;
    while (seg.start < seg.end && isSpaceChar(seg.node.data[seg.start])) seg.start++;
    if (seg.start < seg.end) break;
  }
}

/**
 * Whether the page's block elements are paragraphs of numbered lines (lines
 * parted by <br> inside a <p>: SessionNet and Antragsgrün exports), rather
 * than one element per printed line (Word's HTML export), where only empty
 * numbered lines, items and headings part paragraphs.
 */
function blocksAreParagraphs(lines: readonly Line[], numbers: ReadonlyMap<number, number>): boolean {
  let soft = 0;
  let hard = 0;
  for (const [i] of numbers) {
    const b = (lines[i] as Line).breakBefore;
    if (b === 'soft') soft++;
    else if (b === 'hard') hard++;
  }
  // A stray <br> in a Word export does not make its lines paragraphs.
  return soft > 0 && soft * 4 >= hard;
}

/**
 * Reads the passages under `root`. Text inside one block element (with its
 * inline children: a word split over three spans stays one word) is one
 * passage; a nested block, a blank line (two <br>) or an item marker after a
 * <br> starts a new one. Lines that carry rising line numbers (a line-numbered
 * motion) are grouped into paragraphs and items across their blocks, with the
 * numbers removed from the text and kept as the passage's line reference.
 */
export function extractPassages(root: Element | Document): PassageBlock[] {
  const reader = readerFor(root);
  if (!reader) return [];
  reader.step(Number.POSITIVE_INFINITY);
  const steps = passagesOf(reader.lines);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * The same as `extractPassages`, reading the page in slices of `sliceMs` and
 * letting the page breathe in between (`pause`), so that a long document
 * never blocks the main thread for long.
 */
export async function extractPassagesInSlices(
  root: Element | Document,
  sliceMs: number,
  pause: () => Promise<void>,
  early?: EarlyPassages,
): Promise<PassageBlock[]> {
  const reader = readerFor(root);
  if (!reader) return [];
  let deadline = performance.now() + sliceMs;
  let waiting = early;
  // Set when the reading stopped because it had gone past `early.past` (not because the slice ran out).
  let reached = false;
  const past = () => {
    const last = reader.lines.at(-1)?.blocks[0];
    reached = last !== undefined && waiting?.past(last) === true;
    return reached;
  };
  while (!reader.step(deadline, waiting && !reached ? past : undefined)) {
    if (reached && waiting) {
      const prefix = earlyPassages(reader.lines);
      const take = waiting.take;
      waiting = undefined;
      if (prefix) await take(prefix);
      deadline = performance.now() + sliceMs;
      continue;
    }
    await pause();
    deadline = performance.now() + sliceMs;
  }
  // Grouping goes on in the slice the reading ended in: a fresh deadline here made one task of two slices.
  const steps = passagesOf(reader.lines);
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    if (performance.now() > deadline) {
      await pause();
      deadline = performance.now() + sliceMs;
    }
  }
}

/**
 * The first passages of a page, before the rest is read: for the passages in view, which the reader should
 * not wait for while a long page is read to its end. `past(block)` says when the reading has gone far enough
 * (the block of the last line read stands below the view); `take` gets the passages read so far that are
 * already as the whole page's reading will give them.
 */
export interface EarlyPassages {
  past(block: Element): boolean;
  take(passages: PassageBlock[]): Promise<void>;
}

/**
 * The passages of the lines read so far, where they are final: the same text, blocks and segments as
 * reading the whole page gives. They are, when no line read so far carries a line number: lines are grouped
 * by what stands between them, except numbered lines, whose grouping depends on every numbered line of the
 * page (runs of rising numbers, paragraphs or single lines). The last passage may go on in lines not read
 * yet, so it is left out. Grouped on copies of the lines' segments (grouping joins hyphenated words in them,
 * and the whole page's grouping does so again on the lines themselves).
 */
function earlyPassages(lines: readonly Line[]): PassageBlock[] | undefined {
  // The line being read is not complete (nor is its text read): left out, with the passage it may belong to.
  const complete = lines.slice(0, -1);
  if (complete.some((l) => LINE_NUMBER.test(l.text))) return undefined;
  const copies = complete.map((l) => ({ ...l, segments: l.segments.map((seg) => ({ ...seg })) }));
  const steps = passagesOf(copies);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value.slice(0, -1);
}

function readerFor(root: Element | Document) {
  const start = 'documentElement' in root ? (root.body ?? root.documentElement) : root;
  return start ? lineReader(start) : undefined;
}

/** Groups lines into passages; yields now and then so a caller can give the page a turn. */
function* passagesOf(lines: Line[]): Generator<void, PassageBlock[]> {
  const numbers = findLineNumbers(lines);
  yield;
  const out: PassageBlock[] = [];
  let current: PassageBlock | undefined;
  // The passage's text is its lines' texts joined by one space: the same as
  // collapsing its segments again (every line after the first opens with a gap), but read once.
  let texts: string[] = [];
  const flush = () => {
    if (current) {
      current.text = texts.join(' ');
      if (/\p{L}/u.test(current.text)) out.push(current);
    }
    current = undefined;
    texts = [];
  };
  const open = (line: Line, text: string, lineNo: number | undefined, segments: TextSegment[]) => {
    flush();
    const kind = isHeadingLine(line, text)
      ? 'heading'
      : ITEM_MARKER.test(text)
        ? 'item'
        : lineNo !== undefined
          ? 'lines'
          : 'paragraph';
    current = { text: '', blocks: [...line.blocks], segments: [...segments], kind };
    texts = [text];
    if (lineNo !== undefined) current.lines = [lineNo, lineNo];
  };

  // The next line of the current passage; a word hyphenated across the break is joined.
  const append = (segments: TextSegment[], text: string) => {
    if (!current) return;
    const last = texts.length - 1;
    const how = hyphenJoin(texts[last] as string, text);
    if (how) {
      joinSegments(current.segments, segments, how);
      texts[last] = (how === 'merge' ? (texts[last] as string).slice(0, -1) : texts[last]) + text;
    } else texts.push(text);
    current.segments.push(...segments);
  };
  const paragraphBlocks = blocksAreParagraphs(lines, numbers);

  for (let i = 0; i < lines.length; i++) {
    if (i % 128 === 127) yield;
    const line = lines[i] as Line;
    const lineNo = numbers.get(i);
    if (lineNo !== undefined) {
      const segments = stripLineNumber(line.segments);
      if (segments[0]) segments[0] = { ...segments[0], gap: true };
      const text = collapseText(segments);
      if (!text) {
        flush(); // an empty numbered line ends a paragraph
        continue;
      }
      // A line number never joins two paragraphs: a new paragraph element (where
      // elements are paragraphs), a blank line, a jump in the numbering, an item
      // or a heading ends the passage.
      const continues =
        current?.lines !== undefined &&
        current.lines[1] + 1 === lineNo &&
        current.kind !== 'heading' &&
        line.breakBefore !== 'blank' &&
        !(paragraphBlocks && line.breakBefore === 'hard') &&
        !ITEM_MARKER.test(text) &&
        !isHeadingLine(line, text);
      if (!continues) open(line, text, lineNo, segments);
      else if (current) {
        append(segments, text);
        for (const b of line.blocks) if (!current.blocks.includes(b)) current.blocks.push(b);
        if (current.lines) current.lines[1] = lineNo;
      }
      continue;
    }
    if (!line.text) {
      // An empty line made by <br>s ends a paragraph; white space between
      // block elements is only the page's source formatting.
      if (line.breakBefore === 'soft' || line.breakBefore === 'blank') flush();
      continue;
    }
    const continues =
      current !== undefined &&
      current.lines === undefined &&
      (line.breakBefore === 'start' || (line.breakBefore === 'soft' && !ITEM_MARKER.test(line.text))) &&
      current.blocks[0] === line.blocks[0];
    if (!continues) open(line, line.text, undefined, line.segments);
    else append(line.segments, line.text);
  }
  flush();
  return out;
}
