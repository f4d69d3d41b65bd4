import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import {
  addNote,
  allTags,
  cleanTags,
  deleteNote,
  findNotes,
  type NewNote,
  type NoteQuery,
  notesForDocument,
  restoreNote,
  setOrphaned,
  updateNote,
} from '@/utils/db/notesStore';
import { RatsmarkerDB, termsOf } from '@/utils/db/schema';
import { loadSearchIndex, readSearchIndex } from '@/utils/db/searchSnapshot';
import { noteDocument } from '@/utils/notes/documentKey';
import type { Note, NoteTarget } from '@/utils/notes/types';

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function freshDb(factory = new IDBFactory(), name = 'test'): RatsmarkerDB {
  const db = new RatsmarkerDB(name, { indexedDB: factory, IDBKeyRange });
  opened.push(db);
  return db;
}

const day = (d: number) => new Date(Date.UTC(2024, 2, d, 9, 30));

// The same Vorlage reached by two URLs: the session view and a print view.
const docA = noteDocument('https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711#anlage', {
  number: 'AIF/012/2024',
  title: 'Partnerschaft mit Czernowitz',
});
const docAPrint = noteDocument('https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0051.asp?__kvonr=4711&print=1', {
  number: ' AIF/012/2024 ',
});
const docB = noteDocument('https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=815', {
  number: 'BV/2024/0815',
  title: 'Radweg an der Königsallee',
});
// The same number on another council's site is another document.
const docOtherSite = noteDocument('https://buergerinfo.koeln.de/vo0050.asp?__kvonr=4711', { number: 'AIF/012/2024' });

const motion =
  'Der Rat beschließt: 1. Die Verwaltung wird beauftragt, eine Städtepartnerschaft vorzubereiten. 2. Bericht im Herbst.';
function targetOf(text: string, exact: string): NoteTarget {
  const start = text.indexOf(exact);
  const end = start + exact.length;
  return { quote: describeQuote(text, start, end), position: describePosition(start, end) };
}
const quoteTarget = targetOf(motion, 'Die Verwaltung wird beauftragt, eine Städtepartnerschaft vorzubereiten.');

/** Four notes on two documents, one a day (n1 oldest, n4 newest). */
async function seed(db: RatsmarkerDB) {
  const inputs: NewNote[] = [
    {
      document: docA,
      target: quoteTarget,
      measureIds: ['KW21-7'],
      text: 'Gut, aber die Finanzierung klären',
      tags: ['Europa'],
    },
    {
      document: docB,
      measureIds: ['KW21-12'],
      text: 'Radverkehr stärken',
      tags: ['Verkehr', 'Klima'],
    },
    { document: docA, text: 'Nachfragen im Ausschuss: Partnerstadt Czernowitz?', tags: ['Europa', 'Nachfrage'] },
    { document: docB, measureIds: ['KW21-7', 'KW21-12'], text: 'Öffentlicher Nahverkehr', tags: ['Klima'] },
  ];
  const notes: Note[] = [];
  for (const [i, input] of inputs.entries()) notes.push(await addNote(db, input, day(i + 1)));
  const [n1, n2, n3, n4] = notes as [Note, Note, Note, Note];
  return { n1, n2, n3, n4 };
}

const texts = (r: { notes: Note[] }) => r.notes.map((n) => n.text);

// Every search test runs twice: on the database's indexes alone, and with the
// search index the popup builds in memory. Both must find the same notes in the same order.
type Finder = (db: RatsmarkerDB, q?: NoteQuery) => ReturnType<typeof findNotes>;
const finders: [string, Finder][] = [
  ['(database indexes)', (db, q) => findNotes(db, q)],
  ['(search index in memory)', async (db, q) => findNotes(db, q, await readSearchIndex(db))],
  ['(search index read 64 notes at a time)', async (db, q) => findNotes(db, q, await readSearchIndex(db, 64))],
  ['(search index as stored)', async (db, q) => findNotes(db, q, await loadSearchIndex(db))],
];

