import search from 'approx-string-match';
import { CONTEXT_LENGTH, type TextPositionSelector, type TextQuoteSelector } from './selectors';

export interface Anchor {
  start: number;
  end: number;
  /** How the quote was found again. */
  method: 'exact' | 'position' | 'fuzzy';
}

// A fuzzy match may differ from the quote in at most a quarter of its
// characters (and never more than 64): small edits, not another sentence.
const MAX_ERROR_SHARE = 0.25;
const MAX_ERRORS = 64;

function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  let score = 0;
  if (quote.prefix && text.slice(Math.max(0, start - quote.prefix.length), start) === quote.prefix) score += 2;
  if (quote.suffix && text.slice(end, end + quote.suffix.length) === quote.suffix) score += 2;
  return score;
}

/**
 * Finds a note's passage again in the document text: the exact quote first
 * (the occurrence whose context and position fit best), then the stored
 * position if the text there is still close to the quote (half the errors a
 * fuzzy match may have), then an approximate match of the quote anywhere (the
 * page changed a little). Undefined when none is close enough.
 */
export function anchorQuote(
  text: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
): Anchor | undefined {
  const { exact } = quote;
  if (!exact) return undefined;
  let best: { start: number; score: number } | undefined;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    const distance = position ? Math.abs(i - position.start) / Math.max(1, text.length) : 0;
    const score = contextScore(text, i, i + exact.length, quote) - distance;
    if (!best || score > best.score) best = { start: i, score };
  }
  if (best) return { start: best.start, end: best.start + exact.length, method: 'exact' };

  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length * MAX_ERROR_SHARE));
  if (maxErrors < 1) return undefined;

  // Where the quote stood: if the text there is still close to it, that is the passage.
  if (position && position.start < text.length) {
    const from = Math.max(0, position.start - CONTEXT_LENGTH);
    const window = text.slice(from, Math.min(text.length, position.end + CONTEXT_LENGTH));
    const near = search(window, exact, Math.floor(maxErrors / 2)).sort((a, b) => a.errors - b.errors)[0];
    if (near) return { start: from + near.start, end: from + near.end, method: 'position' };
  }

  const matches = search(text, exact, maxErrors);
  if (matches.length === 0) return undefined;
  const ranked = matches
    .map((m) => ({
      m,
      score:
        -m.errors * 4 +
        contextScore(text, m.start, m.end, quote) -
        (position ? Math.abs(m.start - position.start) / Math.max(1, text.length) : 0),
    }))
    .sort((a, b) => b.score - a.score);
  const top = ranked[0]?.m;
  return top ? { start: top.start, end: top.end, method: 'fuzzy' } : undefined;
}
