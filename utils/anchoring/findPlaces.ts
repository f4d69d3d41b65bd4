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
const MAX_CONTEXT_SEEN = 256;
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

/**
 * Where `piece` stands in text[from, to), at most `limit` places. A window is
 * searched in a copy of it: indexOf has no end, and a piece that is not in the
 * window would be looked for through the rest of a 1 MB text.
 */
export function occurrences(text: string, piece: string, from: number, to: number, limit: number): number[] {
  const a = Math.max(0, from);
  const whole = a === 0 && to >= text.length;
  const window = whole ? text : text.slice(a, Math.min(text.length, to));
  const at: number[] = [];
  for (let i = window.indexOf(piece); i !== -1 && at.length < limit; i = window.indexOf(piece, i + 1)) at.push(a + i);
  return at;
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
  const scan = (piece: string, from: number, to: number) => occurrences(text, piece, from, to, MAX_CONTEXT_SEEN);
  const hits = (piece: string, each: (at: number) => void) => {
    if (piece.length < MIN_CONTEXT_PIECE) return;
    // Around the old position first (a few per cent of a long page); the whole
    // text only when the piece stands nowhere near (the passage moved far).
    let at = scan(piece, Math.max(0, near - FAR_REACH), near + FAR_REACH);
    if (at.length === 0) at = scan(piece, 0, text.length);
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

// Quotes this long are searched far away only around exact copies of pieces
// of them (below): a bit-parallel search costs a machine word per 32
// characters of quote at every character of the text, and a 1 MB page with
// 200 notes gone took seconds. Shorter quotes are searched through the whole
// window (one machine word: some 0.3 ms for 32 kB).
const PIECES_FROM = 40;
// The pieces: this long, evenly spread over the quote, at most this many. A
// match with a fifth of its characters changed keeps most of its
// 12-character pieces when the changes are a few reworded words (as council
// texts change); one whose changes are spread so evenly that every piece is
// hit is not found far away (it still is near its position and its context).
// Shorter pieces: more chance copies to search around; fewer: more such misses.
const PIECE = 12;
const MAX_PIECES = 10;
// Windows searched around the pieces' copies, the nearest to the old position
// first: the cost of a note is at most this many small searches.
const MAX_WINDOWS = 16;
// Copies of one piece looked at (a piece of a formula stands on every page).
const MAX_PIECE_HITS = 64;

/** Where the quote would start, by exact copies of its pieces in text[from, to) (nearest `near` first). */
function pieceStarts(text: string, exact: string, from: number, to: number, near: number, maxErrors: number) {
  const count = Math.min(MAX_PIECES, Math.floor(exact.length / PIECE));
  const starts: number[] = [];
  for (let n = 0; n < count; n++) {
    const offset = Math.floor((n * (exact.length - PIECE)) / Math.max(1, count - 1));
    const piece = exact.slice(offset, offset + PIECE);
    for (const i of occurrences(text, piece, from, to, MAX_PIECE_HITS)) starts.push(i - offset);
  }
  starts.sort((a, b) => Math.abs(a - near) - Math.abs(b - near));
  // One window per place, not one per piece found there.
  const windows: number[] = [];
  for (const start of starts) {
    if (windows.length >= MAX_WINDOWS) break;
    if (!windows.some((w) => Math.abs(w - start) <= maxErrors)) windows.push(start);
  }
  return windows;
}

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
  const from = Math.max(0, position ? position.start - FAR_REACH : 0);
  const to = position ? position.end + FAR_REACH : text.length;
  const maxErrors = hasContext ? farErrors(exact) : maxErrorsFor(exact);
  if (exact.length < PIECES_FROM) return fuzzyIn(text, exact, from, to, maxErrors).slice(0, MAX_FAR);
  const near = position ? position.start : 0;
  return pieceStarts(text, exact, from, to, near, maxErrors).flatMap((start) =>
    fuzzyIn(text, exact, start - maxErrors - 4, start + exact.length + maxErrors + 4, maxErrors),
  );
}

/** Matches around exact copies of pieces of the quote, anywhere in the text (quotes of two pieces or more). */
export function seedPlaces(text: string, exact: string): Place[] {
  if (exact.length < SEED_LENGTH * 2) return [];
  const maxErrors = farErrors(exact);
  const places: Place[] = [];
  // The first and the last piece: each one look through the whole text (some 0.5 ms for 1 MB); the far
  // search (farPlaces) looks for more pieces, but only around the old position.
  const offsets = [0, exact.length - SEED_LENGTH];
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