describe('cleanTags', () => {
  it('trims, drops empty tags and duplicates, keeps order and case', () => {
    expect(cleanTags([' Klima ', '', '   ', 'Klima', 'Verkehr', 'klima', 'Verkehr '])).toEqual([
      'Klima',
      'Verkehr',
      'klima',
    ]);
  });

  it('keeps at most 50 tags', () => {
    const many = Array.from({ length: 80 }, (_, i) => `t${i}`);
    expect(cleanTags(many)).toEqual(many.slice(0, 50));
  });
});

describe('addNote', () => {
  it('stores a passage note with id, document key, dates, cleaned tags and search terms', async () => {
    const db = freshDb();
    const now = day(5);
    const note = await addNote(
      db,
      { document: docA, target: quoteTarget, measureIds: ['KW21-7'], text: 'Wichtig', tags: [' Europa', 'Europa', ''] },
      now,
    );
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(note).toMatchObject({
      document: docA,
      documentKey: 'ratsinfo.duesseldorf.de|AIF/012/2024',
      target: quoteTarget,
      measureIds: ['KW21-7'],
      text: 'Wichtig',
      tags: ['Europa'],
      created: now.toISOString(),
      updated: now.toISOString(),
    });
    expect(note.terms).toEqual(
      expect.arrayContaining(['wichtig', 'stadtepartnerschaft', 'czernowitz', 'aif', 'europa']),
    );
    expect(await db.notes.get(note.id)).toEqual(note);
  });

  it('stores a page note without target, with empty measures and tags', async () => {
    const db = freshDb();
    const note = await addNote(db, { document: docB, text: 'Seite merken' });
    expect(note).not.toHaveProperty('target');
    expect(note.measureIds).toEqual([]);
    expect(note.tags).toEqual([]);
    expect(await db.notes.get(note.id)).toEqual(note);
  });

  it('gives every note its own id', async () => {
    const db = freshDb();
    const a = await addNote(db, { document: docA, text: 'eins' });
    const b = await addNote(db, { document: docA, text: 'eins' });
    expect(a.id).not.toBe(b.id);
    expect(await db.notes.count()).toBe(2);
  });
});

describe('updateNote', () => {
  it('changes text and tags, sets a new updated time, keeps created, recomputes the terms', async () => {
    const db = freshDb();
    const { n1 } = await seed(db);
    const later = day(20);
    const next = await updateNote(
      db,
      n1.id,
      { text: 'Zuschüsse beantragen', tags: [' Förderung', 'Förderung', ''] },
      later,
    );
    expect(next).toEqual({
      ...n1,
      text: 'Zuschüsse beantragen',
      tags: ['Förderung'],
      updated: later.toISOString(),
      terms: termsOf({ ...n1, text: 'Zuschüsse beantragen', tags: ['Förderung'] }),
    });
    expect(next?.created).toBe(n1.created);
    expect(await db.notes.get(n1.id)).toEqual(next);

    // The old words are gone from the index, the new ones are in it.
    expect(texts(await findNotes(db, { query: 'finanzierung' }))).toEqual([]);
    expect(texts(await findNotes(db, { query: 'europa' }))).not.toContain('Zuschüsse beantragen');
    expect(texts(await findNotes(db, { query: 'zuschusse' }))).toEqual(['Zuschüsse beantragen']);
    expect(texts(await findNotes(db, { query: 'forderung' }))).toEqual(['Zuschüsse beantragen']);
    // Newest first: the edited note moved to the top.
    expect((await findNotes(db)).notes[0]?.id).toBe(n1.id);
  });

  it('changes only what is given', async () => {
    const db = freshDb();
    const { n2 } = await seed(db);
    const onlyTags = await updateNote(db, n2.id, { tags: ['Rad'] }, day(21));
    expect(onlyTags?.text).toBe(n2.text);
    expect(onlyTags?.tags).toEqual(['Rad']);
    const onlyText = await updateNote(db, n2.id, { text: 'Radwege' }, day(22));
    expect(onlyText?.tags).toEqual(['Rad']);
    expect(onlyText?.text).toBe('Radwege');
    expect(onlyText?.terms).toEqual(termsOf({ ...n2, text: 'Radwege', tags: ['Rad'] }));
  });

  it('returns undefined and writes nothing for an unknown id', async () => {
    const db = freshDb();
    await seed(db);
    const before = await db.notes.toArray();
    expect(await updateNote(db, 'no-such-note', { text: 'x' })).toBeUndefined();
    expect(await db.notes.toArray()).toEqual(before);
  });
});

