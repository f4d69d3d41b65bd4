import type { Note, NoteTarget } from '../notes/types';
import { type RatsmarkerDB, termsOf } from './schema';

/**
 * Puts a note on a new passage the reader chose (its old one is no longer
 * found): the new quote and position become its target, the old target goes
 * to its history, so what the note was written on stays readable.
 */
export async function reattachNote(
  db: RatsmarkerDB,
  id: string,
  target: NoteTarget,
  now = new Date(),
): Promise<Note | undefined> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) return undefined;
    const history = note.target
      ? [...(note.history ?? []), { target: note.target, until: now.toISOString() }]
      : note.history;
    const next: Note = {
      ...note,
      target,
      ...(history ? { history } : {}),
      orphaned: false,
      updated: now.toISOString(),
    };
    next.terms = termsOf(next);
    await db.notes.put(next);
    return next;
  });
}
