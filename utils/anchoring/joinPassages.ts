/**
 * A document's motion text as notes anchor in it: its passages joined by
 * newlines, with where each begins, so a quote found in the whole can be
 * traced to its passage (and a quote may reach across two).
 */
export function joinPassages(texts: readonly string[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const t of texts) {
    if (text) text += '\n';
    starts.push(text.length);
    text += t;
  }
  return { text, starts };
}

/** The passage that holds the character at `offset`. */
export function passageAt(starts: readonly number[], offset: number): number {
  let i = starts.length - 1;
  while (i > 0 && (starts[i] as number) > offset) i--;
  return i;
}