describe('deleteNote and restoreNote', () => {
  it('deletes a note, hands it back, and restoring it brings it back unchanged (undo)', async () => {
    const db = freshDb();
    const { n1, n2, n3, n4 } = await seed(db);
    const before = await db.notes.toArray();

    const deleted = await deleteNote(db, n3.id);
    expect(deleted).toEqual(n3);
    expect(await db.notes.get(n3.id)).toBeUndefined();
    expect((await findNotes(db)).notes.map((n) => n.id)).toEqual([n4.id, n2.id, n1.id]);
    expect(texts(await findNotes(db, { query: 'ausschuss' }))).toEqual([]);
    expect(await allTags(db)).not.toContain('Nachfrage');

    await restoreNote(db, deleted as Note);
    expect(await db.notes.toArray()).toEqual(before);
    expect(texts(await findNotes(db, { query: 'ausschuss' }))).toEqual([n3.text]);
    expect(await allTags(db)).toContain('Nachfrage');
  });

  it('returns undefined for an unknown id and leaves the others', async () => {
    const db = freshDb();
    await seed(db);
    expect(await deleteNote(db, 'no-such-note')).toBeUndefined();
    expect(await db.notes.count()).toBe(4);
  });
});

describe('notesForDocument', () => {
  it('finds the notes of a document newest first, also when it is reached by another URL', async () => {
    const db = freshDb();
    const { n1, n3 } = await seed(db);
    expect(docAPrint.url).not.toBe(docA.url);
    expect(docAPrint.key).toBe(docA.key);

    const viaPrint = await notesForDocument(db, docAPrint.key);
    expect(viaPrint.map((n) => n.id)).toEqual([n3.id, n1.id]);
    expect(await notesForDocument(db, docA.key)).toEqual(viaPrint);
  });

  it('does not mix documents: other number, same number on another site, unknown key', async () => {
    const db = freshDb();
    const { n2, n4 } = await seed(db);
    expect((await notesForDocument(db, docB.key)).map((n) => n.id)).toEqual([n4.id, n2.id]);
    expect(docOtherSite.key).not.toBe(docA.key);
    expect(await notesForDocument(db, docOtherSite.key)).toEqual([]);
    expect(await notesForDocument(db, 'https://example.org/nothing')).toEqual([]);
  });

  it('keys a document without number by its URL without fragment', async () => {
    const db = freshDb();
    const doc = noteDocument('https://example.org/sitzung?id=3#top', {});
    const note = await addNote(db, { document: doc, text: 'ohne Nummer' });
    expect(doc.key).toBe('https://example.org/sitzung?id=3');
    const other = noteDocument('https://example.org/sitzung?id=3#unten', {});
    expect((await notesForDocument(db, other.key)).map((n) => n.id)).toEqual([note.id]);
  });
});

describe('setOrphaned', () => {
  it('marks notes found and not found, ignores unknown ids and leaves the rest alone', async () => {
    const db = freshDb();
    const { n1, n2, n3, n4 } = await seed(db);
    await setOrphaned(db, [n1.id], [n2.id, 'gone-meanwhile']);
    expect((await db.notes.get(n1.id))?.orphaned).toBe(false);
    expect((await db.notes.get(n2.id))?.orphaned).toBe(true);
    expect(await db.notes.get(n3.id)).toEqual(n3);
    expect(await db.notes.get(n4.id)).toEqual(n4);
    expect(await db.notes.get('gone-meanwhile')).toBeUndefined();
    expect(await db.notes.count()).toBe(4);

    // Found again on a later visit.
    await setOrphaned(db, [n2.id], []);
    expect((await db.notes.get(n2.id))?.orphaned).toBe(false);
    // Nothing else of the note changes.
    expect(await db.notes.get(n2.id)).toEqual({ ...n2, orphaned: false });
  });
});

