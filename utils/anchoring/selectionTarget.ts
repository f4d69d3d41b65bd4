import type { NoteTarget } from '../notes/types';
import { joinPassages } from './joinPassages';
import { describePosition, describeQuote } from './selectors';

/** Characters [start, end) of passage `passage` that the reader selected. */
export interface SelectedSpan {
  passage: number;
  start: number;
  end: number;
}

/**
 * The reader's selection as a note target in a document's motion text (its
 * passages joined, as notes anchor in it): from the first selected character
 * to the last, white space at the ends left out. Null when nothing of the
 * motion text is selected.
 */
export function selectionTarget(texts: readonly string[], spans: readonly SelectedSpan[]): NoteTarget | null {
  const { text, starts } = joinPassages(texts);
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const s of spans) {
    const at = starts[s.passage];
    if (at === undefined || s.end <= s.start) continue;
    start = Math.min(start, at + s.start);
    end = Math.max(end, at + s.end);
  }
  if (!Number.isFinite(start)) return null;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  if (end <= start) return null;
  return { quote: describeQuote(text, start, end), position: describePosition(start, end) };
}
