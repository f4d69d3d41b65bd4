import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countOwned, NOTE_OWNERS_TABLE, OWNER_COUNTS_KEY, ownedTest } from '@/utils/db/noteOwners';
import { addNote, findNotes, updateNote } from '@/utils/db/notesStore';
import { COLLEAGUE_INDEX, RatsmarkerDB, termsOf } from '@/utils/db/schema';
import { loadSearchIndex } from '@/utils/db/searchSnapshot';
import { noteDocument } from '@/utils/notes/documentKey';
import type { Note } from '@/utils/notes/types';

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

const doc = noteDocument('https://ratsinfo.example.de/vo0050.asp?__kvonr=12', { number: 'AIF/012/2024' });
const note = (id: string, minute: number, extra: Partial<Note> = {}): Note => {
  const base = {
    id,
    document: doc,
    documentKey: doc.key,
    measureIds: [],
    text: `Notiz ${id} ${minute % 2 ? 'Toulouse' : 'Haushalt'}`,
    tags: [],
    created: new Date(Date.UTC(2026, 10, 1, 8, minute)).toISOString(),
    updated: new Date(Date.UTC(2026, 10, 1, 8, minute)).toISOString(),
    ...extra,
  };
  return { ...base, terms: termsOf(base) };
};
const colleague = (id: string, minute: number) =>
  note(id, minute, { shared: true, faction: { author: `Mitglied ${minute % 3}`, user: `m${minute % 3}` } });

