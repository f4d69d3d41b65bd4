import type { Note } from '../notes/types';
import { NoteRefusedError } from './fitNote';
import { editedNote, NoteConflictError, NoteGoneError } from './notesStore';
import type { RatsmarkerDB } from './schema';

/** Who changes a colleague's note: the name colleagues see, and the login. */
export interface ColleagueEditor {
  author: string;
  user?: string;
}

/**
 * The reader changes the text of a colleague's shared note (issue 17: from
 * the popup's faction list; the card on the page stays read-only). The note
 * stays the colleague's (`faction`), carries the reader as its editor
 * ("bearbeitet von …") and is logged as a change to send (utils/db/sharedChanges.ts),
 * so the faction sync writes it as a new revision: a change of the author's
 * at the same time becomes a conflict the author settles. Only the text:
 * tags, sharing and deletion are the author's. `ifUpdated` as in `updateNote`.
 */
export async function editColleagueNote(
  db: RatsmarkerDB,
  id: string,
  text: string,
  editor: ColleagueEditor,
  now = new Date(),
  ifUpdated?: string,
): Promise<Note> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new NoteGoneError(id);
    // The reader's own notes are edited as such (updateNote); this is for colleagues' only.
    if (!note.faction) throw new NoteRefusedError('factionNoteReadOnly');
    if (ifUpdated !== undefined && note.updated !== ifUpdated) throw new NoteConflictError(note);
    const next = editedNote(note, { text }, now);
    const edited: Note = {
      ...next,
      editedBy: {
        author: editor.author,
        ...(editor.user !== undefined ? { user: editor.user } : {}),
        at: next.updated,
      },
    };
    await db.notes.put(edited);
    return edited;
  });
}
