/**
 * W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors),
 * as Hypothesis uses them: a quote with its context, and a position, both in
 * the document's motion text (the passages joined by "\n").
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

// Enough context to tell two occurrences of a quote apart, short enough to
// survive small edits around it (Hypothesis uses 32 as well).
export const CONTEXT_LENGTH = 32;

export function describeQuote(text: string, start: number, end: number): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, Math.min(text.length, end + CONTEXT_LENGTH)),
  };
}

export function describePosition(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end };
}