describe.each(finders)('findNotes %s', (_, find) => {
  it('lists all notes newest first, with the total', async () => {
    const db = freshDb();
    const { n1, n2, n3, n4 } = await seed(db);
    const all = await find(db);
    expect(all.total).toBe(4);
    expect(all.notes.map((n) => n.id)).toEqual([n4.id, n3.id, n2.id, n1.id]);
    expect(await find(db, {})).toEqual(all);
  });

  it('finds nothing in an empty store', async () => {
    const db = freshDb();
    expect(await find(db)).toEqual({ total: 0, notes: [] });
    expect(await find(db, { query: 'rat' })).toEqual({ total: 0, notes: [] });
  });

  it('searches the note text, the quote, the title, the number and the tags', async () => {
    const db = freshDb();
    const { n1, n2, n3, n4 } = await seed(db);
    const ids = async (query: string) => (await find(db, { query })).notes.map((n) => n.id);
    expect(await ids('finanzierung')).toEqual([n1.id]); // text
    expect(await ids('beauftragt')).toEqual([n1.id]); // quote only
    expect(await ids('czernowitz')).toEqual([n3.id, n1.id]); // text of n3, title of both
    expect(await ids('königsallee')).toEqual([n4.id, n2.id]); // title
    expect(await ids('AIF/012/2024')).toEqual([n3.id, n1.id]); // number
    expect(await ids('0815')).toEqual([n4.id, n2.id]); // number part
    expect(await ids('klima')).toEqual([n4.id, n2.id]); // tag only
    expect(await ids('nachfrage')).toEqual([n3.id]); // tag and text
  });

  it('matches word prefixes, ignoring case and umlauts', async () => {
    const db = freshDb();
    const { n1, n2, n4 } = await seed(db);
    const ids = async (query: string) => (await find(db, { query })).notes.map((n) => n.id);
    expect(await ids('stadte')).toEqual([n1.id]); // "Städtepartnerschaft" in the quote
    expect(await ids('Städte')).toEqual([n1.id]);
    expect(await ids('STÄDTEPARTNER')).toEqual([n1.id]);
    expect(await ids('offentlich')).toEqual([n4.id]);
    expect(await ids('ÖFFENTL')).toEqual([n4.id]);
    expect(await ids('radverk')).toEqual([n2.id]);
    expect(await ids('rad')).toEqual([n4.id, n2.id]); // "Radweg" in the title of both
    expect(await ids('konigs')).toEqual([n4.id, n2.id]);
    // A prefix, not any part of a word: "verkehr" is the tag of n2, not "Radverkehr"/"Nahverkehr".
    expect(await ids('verkehr')).toEqual([n2.id]);
    expect(await ids('partnerschaftx')).toEqual([]);
  });

  it('needs every word of the query to match', async () => {
    const db = freshDb();
    const { n1, n2, n3 } = await seed(db);
    const ids = async (query: string) => (await find(db, { query })).notes.map((n) => n.id);
    expect(await ids('radverkehr klima')).toEqual([n2.id]);
    expect(await ids('klima, RADVERKEHR!')).toEqual([n2.id]);
    expect(await ids('verwaltung finanz')).toEqual([n1.id]);
    expect(await ids('czernowitz ausschuss')).toEqual([n3.id]);
    expect(await ids('verwaltung klima')).toEqual([]);
    // A query of punctuation only is no query.
    expect((await find(db, { query: ' – ?! ' })).total).toBe(4);
  });

  // Pages and PDFs write umlauts decomposed (a + U+0308) and put soft hyphens into long words;
  // the tokenizer of the matcher reads both as one word (utils/text/tokenize.ts), so should the search.
  it('finds a note whose words carry decomposed umlauts', async () => {
    const db = freshDb();
    const note = await addNote(db, { document: docB, text: 'Sta\u0308dtepartnerschaft pru\u0308fen' });
    expect((await find(db, { query: 'stadte' })).notes.map((n) => n.id)).toEqual([note.id]);
    expect((await find(db, { query: 'prüfen' })).notes.map((n) => n.id)).toEqual([note.id]);
  });

  it('finds a note whose words carry soft hyphens', async () => {
    const db = freshDb();
    const note = await addNote(db, { document: docB, text: 'Klima\u00ADschutz\u00ADkonzept' });
    expect((await find(db, { query: 'klimaschutz' })).notes.map((n) => n.id)).toEqual([note.id]);
  });

  it('filters by measure and by tag, alone and with a query', async () => {
    const db = freshDb();
    const { n1, n2, n3, n4 } = await seed(db);
    const ids = async (q: NoteQuery) => (await find(db, q)).notes.map((n) => n.id);
    expect(await ids({ measure: 'KW21-7' })).toEqual([n4.id, n1.id]);
    expect(await ids({ measure: 'KW21-12' })).toEqual([n4.id, n2.id]);
    expect(await ids({ measure: 'KW21-99' })).toEqual([]);
    expect(await ids({ tag: 'Klima' })).toEqual([n4.id, n2.id]);
    expect(await ids({ tag: 'Europa' })).toEqual([n3.id, n1.id]);
    expect(await ids({ tag: 'Unbekannt' })).toEqual([]);
    expect(await ids({ measure: 'KW21-12', query: 'radverkehr' })).toEqual([n2.id]);
    expect(await ids({ tag: 'Europa', query: 'czernowitz' })).toEqual([n3.id, n1.id]);
    expect(await ids({ tag: 'Europa', query: 'ausschuss' })).toEqual([n3.id]);
    expect(await ids({ measure: 'KW21-7', tag: 'Klima' })).toEqual([n4.id]);
    expect(await ids({ measure: 'KW21-7', tag: 'Nachfrage' })).toEqual([]);
    expect((await find(db, { tag: 'Klima' })).total).toBe(2);
  });

  it('pages with offset and limit; the total counts all hits', async () => {
    const db = freshDb();
    const { n1, n2, n3, n4 } = await seed(db);
    const page = async (q: NoteQuery) => {
      const r = await find(db, q);
      return { total: r.total, ids: r.notes.map((n) => n.id) };
    };
    expect(await page({ offset: 1, limit: 2 })).toEqual({ total: 4, ids: [n3.id, n2.id] });
    expect(await page({ offset: 3, limit: 2 })).toEqual({ total: 4, ids: [n1.id] });
    expect(await page({ offset: 4 })).toEqual({ total: 4, ids: [] });
    expect(await page({ limit: 1 })).toEqual({ total: 4, ids: [n4.id] });
    expect(await page({ limit: 0 })).toEqual({ total: 4, ids: [] });
    expect(await page({ query: 'klima', offset: 1, limit: 1 })).toEqual({ total: 2, ids: [n2.id] });
    expect(await page({ query: 'klima', offset: 1 })).toEqual({ total: 2, ids: [n2.id] });
    expect(await page({ query: 'klima', limit: 0 })).toEqual({ total: 2, ids: [] });
    expect(await page({ measure: 'KW21-7', limit: 1 })).toEqual({ total: 2, ids: [n4.id] });
    expect(await page({ tag: 'Europa', offset: 1, limit: 5 })).toEqual({ total: 2, ids: [n1.id] });
  });
});

