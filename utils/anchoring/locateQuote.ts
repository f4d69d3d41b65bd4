import { contextPlaces, exactPlaces, farPlaces, maxErrorsFor, nearPlaces, seedPlaces } from './findPlaces';
import { type Place, type QuoteQuery, type ScoredPlace, scorePlace } from './scorePlace';
import type { TextPositionSelector } from './selectors';

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
export const MIN_SCORE = 0.75;
// Two places whose text fits within this much of each other are alike: no
// guess between them, however far apart they are.
export const AMBIGUITY_MARGIN = 0.04;
// A place whose text fits this well needs no fuzzy search beside it: only a
// near-identical copy could come close, and such a copy is exact or within
// the margin of the stored context anyway.
const CONFIDENT = 0.97;
// A place near the old position whose text fits this well (an edited quote
// with its context) needs no search next to copies of its context elsewhere.
const NEAR_ENOUGH = 0.9;

// A copy of the passage: its quote fits (nearly) as well as the best place's
// and one side of its context agrees this well. Text copied around the note
// ("P P" after a paragraph was duplicated) reads the same whether the copy
// came before or after the original, so the better-fitting side decides
// nothing there either.
const COPY_SIDE = 0.9;
const COPY_QUOTE_SLACK = 0.02;

/**
 * Two candidates for the same place: they share at least half of the shorter.
 * (Fuzzy matches of neighbouring copies may share a character or two at their
 * edges and are still two places.)
 */
const samePlace = (a: Place, b: Place) =>
  Math.min(a.end, b.end) - Math.max(a.start, b.start) >= Math.min(a.end - a.start, b.end - b.start) / 2;

/** Another place that fits almost as well as the best, or is a copy of the same text. */
const isRival = (p: ScoredPlace, best: ScoredPlace) =>
  !samePlace(p, best) &&
  (p.content >= best.content - AMBIGUITY_MARGIN ||
    (p.quoteScore >= best.quoteScore - COPY_QUOTE_SLACK &&
      ((p.prefixScore ?? 0) >= COPY_SIDE || (p.suffixScore ?? 0) >= COPY_SIDE)));

// How much of the stored context identifies it below, and how far off its old
// edge it may stand.
const CONTEXT_MARK = 16;
const CONTEXT_MARK_MIN = 8;
const CONTEXT_MARK_SLACK = 2;

/**
 * The place is the note's context, not its quote: the text that followed the
 * quote now begins where the place begins (or the text before it ends where
 * the place ends). That is what a deleted sentence leaves behind, its
 * neighbour sliding into its place ("Keine finanziellen Auswirkungen." deleted,
 * "Keine personellen Auswirkungen." after it looks much the same).
 */
function isContextItself(text: string, place: Place, quote: QuoteQuery): boolean {
  const head = (quote.suffix ?? '').slice(0, CONTEXT_MARK);
  if (head.length >= CONTEXT_MARK_MIN) {
    for (let d = -CONTEXT_MARK_SLACK; d <= CONTEXT_MARK_SLACK; d++)
      if (text.startsWith(head, place.start + d)) return true;
  }
  const tail = (quote.prefix ?? '').slice(-CONTEXT_MARK);
  if (tail.length >= CONTEXT_MARK_MIN) {
    for (let d = -CONTEXT_MARK_SLACK; d <= CONTEXT_MARK_SLACK; d++)
      if (place.end + d - tail.length >= 0 && text.startsWith(tail, place.end + d - tail.length)) return true;
  }
  return false;
}

// …and its own context agrees this well on both sides it has.
const OWN_CONTEXT = 0.5;
const hasOwnContext = (p: ScoredPlace) => (p.prefixScore ?? 1) >= OWN_CONTEXT && (p.suffixScore ?? 1) >= OWN_CONTEXT;

function rank(text: string, places: Place[], quote: QuoteQuery, position?: TextPositionSelector) {
  const seen = new Set<string>();
  const scored: ScoredPlace[] = [];
  for (const p of places) {
    const key = `${p.start}:${p.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const scoredPlace = scorePlace(text, p, quote, position);
    // An exact copy of the quote standing where its context stood is the quote
    // still, if its own context agrees (a heading printed twice, "Ja Ja Ja").
    if (isContextItself(text, p, quote) && (p.errors > 0 || !hasOwnContext(scoredPlace))) continue;
    scored.push(scoredPlace);
  }
  // Best score first; among equals, the earlier place.
  return scored.sort((a, b) => b.score - a.score || a.start - b.start);
}

/**
 * Finds a note's quote again in a document's text. Every candidate place (exact
 * copies, fuzzy matches near the stored position, next to where the stored
 * context still stands, and further away when nothing near fits) gets one
 * score (scorePlace); the best place is taken only if it reaches MIN_SCORE, no
 * other place's text fits almost as well, and no other place is a copy of the
 * same text (the quote and one whole side of its context).
 */
export function locateQuote(text: string, quote: QuoteQuery, position?: TextPositionSelector): Location {
  const { exact } = quote;
  if (!exact || !text) return { status: 'lost' };
  const near = position ? position.start : 0;
  const maxErrors = maxErrorsFor(exact);
  const exacts = exactPlaces(text, exact, near);
  let ranked = rank(text, exacts, quote, position);
  if (!(ranked[0] && ranked[0].content >= CONFIDENT)) {
    // Near the old position first (a few small searches), next to where the
    // stored context stands only if nothing near fits well.
    let places: Place[] = position ? [...exacts, ...nearPlaces(text, exact, position, maxErrors)] : [...exacts];
    ranked = rank(text, places, quote, position);
    if (!(ranked[0] && ranked[0].content >= NEAR_ENOUGH)) {
      places = [...places, ...contextPlaces(text, quote, maxErrors, near)];
      ranked = rank(text, places, quote, position);
    }
    // Further away only if nothing fits yet: around exact pieces of the quote
    // anywhere, and in a wide window around the old position (with an exact
    // copy somewhere that could return nothing but exact copies).
    if (exacts.length === 0 && !((ranked[0]?.score ?? 0) >= MIN_SCORE))
      ranked = rank(
        text,
        [
          ...places,
          ...seedPlaces(text, exact),
          ...farPlaces(text, exact, position, quote.prefix !== undefined || quote.suffix !== undefined),
        ],
        quote,
        position,
      );
  }
  const best = ranked[0];
  if (!best || best.score < MIN_SCORE || best.content < MIN_SCORE) return { status: 'lost', ...(best ? { best } : {}) };
  const rivals = ranked.filter((p) => isRival(p, best));
  if (rivals.length > 0) {
    // One entry per place: the best-scored among overlapping candidates.
    const places = [best];
    for (const p of rivals) if (!places.some((q) => samePlace(p, q))) places.push(p);
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
