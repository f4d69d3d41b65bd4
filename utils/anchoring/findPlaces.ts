import search from 'approx-string-match';
import type { Place, QuoteQuery } from './scorePlace';
import type { TextPositionSelector } from './selectors';

// A fuzzy place may differ from the quote in up to half its characters (as
// the peer, Hypothesis, allows): enough to reach a passage that was reworded
// in several places. The score decides what is good enough; this bound only
// decides what is looked at. The search costs O(errors / 32 × text length).
const ERROR_SHARE = 0.5;
// …and never more than this many errors (a whole-passage quote of several
// thousand characters): keeps the bit-parallel search at 8 machine words.
const MAX_ERRORS = 256;
// Exact copies of a quote beyond this many (a 3-letter quote in a 1 MB text)
// are taken nearest the stored position first.
const MAX_EXACT = 400;
// Near the old position the text is searched in pieces, each returning its
// own best match, so a right-place match with more errors is not hidden by a
// better one elsewhere in the window (approx-string-match reports only the
// lowest-error matches of what it searches).
const TILE_QUOTES = 3;
// Tiles of short quotes are at least this long, so a window is a few dozen searches, not hundreds.
const MIN_TILE = 128;
// The window around the old position: this many quote lengths, at least
// NEAR_MIN characters, on each side.
const NEAR_QUOTES = 4;
const NEAR_MIN = 600;
// Context pieces looked up across the whole text: where the stored prefix's
// end or the suffix's start still stands, the quote is searched right next to
// it, at the few places nearest the old position (each search costs a
// millisecond or two for a long quote that is not there: approx-string-match
// finds the start of every equally bad match).
const CONTEXT_PIECE = 12;
const MAX_CONTEXT_HITS = 4;
const MAX_CONTEXT_SEEN = 1000;
// Shorter stored context (a quote near the text's edge) is not looked up: it occurs everywhere.
const MIN_CONTEXT_PIECE = 6;
// Quotes shorter than this are searched fuzzily only near their position and
// next to their context, never across the whole text: a few letters with one
// error match almost anywhere.
const SHORT_QUOTE = 8;
// Of the lowest-error matches far from the old position, the first this many
// are scored (the score would find that many alike anyway).
const MAX_FAR = 200;

export function maxErrorsFor(quote: string): number {
  return Math.min(MAX_ERRORS, Math.floor(quote.length * ERROR_SHARE));
}

/** Every exact copy of `exact` (the nearest MAX_EXACT to `near` when there are more). */
export function exactPlaces(text: string, exact: string, near: number): Place[] {
  const places: Place[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1))
    places.push({ start: i, end: i + exact.length, errors: 0 });
  if (places.length <= MAX_EXACT) return places;
  return places.sort((a, b) => Math.abs(a.start - near) - Math.abs(b.start - near)).slice(0, MAX_EXACT);
}

/** The lowest-error matches of `exact` in text[from, to), in text offsets. */
export function fuzzyIn(text: string, exact: string, from: number, to: number, maxErrors: number): Place[] {
  const a = Math.max(0, from);
  const b = Math.min(text.length, to);
  if (b - a <= 0 || maxErrors < 1) return [];
  return search(text.slice(a, b), exact, maxErrors).map((m) => ({
    start: a + m.start,
    end: a + m.end,
    errors: m.errors,
  }));
}

/** Fuzzy matches around the old position, one search per overlapping tile. */
export function nearPlaces(text: string, exact: string, position: TextPositionSelector, maxErrors: number): Place[] {
  const reach = Math.max(NEAR_MIN, exact.length * NEAR_QUOTES);
  const from = Math.max(0, Math.min(position.start, text.length) - reach);
  const to = Math.min(text.length, position.end + reach);
  const tile = Math.max(MIN_TILE, exact.length * TILE_QUOTES + maxErrors);
  const step = Math.max(1, Math.floor(tile / 2));
  const places: Place[] = [];
  for (let at = from; at < to; at += step) {
    places.push(...fuzzyIn(text, exact, at, at + tile, maxErrors));
    if (at + tile >= to) break;
  }
  return places;
}

