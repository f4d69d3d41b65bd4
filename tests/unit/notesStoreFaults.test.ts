import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { NoteRefusedError } from '@/utils/db/fitNote';
import { importNotes } from '@/utils/db/importNotes';
import {
  addNote,
  deleteNote,
  NoteConflictError,
  NoteGoneError,
  restoreNote,
  setOrphaned,
  updateNote,
} from '@/utils/db/notesStore';
import { RatsmarkerDB } from '@/utils/db/schema';
import { exportNotesJson } from '@/utils/export/notesFile';
import { noteDocument } from '@/utils/notes/documentKey';
import { NOTE_LIMITS } from '@/utils/notes/limits';
import type { Note } from '@/utils/notes/types';
import { injectWriteFaults } from './writeFaults';

const opened: RatsmarkerDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
function freshDb(factory = new IDBFactory()) {
  const db = new RatsmarkerDB('faults', { indexedDB: factory, IDBKeyRange });
  opened.push(db);
  return db;
}
const doc = noteDocument('https://ratsinfo.example.de/vo0050.asp?__kvonr=7', { number: 'A/7', title: 'Radweg' });
const day = (d: number) => new Date(Date.UTC(2024, 2, d, 9, 30));

/** Everything in the database, as a second connection reads it (so a closed first one changes nothing). */
async function bytes(factory: IDBFactory): Promise<string> {
  const reader = new RatsmarkerDB('faults', { indexedDB: factory, IDBKeyRange });
  try {
    return JSON.stringify({
      notes: await reader.notes.orderBy('id').toArray(),
      cache: await reader.table('searchCache').toArray(),
    });
  } finally {
    reader.close();
  }
}

type Write = [string, (db: RatsmarkerDB, n: Note) => Promise<unknown>];
const writes: Write[] = [
  ['addNote', (db) => addNote(db, { document: doc, text: 'Neu' })],
  ['updateNote', (db, n) => updateNote(db, n.id, { text: 'Geändert' }, day(9), n.updated)],
  ['deleteNote', (db, n) => deleteNote(db, n.id)],
  ['restoreNote (undo)', (db, n) => restoreNote(db, { ...n, id: 'zurück' })],
  ['setOrphaned', (db, n) => setOrphaned(db, [], [n.id])],
  ['importNotes', (db, n) => importNotes(db, exportNotesJson([{ ...n, id: 'importiert' }]))],
];

describe.each(writes)('%s', (_name, write) => {
  it('with a full store (QuotaExceededError): rejects with it and changes nothing', async () => {
    const factory = new IDBFactory();
    const db = new RatsmarkerDB('faults', { indexedDB: factory, IDBKeyRange });
    opened.push(db);
    const faults = injectWriteFaults(db);
    const n = await addNote(db, { document: doc, text: 'Da', tags: ['Europa'] }, day(1));
    const before = await bytes(factory);
    faults.quota = true;
    const error = await write(db, n).then(
      () => undefined,
      (e: unknown) => e,
    );
    const e = error as { name?: string; inner?: { name?: string } };
    expect([e?.name, e?.inner?.name]).toContain('QuotaExceededError');
    expect(await bytes(factory)).toBe(before);
  });

  it('with a closed database: rejects with DatabaseClosedError and changes nothing', async () => {
    const factory = new IDBFactory();
    const db = freshDb(factory);
    const n = await addNote(db, { document: doc, text: 'Da', tags: ['Europa'] }, day(1));
    const before = await bytes(factory);
    db.close();
    await expect(write(db, n)).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    expect(await bytes(factory)).toBe(before);
  });
});

