import { contextPlaces, exactPlaces, maxErrorsFor, nearPlaces, wholeTextPlaces } from './findPlaces';
import { type Place, type ScoredPlace, scorePlace } from './scorePlace';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

/** Where a note's quote stands now, or why it cannot be said. */
export type Location =
  | { status: 'found'; start: number; end: number; score: number; method: 'exact' | 'fuzzy' }
  /** Two or more places fit almost alike: the reader chooses ("nicht mehr gefunden", both offered). */
  | { status: 'ambiguous'; places: ScoredPlace[] }
  /** Nothing fits well enough: the note is kept and listed as "nicht mehr gefunden". */
  | { status: 'lost'; best?: ScoredPlace };

// The minimum score (quote, context and position; also without position). It
// admits an exact quote with one side of its context (a short quote: only
// just), an edited quote with its context, a 3-letter quote with one changed
// letter where its context still is; it turns away an exact copy of the quote
// whose context on both sides is different, which is what a note on a deleted
// sentence would otherwise land on. Between the two a note is better lost
// (and re-attached by the reader) than placed on another motion's text.
export const MIN_SCORE = 0.66;
// Two places whose text fits within this much of each other are alike: no
// guess between them, however far apart they are.
export const AMBIGUITY_MARGIN = 0.04;
// A place whose text fits this well needs no fuzzy search beside it: only a
// near-identical copy could come close, and such a copy is exact or within
// the margin of the stored context anyway.
const CONFIDENT = 0.97;

const overlaps = (a: Place, b: Place) => a.start < b.end && b.start < a.end;

function rank(text: string, places: Place[], quote: TextQuoteSelector, position?: TextPositionSelector) {
  const seen = new Set<string>();
  const scored: ScoredPlace[] = [];
  for (const p of places) {
    const key = `${p.start}:${p.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    scored.push(scorePlace(text, p, quote, position));
  }
  // Best score first; among equals, the earlier place.
  return scored.sort((a, b) => b.score - a.score || a.start - b.start);
}

/**
 * Finds a note's quote again in a document's text. Every candidate place (exact
 * copies, fuzzy matches near the stored position, next to where the stored
 * context still stands, and across the text when nothing near fits) gets one
 * score (scorePlace); the best place is taken only if it reaches MIN_SCORE and
 * no other place's text fits almost as well.
 */
export function locateQuote(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): Location {
  const { exact } = quote;
  if (!exact || !text) return { status: 'lost' };
  const near = position ? position.start : 0;
  const maxErrors = maxErrorsFor(exact);
  const exacts = exactPlaces(text, exact, near);
  let ranked = rank(text, exacts, quote, position);
  if (!(ranked[0] && ranked[0].content >= CONFIDENT)) {
    const places: Place[] = [...exacts, ...contextPlaces(text, quote, maxErrors)];
    if (position) places.push(...nearPlaces(text, exact, position, maxErrors));
    ranked = rank(text, places, quote, position);
    // Across the whole text only if nothing fits yet; with an exact copy
    // somewhere it could return nothing but exact copies.
    if (exacts.length === 0 && !((ranked[0]?.score ?? 0) >= MIN_SCORE))
      ranked = rank(text, [...places, ...wholeTextPlaces(text, exact, maxErrors)], quote, position);
  }
  const best = ranked[0];
  if (!best || best.score < MIN_SCORE || best.content < MIN_SCORE) return { status: 'lost', ...(best ? { best } : {}) };
  const rivals = ranked.filter((p) => !overlaps(p, best) && p.content >= best.content - AMBIGUITY_MARGIN);
  if (rivals.length > 0) {
    // One entry per place: the best-scored among overlapping candidates.
    const places = [best];
    for (const p of rivals) if (!places.some((q) => overlaps(p, q))) places.push(p);
    return { status: 'ambiguous', places };
  }
  return {
    status: 'found',
    start: best.start,
    end: best.end,
    score: best.score,
    method: best.errors === 0 ? 'exact' : 'fuzzy',
  };
}