/** Fuzzy matches right after where the stored prefix ends and right before where the suffix begins. */
export function contextPlaces(text: string, quote: QuoteQuery, maxErrors: number, near: number): Place[] {
  const { exact, prefix = '', suffix = '' } = quote;
  const reach = exact.length + maxErrors + 4;
  const places: Place[] = [];
  const hits = (piece: string, each: (at: number) => void) => {
    if (piece.length < MIN_CONTEXT_PIECE) return;
    const at: number[] = [];
    for (let i = text.indexOf(piece); i !== -1 && at.length < MAX_CONTEXT_SEEN; i = text.indexOf(piece, i + 1))
      at.push(i);
    // The nearest to the old position first.
    at.sort((a, b) => Math.abs(a - near) - Math.abs(b - near));
    for (const i of at.slice(0, MAX_CONTEXT_HITS)) each(i);
  };
  const head = prefix.slice(-CONTEXT_PIECE);
  hits(head, (i) => places.push(...fuzzyIn(text, exact, i + head.length, i + head.length + reach, maxErrors)));
  const tail = suffix.slice(0, CONTEXT_PIECE);
  hits(tail, (i) => places.push(...fuzzyIn(text, exact, i - reach, i, maxErrors)));
  return places;
}

// Far from the old position a match may differ from the quote in up to a
// fifth of its characters. A place found only there has no stored context
// next to it (contextPlaces would have found it), and without context a quote
// with more errors cannot reach the minimum score (50 × 0.8 + 15 of one side's
// context = 55 of 80, about 0.69; see scorePlace).
const FAR_ERROR_SHARE = 0.2;
// Far means this many characters either side of the old position (without a
// position: the whole text). A search costs about 1 ms per 10,000 characters
// and 32 characters of quote; the whole of a 1 MB page for every note that
// is gone would take seconds.
const FAR_REACH = 16_384;
// Pieces of the quote looked up exactly across the whole text (cheap: indexOf):
// a quote moved further away that kept a fifth of errors or fewer still holds
// most of them intact, and the search runs only around their copies.
const SEED_LENGTH = 16;
const MAX_SEED_HITS = 4;

const farErrors = (exact: string) => Math.min(MAX_ERRORS, Math.floor(exact.length * FAR_ERROR_SHARE));

/**
 * The lowest-error matches within FAR_REACH of the old position (quotes of
 * SHORT_QUOTE characters or more). A bare quote (no context known, as the
 * peer's tests look for them) has only itself to go by: up to half its
 * length in errors, as near it.
 */
export function farPlaces(
  text: string,
  exact: string,
  position: TextPositionSelector | undefined,
  hasContext: boolean,
): Place[] {
  if (exact.length < SHORT_QUOTE) return [];
  const from = position ? position.start - FAR_REACH : 0;
  const to = position ? position.end + FAR_REACH : text.length;
  const maxErrors = hasContext ? farErrors(exact) : maxErrorsFor(exact);
  return fuzzyIn(text, exact, from, to, maxErrors).slice(0, MAX_FAR);
}

/** Matches around exact copies of pieces of the quote, anywhere in the text (quotes of two pieces or more). */
export function seedPlaces(text: string, exact: string): Place[] {
  if (exact.length < SEED_LENGTH * 2) return [];
  const maxErrors = farErrors(exact);
  const places: Place[] = [];
  const offsets = [0, Math.floor(exact.length / 3), Math.floor((2 * exact.length) / 3), exact.length - SEED_LENGTH];
  const searched = new Set<number>();
  for (const offset of offsets) {
    const piece = exact.slice(offset, offset + SEED_LENGTH);
    let n = 0;
    for (let i = text.indexOf(piece); i !== -1 && n < MAX_SEED_HITS; i = text.indexOf(piece, i + 1), n++) {
      const start = i - offset;
      // One search per place, not one per piece found there.
      if ([...searched].some((s) => Math.abs(s - start) <= maxErrors)) continue;
      searched.add(start);
      places.push(...fuzzyIn(text, exact, start - maxErrors - 4, start + exact.length + maxErrors + 4, maxErrors));
    }
  }
  return places;
}
