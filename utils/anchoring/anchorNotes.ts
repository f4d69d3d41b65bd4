import type { Note } from '../notes/types';
import { anchorQuote } from './anchorQuote';
import { passageAt } from './joinPassages';

/**
 * Finds each note's passage again in a document's motion text (its passages
 * joined, see joinPassages): the notes by the passage they now stand in, and
 * which were found and which not (the latter are kept, marked as no longer found).
 */
export function anchorNotes(
  notes: readonly Note[],
  text: string,
  starts: readonly number[],
): { found: string[]; orphaned: string[]; byPassage: Map<number, Note[]> } {
  const found: string[] = [];
  const orphaned: string[] = [];
  const byPassage = new Map<number, Note[]>();
  for (const note of notes) {
    // A page note stands on no passage: nothing to find, nothing lost.
    if (!note.target) continue;
    const hit = anchorQuote(text, note.target.quote, note.target.position);
    if (!hit) {
      orphaned.push(note.id);
      continue;
    }
    found.push(note.id);
    const index = passageAt(starts, hit.start);
    byPassage.set(index, [...(byPassage.get(index) ?? []), note]);
  }
  return { found, orphaned, byPassage };
}
