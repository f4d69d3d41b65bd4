import { editedNote, NoteGoneError } from '@/utils/db/notesStore';
import type { RatsmarkerDB } from '@/utils/db/schema';
import type { Note } from '@/utils/notes/types';

/**
 * The version the author keeps: one of the faction server's (its revision;
 * `deleted`: that version deleted the note), or the one only on this device.
 */
export type KeptVersion =
  | { kind: 'here' }
  | { kind: 'other'; rev: string; text: string; tags: readonly string[] }
  | { kind: 'deleted'; rev: string };

/**
 * Settles a conflict of a shared note: the note takes the kept version's text
 * and tags (a change like the editor's, so `updated` moves on and the sync
 * sends it) and no longer carries `conflict`. In one transaction: a note
 * deleted meanwhile throws a NoteGoneError, and nothing is written.
 */
export async function keepVersion(
  db: RatsmarkerDB,
  id: string,
  kept: Exclude<KeptVersion, { kind: 'deleted' }>,
  now = new Date(),
): Promise<Note> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new NoteGoneError(id);
    const { conflict: _settled, ...rest } = note;
    const next = editedNote(rest, kept.kind === 'other' ? { text: kept.text, tags: [...kept.tags] } : {}, now);
    await db.notes.put(next);
    return next;
  });
}