describe('allTags', () => {
  it('lists every tag in use once', async () => {
    const db = freshDb();
    expect(await allTags(db)).toEqual([]);
    const { n3 } = await seed(db);
    const tags = await allTags(db);
    expect([...tags].sort()).toEqual(['Europa', 'Klima', 'Nachfrage', 'Verkehr']);
    expect(new Set(tags).size).toBe(tags.length);

    await updateNote(db, n3.id, { tags: ['Europa', 'Ärger'] });
    expect([...(await allTags(db))].sort()).toEqual(['Europa', 'Klima', 'Verkehr', 'Ärger']);
  });
});

describe('schema upgrade from version 1', () => {
  it('keeps every note and adds its search terms', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('up', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores({ notes: 'id, documentKey, updated, created, *measureIds, *tags' });
    const v1Notes: Omit<Note, 'terms'>[] = [
      {
        id: 'a',
        document: docA,
        documentKey: docA.key,
        target: quoteTarget,
        measureIds: ['KW21-7'],
        text: 'Finanzierung klären',
        tags: ['Europa'],
        created: day(1).toISOString(),
        updated: day(2).toISOString(),
      },
      {
        id: 'b',
        document: docB,
        documentKey: docB.key,
        measureIds: [],
        text: 'Seitennotiz zum Radweg',
        tags: ['Klima', 'Verkehr'],
        created: day(3).toISOString(),
        updated: day(3).toISOString(),
        orphaned: true,
      },
      {
        id: 'c',
        document: docAPrint,
        documentKey: docAPrint.key,
        measureIds: ['KW21-7', 'KW21-12'],
        text: '',
        tags: [],
        created: day(4).toISOString(),
        updated: day(5).toISOString(),
        orphaned: false,
      },
    ];
    await old.table('notes').bulkAdd(structuredClone(v1Notes));
    old.close();

    const db = freshDb(factory, 'up');
    await db.open();
    expect(db.verno).toBe(6);
    const stored = await db.notes.orderBy('id').toArray();
    expect(stored).toHaveLength(v1Notes.length);
    for (const [i, original] of v1Notes.entries()) {
      const { terms, ...rest } = stored[i] as Note;
      expect(rest).toEqual(original);
      expect(terms).toEqual(termsOf(original));
    }

    // Search reads the new index.
    expect((await findNotes(db, { query: 'finanz' })).notes.map((n) => n.id)).toEqual(['a']);
    expect((await findNotes(db, { query: 'stadtepartnerschaft' })).notes.map((n) => n.id)).toEqual(['a']);
    expect((await findNotes(db, { query: 'radweg klima' })).notes.map((n) => n.id)).toEqual(['b']);
    expect((await findNotes(db, { query: 'aif' })).notes.map((n) => n.id)).toEqual(['c', 'a']);
    expect(await db.notes.where('terms').startsWith('seitennotiz').primaryKeys()).toEqual(['b']);
    // The old indexes still work.
    expect((await notesForDocument(db, docA.key)).map((n) => n.id)).toEqual(['c', 'a']);
    expect((await findNotes(db, { measure: 'KW21-7' })).notes.map((n) => n.id)).toEqual(['c', 'a']);

    // And the upgraded store takes new notes as before.
    const added = await addNote(db, { document: docB, text: 'Neu nach dem Upgrade' }, day(9));
    expect((await findNotes(db)).notes.map((n) => n.id)).toEqual([added.id, 'c', 'b', 'a']);
  });

  it('opens a fresh store at version 2', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.notes.schema.indexes.map((i) => i.name).sort()).toEqual(
      ['created', 'documentKey', 'faction.author', 'measureIds', 'tags', 'terms', 'updated'].sort(),
    );
  });
});