describe('a save sent again (the service worker stopped before it answered)', () => {
  it('stores the note once: an id chosen by the sender makes addNote idempotent', async () => {
    const db = freshDb();
    const input = { id: 'c0ffee00-0000-4000-8000-000000000001', document: doc, text: 'Einmal' };
    const first = await addNote(db, input, day(1));
    const again = await addNote(db, input, day(2));
    expect(again).toEqual(first);
    expect(await db.notes.toArray()).toEqual([first]);
  });

  it('does not hand out a note of another document under a reused id, and writes nothing', async () => {
    const db = freshDb();
    const id = 'c0ffee00-0000-4000-8000-000000000002';
    const first = await addNote(db, { id, document: doc, text: 'Geheim' }, day(1));
    const other = noteDocument('https://ratsinfo.example.de/vo0050.asp?__kvonr=9', { number: 'B/9' });
    await expect(addNote(db, { id, document: other, text: 'Neugierig' })).rejects.toBeInstanceOf(NoteRefusedError);
    expect(await db.notes.toArray()).toEqual([first]);
  });
});

describe('updateNote against a newer change made elsewhere', () => {
  it('compares `updated` inside the write: theirs stays, a NoteConflictError carries it', async () => {
    const db = freshDb();
    const mine = await addNote(db, { document: doc, text: 'Erste' }, day(1));
    const theirs = (await updateNote(db, mine.id, { text: 'Ihre' }, day(2), mine.updated)) as Note;
    const error = await updateNote(db, mine.id, { text: 'Meine' }, day(3), mine.updated).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoteConflictError);
    expect((error as NoteConflictError).current).toEqual(theirs);
    expect(await db.notes.get(mine.id)).toEqual(theirs);
    // Keeping mine, knowingly: against their copy it writes.
    expect((await updateNote(db, mine.id, { text: 'Meine' }, day(3), theirs.updated))?.text).toBe('Meine');
  });

  it('sees two edits within the same millisecond as two changes', async () => {
    const db = freshDb();
    const n = await addNote(db, { document: doc, text: 'Erste' }, day(1));
    const a = (await updateNote(db, n.id, { text: 'A' }, day(1), n.updated)) as Note;
    expect(a.updated > n.updated).toBe(true);
    await expect(updateNote(db, n.id, { text: 'B' }, day(1), n.updated)).rejects.toBeInstanceOf(NoteConflictError);
  });

  it('a note deleted elsewhere: NoteGoneError, nothing written', async () => {
    const db = freshDb();
    const n = await addNote(db, { document: doc, text: 'Erste' }, day(1));
    await deleteNote(db, n.id);
    await expect(updateNote(db, n.id, { text: 'Meine' }, day(2), n.updated)).rejects.toBeInstanceOf(NoteGoneError);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('the store keeps to the limits the import checks', () => {
  it('clips a title beyond the limit (display only) and the note still imports', async () => {
    const db = freshDb();
    const long = noteDocument('https://ratsinfo.example.de/vo0050.asp?__kvonr=8', {
      title: 'T'.repeat(NOTE_LIMITS.title + 500),
    });
    const n = await addNote(db, { document: long, text: 'Langer Titel' });
    expect(n.document.title).toHaveLength(NOTE_LIMITS.title);
    const other = freshDb();
    await importNotes(other, exportNotesJson([n]));
    expect(await other.notes.get(n.id)).toEqual(n);
  });

  it('refuses a text or a URL beyond the limit with a message, and writes nothing', async () => {
    const db = freshDb();
    await expect(addNote(db, { document: doc, text: 'x'.repeat(NOTE_LIMITS.text + 1) })).rejects.toMatchObject({
      name: 'NoteRefusedError',
      code: 'errNoteTextTooLong',
    });
    const longUrl = noteDocument(`https://ratsinfo.example.de/${'a'.repeat(NOTE_LIMITS.url)}`, {});
    await expect(addNote(db, { document: longUrl, text: 'Lange Adresse' })).rejects.toBeInstanceOf(NoteRefusedError);
    const n = await addNote(db, { document: doc, text: 'kurz' });
    await expect(updateNote(db, n.id, { text: 'y'.repeat(NOTE_LIMITS.text + 1) })).rejects.toBeInstanceOf(
      NoteRefusedError,
    );
    expect(await db.notes.toArray()).toEqual([n]);
  });
});
