import type { NoteTarget } from '../notes/types';
import { locateQuote } from './locateQuote';
import { describePosition, describeQuote } from './selectors';

// More alike places than this are not offered one by one (a formula the page repeats everywhere).
const MAX_OFFERED = 3;

/**
 * The places a note not found could stand on, when several fit alike or one
 * fits its quote but its context stands by it on neither side: each as a
 * target to re-attach it to (the reader chooses; Ratsmarker does not guess).
 * Empty when the note is found, or when nothing fits.
 */
export function offeredPlaces(text: string, target: NoteTarget): NoteTarget[] {
  const located = locateQuote(text, target.quote, target.position);
  if (located.status !== 'ambiguous' && located.status !== 'unconfirmed') return [];
  return located.places
    .slice(0, MAX_OFFERED)
    .map((p) => ({ quote: describeQuote(text, p.start, p.end), position: describePosition(p.start, p.end) }));
}
