import type { Note } from '@/utils/notes/types';

// The newest notes as the list last showed them, kept in the extension's own
// localStorage (on the device, like the notebook): opening IndexedDB alone
// takes about 100 ms here, localStorage is read at once. The live query
// replaces this copy as soon as it answers.
const KEY = 'ratsmarker:first-notes';

export interface NotesWindow {
  total: number;
  notes: Note[];
}

const isNote = (n: unknown): n is Note => {
  const x = n as Partial<Note> | null;
  return (
    !!x &&
    typeof x.id === 'string' &&
    typeof x.text === 'string' &&
    typeof x.updated === 'string' &&
    typeof x.document?.url === 'string' &&
    Array.isArray(x.tags) &&
    Array.isArray(x.measureIds)
  );
};

/** The copy of the list's first window, if there is a sound one. */
export function cachedFirstNotes(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): NotesWindow | undefined {
  try {
    const value = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<NotesWindow> | null;
    if (!value || typeof value.total !== 'number' || !Array.isArray(value.notes) || !value.notes.every(isNote))
      return undefined;
    return { total: value.total, notes: value.notes };
  } catch {
    return undefined;
  }
}

/** Keeps the list's first window for the next opening. */
export function rememberFirstNotes(
  window: NotesWindow,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(window));
  } catch {
    // Full or unavailable: the list then waits for the database, as before.
  }
}