describe.each(finders)('finding among many notes %s', (_, find) => {
  // 400 notes, a few sharing each date; every third mentions Toulouse, every seventh is tagged.
  async function many(db: RatsmarkerDB): Promise<Note[]> {
    const notes: Note[] = Array.from({ length: 400 }, (_, i) => {
      const base = {
        id: `n${String(i).padStart(3, '0')}`,
        document: docA,
        documentKey: docA.key,
        measureIds: i % 5 === 0 ? ['KW21-7'] : [],
        text: `Notiz ${i}${i % 3 === 0 ? ' Toulouse' : ''}${i % 97 === 0 ? ' Eurocities' : ''}`,
        tags: i % 7 === 0 ? ['Haushalt'] : [],
        created: day(1).toISOString(),
        updated: new Date(Date.UTC(2024, 0, 1) + Math.floor(((i * 37) % 400) / 3) * 60_000).toISOString(),
      };
      return { ...base, terms: termsOf(base) };
    });
    await db.notes.bulkPut(notes);
    return notes;
  }
  // The order the date index gives: newest first, then the higher id.
  const newestFirst = (a: Note, b: Note) =>
    a.updated === b.updated ? (a.id < b.id ? 1 : -1) : a.updated < b.updated ? 1 : -1;

  it('pages through many hits (walking the date index) and few hits (read at once) in date order', async () => {
    const db = freshDb();
    const notes = await many(db);
    const cases: [NoteQuery, (n: Note) => boolean][] = [
      [{ query: 'toulouse' }, (n) => n.text.includes('Toulouse')],
      [{ query: 'eurocities' }, (n) => n.text.includes('Eurocities')],
      [{ tag: 'Haushalt' }, (n) => n.tags.includes('Haushalt')],
      [{ query: 'toulouse', measure: 'KW21-7' }, (n) => n.text.includes('Toulouse') && n.measureIds.includes('KW21-7')],
    ];
    for (const [query, hit] of cases) {
      const expected = notes.filter(hit).sort(newestFirst);
      for (const [offset, limit] of [
        [0, 11],
        [5, 11],
        [120, 11],
        [0, 1000],
      ] as const) {
        const found = await find(db, { ...query, offset, limit });
        expect(found.total, JSON.stringify(query)).toBe(expected.length);
        expect(found.notes.map((n) => n.id)).toEqual(expected.slice(offset, offset + limit).map((n) => n.id));
      }
    }
  });
});

