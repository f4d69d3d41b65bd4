/**
 * How well the text next to a candidate place agrees with the context stored
 * with a note (the 32 characters before or after the quote), by edit
 * distance rather than equality: one changed letter, a missing space or a
 * renumbered list item ("2." → "3.") costs a little, not everything.
 */

export interface ContextAgreement {
  /** 0 (nothing alike) … 1 (identical). */
  similarity: number;
  /**
   * How much of the stored context could be compared at all (0 … 1): at the
   * very start or end of the text there is nothing to compare the rest with
   * (the scorer counts that part as unknown).
   */
  evidence: number;
}

// Text next to the candidate is read a quarter longer than the stored context,
// so words inserted at the far end of the context shift it without cost.
const SLACK_SHARE = 0.25;

/**
 * Edit distance between `pattern` and the substring of `text` closest to it
 * (the peer's measure: a context that lost a space or gained a word at either
 * end still agrees). Plain dynamic programming, O(pattern × text): both are
 * some 40 characters here.
 */
export function substringDistance(pattern: string, text: string): number {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return 0;
  // Row 0 is all zeros: the match may begin anywhere in `text`.
  let previous = new Array<number>(n + 1).fill(0);
  let current = new Array<number>(n + 1);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const c = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitute = (previous[j - 1] as number) + (text.charCodeAt(j - 1) === c ? 0 : 1);
      const remove = (previous[j] as number) + 1;
      const insert = (current[j - 1] as number) + 1;
      current[j] = Math.min(substitute, remove, insert);
    }
    [previous, current] = [current, previous];
  }
  // …and end anywhere.
  return Math.min(...previous);
}

/** The stored `prefix` against the text that ends at `start`. */
export function prefixAgreement(text: string, start: number, prefix: string): ContextAgreement {
  if (!prefix) return { similarity: 0, evidence: 0 };
  const available = Math.min(start, prefix.length);
  if (available === 0) return { similarity: 0, evidence: 0 };
  // Only as much of the stored prefix as the text still has room for.
  const expected = prefix.slice(prefix.length - available);
  const slack = Math.ceil(expected.length * SLACK_SHARE);
  const window = text.slice(Math.max(0, start - expected.length - slack), start);
  const distance = substringDistance(expected, window);
  return { similarity: 1 - distance / expected.length, evidence: available / prefix.length };
}

/** The stored `suffix` against the text that begins at `end`. */
export function suffixAgreement(text: string, end: number, suffix: string): ContextAgreement {
  if (!suffix) return { similarity: 0, evidence: 0 };
  const available = Math.min(text.length - end, suffix.length);
  if (available <= 0) return { similarity: 0, evidence: 0 };
  const expected = suffix.slice(0, available);
  const slack = Math.ceil(expected.length * SLACK_SHARE);
  const window = text.slice(end, end + expected.length + slack);
  const distance = substringDistance(expected, window);
  return { similarity: 1 - distance / expected.length, evidence: available / suffix.length };
}
