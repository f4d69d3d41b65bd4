import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import { importNotes } from '@/utils/db/importNotes';
import { addNote, findNotes, notesForDocument, updateNote } from '@/utils/db/notesStore';
import { RatsmarkerDB, termsOf } from '@/utils/db/schema';
import { loadSearchIndex } from '@/utils/db/searchSnapshot';
import { exportNotesJson } from '@/utils/export/notesFile';
import { noteDocument } from '@/utils/notes/documentKey';
import type { Note } from '@/utils/notes/types';

const docA = noteDocument('https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711', {
  number: 'AIF/012/2024',
  title: 'Partnerschaft mit Czernowitz',
});
const docB = noteDocument('http://buergerinfo.example.de/vo020.asp?VOLFDNR=815', { title: 'Radweg' });
const motion = 'Der Rat beschließt: Die Verwaltung wird beauftragt, eine Städtepartnerschaft vorzubereiten.';
const start = motion.indexOf('Die Verwaltung');
const day = (d: number) => new Date(Date.UTC(2024, 2, d, 9, 30)).toISOString();

/** Notes as version 2 wrote them: with their search terms, no search cache table. */
const V2_NOTES: Note[] = (
  [
    {
      id: 'a',
      document: docA,
      documentKey: docA.key,
      target: { quote: describeQuote(motion, start, motion.length), position: describePosition(start, motion.length) },
      measureIds: ['KW21-7'],
      text: 'Finanzierung klären',
      tags: ['Europa'],
      created: day(1),
      updated: day(2),
    },
    {
      id: 'b',
      document: docB,
      documentKey: docB.key,
      measureIds: [],
      text: 'Seitennotiz: <b>Radweg</b> \u202Eprüfen',
      tags: ['Klima', 'Verkehr'],
      created: day(3),
      updated: day(3),
      orphaned: true,
    },
    {
      id: 'c',
      document: docA,
      documentKey: docA.key,
      target: { quote: describeQuote(motion, 0, 9), position: describePosition(0, 9), page: 2 },
      measureIds: ['KW21-7', 'KW21-12'],
      text: '',
      tags: [],
      created: day(4),
      updated: day(5),
      orphaned: false,
    },
  ] as Omit<Note, 'terms'>[]
).map((n) => ({ ...n, terms: termsOf(n) }));

describe('schema upgrade from version 2 to the current version', () => {
  it('keeps every note byte for byte, adds the search cache, and the store works as a new one', async () => {
    const factory = new IDBFactory();
    const v2 = new Dexie('ratsmarker', { indexedDB: factory, IDBKeyRange });
    v2.version(1).stores({ notes: 'id, documentKey, updated, created, *measureIds, *tags' });
    v2.version(2).stores({ notes: 'id, documentKey, updated, created, *measureIds, *tags, *terms' });
    await v2.table('notes').bulkAdd(structuredClone(V2_NOTES));
    expect(v2.verno).toBe(2);
    v2.close();

    const db = new RatsmarkerDB('ratsmarker', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['noteOwners', 'notes', 'searchCache', 'sharedChanges']);
    expect(JSON.stringify(await db.notes.orderBy('id').toArray())).toBe(JSON.stringify(V2_NOTES));

    // Every index answers as before, and the stored search index is built over the old notes.
    expect((await notesForDocument(db, docA.key)).map((n) => n.id)).toEqual(['c', 'a']);
    expect((await findNotes(db, { query: 'städtepartner' })).notes.map((n) => n.id)).toEqual(['a']);
    expect((await findNotes(db, { tag: 'Klima' })).notes.map((n) => n.id)).toEqual(['b']);
    const index = await loadSearchIndex(db);
    expect((await findNotes(db, { query: 'radweg' }, index)).notes.map((n) => n.id)).toEqual(['b']);
    const mark = await db.table('searchCache').get('notesChanged');
    expect(await db.table('searchCache').get('index')).toBeDefined();

    // Written to, exported and imported as any store of the current version.
    const added = await addNote(db, { document: docB, text: 'Nach dem Upgrade' });
    await updateNote(db, 'a', { text: 'Finanzierung geklärt' }, new Date(), day(2));
    // Every write marks the stored index as stale.
    expect(await db.table('searchCache').get('notesChanged')).not.toEqual(mark);
    const all = await db.notes.orderBy('id').toArray();
    const fresh = new RatsmarkerDB('fresh', { indexedDB: new IDBFactory(), IDBKeyRange });
    await importNotes(fresh, exportNotesJson(all));
    expect(await fresh.notes.orderBy('id').toArray()).toEqual(all);
    expect(all.map((n) => n.id)).toContain(added.id);
    fresh.close();
    db.close();
  });
});