describe('stored search index', () => {
  const storedIndex = (db: RatsmarkerDB) => db.table('searchCache').get('index');
  const hitIds = async (db: RatsmarkerDB, query: string) =>
    (await findNotes(db, { query }, await loadSearchIndex(db))).notes.map((n) => n.id);

  it('is stored when first built and read back after', async () => {
    const db = freshDb();
    const { n1, n3 } = await seed(db);
    expect(await storedIndex(db)).toBeUndefined();
    expect(await hitIds(db, 'czernowitz')).toEqual([n3.id, n1.id]);
    const stored = await storedIndex(db);
    expect(stored?.index.ids).toHaveLength(4);
    // Read back, not built: the stored record is what comes back.
    expect((await loadSearchIndex(db)).ids).toEqual(stored?.index.ids);
  });

  it('is dropped by every kind of write to the notes, so no search misses a change', async () => {
    const db = freshDb();
    const { n1, n2, n3 } = await seed(db);
    const writes: [string, () => Promise<unknown>, string, string[]][] = [
      ['add', () => addNote(db, { document: docB, text: 'Toulouse besuchen' }, day(9)), 'toulouse', ['new']],
      ['update', () => updateNote(db, n2.id, { text: 'Radverkehr in Toulouse' }, day(10)), 'toulouse', [n2.id, 'new']],
      ['delete', () => deleteNote(db, n2.id), 'toulouse', ['new']],
      ['restore', () => restoreNote(db, n2), 'radverkehr', [n2.id]],
      [
        'bulk put (import)',
        () => db.notes.bulkPut([{ ...n3, text: 'Toulouse', terms: ['toulouse'] }]),
        'toulouse',
        ['new', n3.id],
      ],
      ['orphaned marks', () => setOrphaned(db, [n1.id], [n3.id]), 'toulouse', ['new', n3.id]],
      ['clear', () => db.notes.clear(), 'toulouse', []],
    ];
    let added = '';
    for (const [what, write, query, expected] of writes) {
      await loadSearchIndex(db);
      expect(await storedIndex(db), what).toBeDefined();
      const result = await write();
      if (what === 'add') added = (result as Note).id;
      expect(await storedIndex(db), what).toBeUndefined();
      expect(await hitIds(db, query), what).toEqual(expected.map((id) => (id === 'new' ? added : id)));
    }
  });

  it('is built anew when the stored record is not an index of this version', async () => {
    const db = freshDb();
    const { n1 } = await seed(db);
    for (const bad of [{ index: { format: 0 } }, { index: null }, 'kaputt', { index: { format: 1, ids: [] } }]) {
      await db.table('searchCache').put(bad, 'index');
      expect(await hitIds(db, 'finanzierung')).toEqual([n1.id]);
      expect((await storedIndex(db))?.index.ids).toHaveLength(4);
    }
  });

  it('is not stored when a note is written while it is being built', async () => {
    const db = freshDb();
    await seed(db);
    // Read one note at a time, so the write lands between two reads.
    const loading = loadSearchIndex(db, 1);
    await addNote(db, { document: docB, text: 'Toulouse' }, day(9));
    await loading;
    const stored = await storedIndex(db);
    // Either the build saw the new note (the write waited for its reading) or it was not kept.
    if (stored) expect(stored.index.ids).toHaveLength(5);
    expect(await hitIds(db, 'toulouse')).toHaveLength(1);
  });
});
