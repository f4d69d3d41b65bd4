import { locateQuote } from './locateQuote';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

export interface Anchor {
  start: number;
  end: number;
  /** How the quote was found again: as it was, or with edits. */
  method: 'exact' | 'fuzzy';
}

/**
 * Finds a note's passage again in the document text (see locateQuote): the
 * place, or undefined when none fits well enough or two fit alike.
 */
export function anchorQuote(
  text: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
): Anchor | undefined {
  const found = locateQuote(text, quote, position);
  return found.status === 'found' ? { start: found.start, end: found.end, method: found.method } : undefined;
}
