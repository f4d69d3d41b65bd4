import type { Note } from '../notes/types';
import { anchorQuote } from './anchorQuote';
import { passageAt } from './joinPassages';

export interface AnchoredNotes {
  found: string[];
  orphaned: string[];
  byPassage: Map<number, Note[]>;
}

/** Finds one note's passage and files the note under it (or as not found). */
function anchorOne(note: Note, text: string, starts: readonly number[], into: AnchoredNotes) {
  // A page note stands on no passage: nothing to find, nothing lost.
  if (!note.target) return;
  const hit = anchorQuote(text, note.target.quote, note.target.position);
  if (!hit) {
    into.orphaned.push(note.id);
    return;
  }
  into.found.push(note.id);
  const index = passageAt(starts, hit.start);
  into.byPassage.set(index, [...(into.byPassage.get(index) ?? []), note]);
}

const empty = (): AnchoredNotes => ({ found: [], orphaned: [], byPassage: new Map() });

/**
 * Finds each note's passage again in a document's motion text (its passages
 * joined, see joinPassages): the notes by the passage they now stand in, and
 * which were found and which not (the latter are kept, marked as no longer found).
 */
export function anchorNotes(notes: readonly Note[], text: string, starts: readonly number[]): AnchoredNotes {
  const result = empty();
  for (const note of notes) anchorOne(note, text, starts, result);
  return result;
}

/**
 * anchorNotes on the page's main thread: `pause` between notes, so that the
 * page gets a turn when a slice of work is used up (a note that is gone is
 * looked for in several ways and costs a few milliseconds on a 1 MB text;
 * two hundred of them in one task froze the page for seconds).
 */
export async function anchorNotesInSlices(
  notes: readonly Note[],
  text: string,
  starts: readonly number[],
  pause: () => Promise<void>,
): Promise<AnchoredNotes> {
  const result = empty();
  for (const note of notes) {
    anchorOne(note, text, starts, result);
    await pause();
  }
  return result;
}
