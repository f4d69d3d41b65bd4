import { signal } from '@preact/signals';
import type { Note } from '@/utils/notes/types';
import { loadNotebook } from './loadNotebook';

/** The note deleted last, while it can still be brought back. */
export const lastDeleted = signal<Note | undefined>(undefined);
let timer: ReturnType<typeof setTimeout> | undefined;
// Long enough to notice and reach the button by keyboard.
const UNDO_MS = 10_000;

/** Deletes a note and offers it back for a while; a failed delete throws and leaves the note. */
export async function deleteWithUndo(id: string): Promise<void> {
  const { db, deleteNote } = await loadNotebook();
  const note = await deleteNote(db, id);
  if (!note) return;
  lastDeleted.value = note;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    lastDeleted.value = undefined;
  }, UNDO_MS);
}

/**
 * Brings the note deleted last back. When that fails the note stays offered
 * (no longer on a timer) until it is restored or another note is deleted.
 */
export async function undoDelete(): Promise<void> {
  const note = lastDeleted.value;
  if (!note) return;
  if (timer) clearTimeout(timer);
  timer = undefined;
  const { db, restoreNote } = await loadNotebook();
  await restoreNote(db, note);
  lastDeleted.value = undefined;
}