describe('colleagues’ notes by index (schema versions 5 and 6)', () => {
  it('upgrades a version 4 store: every note byte for byte, colleagues’ notes in the new index', async () => {
    const factory = new IDBFactory();
    const v4 = new Dexie('ratsmarker', { indexedDB: factory, IDBKeyRange });
    v4.version(2).stores({ notes: 'id, documentKey, updated, created, *measureIds, *tags, *terms' });
    v4.version(3).stores({ searchCache: '' });
    v4.version(4).stores({ sharedChanges: '++seq' });
    const stored = [note('mine', 1), note('mine-shared', 2, { shared: true }), colleague('theirs', 3)];
    await v4.table('notes').bulkAdd(structuredClone(stored));
    await v4.table('sharedChanges').add({ noteId: 'mine-shared' });
    v4.close();

    const db = new RatsmarkerDB('ratsmarker', { indexedDB: factory, IDBKeyRange });
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.notes.toArray()).toEqual(stored);
    expect(await db.table('sharedChanges').toArray()).toEqual([{ seq: 1, noteId: 'mine-shared' }]);
    expect(await db.notes.orderBy(COLLEAGUE_INDEX).primaryKeys()).toEqual(['theirs']);
    // Version 6: whose each note is, by date, beside the notes (which stay as they were).
    expect(await db.table(NOTE_OWNERS_TABLE).orderBy('id').toArray()).toEqual([
      { id: OWNER_COUNTS_KEY, mine: 2, faction: 1 },
      { id: 'mine', whose: 'mine', updated: stored[0]?.updated },
      { id: 'mine-shared', whose: 'mine', updated: stored[1]?.updated },
      { id: 'theirs', whose: 'faction', updated: stored[2]?.updated },
    ]);
    expect((await findNotes(db, { owner: 'faction' })).notes.map((n) => n.id)).toEqual(['theirs']);
    expect((await findNotes(db, { owner: 'mine' })).notes.map((n) => n.id)).toEqual(['mine-shared', 'mine']);
  });

  it('keeps the owners’ table with every write to the notes: added, changed, a colleague’s arriving, deleted, cleared', async () => {
    const db = new RatsmarkerDB('ratsmarker', { indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(db);
    // Sorted here, not by the table's order: the reader's note has a random id, which may sort before or after 'f1'.
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const owners = async () =>
      (await db.table(NOTE_OWNERS_TABLE).toArray()).filter((o) => o.id !== OWNER_COUNTS_KEY).sort(byId);
    const counts = async () => [await countOwned(db, 'mine'), await countOwned(db, 'faction')];
    const a = await addNote(db, { document: doc, text: 'Meine' }, new Date(Date.UTC(2026, 10, 2)));
    await db.notes.bulkPut([colleague('f1', 5), colleague('f2', 6)]);
    expect(await owners()).toEqual(
      [
        { id: a.id, whose: 'mine', updated: a.updated },
        { id: 'f1', whose: 'faction', updated: colleague('f1', 5).updated },
        { id: 'f2', whose: 'faction', updated: colleague('f2', 6).updated },
      ].sort(byId),
    );
    const edited = await updateNote(db, a.id, { text: 'Geändert' }, new Date(Date.UTC(2026, 10, 3)));
    await db.notes.delete('f1');
    expect(await owners()).toEqual(
      [
        { id: a.id, whose: 'mine', updated: edited?.updated },
        { id: 'f2', whose: 'faction', updated: colleague('f2', 6).updated },
      ].sort(byId),
    );
    expect(await counts()).toEqual([1, 1]);
    // A note changing hands moves between the counts; a failed add (the id is taken) leaves its note as it was.
    await db.notes.put({ ...colleague('f2', 6), faction: undefined });
    expect(await counts()).toEqual([2, 0]);
    await expect(db.notes.bulkAdd([colleague('f3', 7), colleague('f2', 8)])).rejects.toThrow();
    expect(await counts()).toEqual([2, 1]);
    expect((await findNotes(db, { owner: 'mine' })).notes.map((n) => n.id)).toEqual([a.id, 'f2']);
    await db.notes.bulkAdd([colleague('f4', 9), colleague('f5', 10)]);
    await db.notes.where('id').anyOf(['f4', a.id]).delete();
    expect(await counts()).toEqual([1, 2]);
    expect((await findNotes(db, { owner: 'faction' })).notes.map((n) => n.id)).toEqual(['f5', 'f3']);
    await db.notes.clear();
    expect(await owners()).toEqual([]);
    expect(await counts()).toEqual([0, 0]);
    await addNote(db, { document: doc, text: 'Nach dem Leeren' });
    expect(await counts()).toEqual([1, 0]);
  });

  it('"meine / Fraktion" with paging, search and tags reads only the page’s notes, never every note', async () => {
    const db = new RatsmarkerDB('ratsmarker', { indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(db);
    await db.notes.bulkAdd([
      ...Array.from({ length: 30 }, (_, i) => colleague(`f${i}`, i * 2)),
      ...Array.from({ length: 10 }, (_, i) => note(`m${i}`, i * 2 + 1)),
    ]);
    // Reading every note (a whole-table read or a filter over values) is what the index is there to spare.
    const toArray = vi.spyOn(db.notes, 'toArray');
    const filter = vi.spyOn(db.notes, 'filter');
    const faction = await findNotes(db, { owner: 'faction', offset: 2, limit: 3 });
    expect(faction.total).toBe(30);
    expect(faction.notes.map((n) => n.id)).toEqual(['f27', 'f26', 'f25']);
    const mine = await findNotes(db, { owner: 'mine', limit: 4 });
    expect(mine.total).toBe(10);
    expect(mine.notes.map((n) => n.id)).toEqual(['m9', 'm8', 'm7', 'm6']);
    expect(mine.notes.every((n) => !n.faction)).toBe(true);
    const searched = await findNotes(db, { owner: 'mine', query: 'toulouse' });
    expect(searched.notes.map((n) => n.id)).toEqual(['m9', 'm8', 'm7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1', 'm0']);
    expect((await findNotes(db, { owner: 'faction', query: 'toulouse' })).total).toBe(0);
    expect(toArray).not.toHaveBeenCalled();
    expect(filter).not.toHaveBeenCalled();
    // The same through the popup's in-memory search index.
    const index = await loadSearchIndex(db);
    const viaIndex = await findNotes(db, { owner: 'faction', query: 'haushalt', limit: 2 }, index);
    expect(viaIndex.total).toBe(30);
    expect(viaIndex.notes.map((n) => n.id)).toEqual(['f29', 'f28']);
  });

  it.each([
    [2_100, 3],
    [3, 2_100],
    [2_100, 2_100],
  ])('tells whose a note is from the smaller side’s keys (%i colleagues’, %i own)', async (theirs, own) => {
    const db = new RatsmarkerDB('ratsmarker', { indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(db);
    const at = (i: number) => new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
    await db
      .table(NOTE_OWNERS_TABLE)
      .bulkPut([
        ...Array.from({ length: theirs }, (_, i) => ({ id: `f${i}`, whose: 'faction', updated: at(i) })),
        ...Array.from({ length: own }, (_, i) => ({ id: `m${i}`, whose: 'mine', updated: at(i) })),
      ]);
    const faction = await ownedTest(db, 'faction');
    const mine = await ownedTest(db, 'mine');
    const ids = ['f0', `f${theirs - 1}`, 'm0', `m${own - 1}`];
    expect(ids.map(faction)).toEqual([true, true, false, false]);
    expect(ids.map(mine)).toEqual([false, false, true, true]);
  });
});
