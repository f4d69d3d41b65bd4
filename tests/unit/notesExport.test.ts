import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import { importNotes } from '@/utils/db/importNotes';
import { addNote, findNotes, notesForDocument } from '@/utils/db/notesStore';
import { RatsmarkerDB, termsOf } from '@/utils/db/schema';
import { csvHeader, exportNotesCsv } from '@/utils/export/csv';

// The header as exported by default (German).
const CSV_COLUMNS = csvHeader();

import { exportNotesMarkdown } from '@/utils/export/markdown';
import { exportNotesJson, NotesImportError, parseNotesFile } from '@/utils/export/notesFile';
import { exportNotesWebAnnotation } from '@/utils/export/webAnnotation';
import { noteDocument, pdfNoteDocument } from '@/utils/notes/documentKey';
import { NOTE_LIMITS } from '@/utils/notes/limits';
import type { Note, NoteDocument, NoteTarget } from '@/utils/notes/types';

const opened: RatsmarkerDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
function freshDb(): RatsmarkerDB {
  const db = new RatsmarkerDB('test', { indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  return db;
}
/** Everything in the store, in a fixed order. */
const dump = (db: RatsmarkerDB) => db.notes.orderBy('id').toArray();

const docA = noteDocument('https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711', {
  number: 'AIF/012/2024',
  title: 'Partnerschaft mit Czernowitz',
});
const docAPrint = noteDocument('https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0051.asp?__kvonr=4711&print=1', {
  number: 'AIF/012/2024',
});
const docB = noteDocument('https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=815', {
  number: 'BV/2024/0815',
  title: 'Radweg an der Königsallee',
});
const docPlain = noteDocument('https://example.org/sitzung/12#top', {});

const MOTION =
  'Der Rat beschließt:\n1. Die Verwaltung wird beauftragt, eine Städtepartnerschaft vorzubereiten.\n' +
  '2. Der Austausch der Schulen wird gefördert.\n3. Bericht im Herbst.';
function targetOf(exact: string): NoteTarget {
  const start = MOTION.indexOf(exact);
  const end = start + exact.length;
  return { quote: describeQuote(MOTION, start, end), position: describePosition(start, end) };
}

function mk(
  id: string,
  fields: Partial<Omit<Note, 'id' | 'terms' | 'documentKey'>> & { document?: NoteDocument } = {},
): Note {
  const document = fields.document ?? docA;
  const base: Omit<Note, 'terms'> = {
    id,
    document,
    documentKey: document.key,
    measureIds: [],
    text: `Notiz ${id}`,
    tags: [],
    created: '2024-03-01T09:00:00.000Z',
    updated: '2024-03-01T09:00:00.000Z',
    ...fields,
  };
  return { ...base, terms: termsOf(base) };
}

const withoutTerms = ({ terms: _terms, ...rest }: Note) => rest;

const n1 = mk('n1', {
  target: targetOf('Die Verwaltung wird beauftragt, eine Städtepartnerschaft vorzubereiten.'),
  measureIds: ['KW21-7', 'KW21-12'],
  text: 'Finanzierung klären',
  tags: ['Europa', 'Haushalt'],
  created: '2024-03-01T09:00:00.000Z',
  updated: '2024-03-02T10:15:00.000Z',
});
const n2 = mk('n2', {
  document: docB,
  text: 'Straße „Königsallee“: "Tempo 30"?\nZweite Zeile; mit Komma, und Semikolon.\r\nDritte Zeile',
  tags: ['Verkehr'],
  created: '2024-03-03T08:00:00.000Z',
  updated: '2024-03-03T08:00:00.000Z',
});
const n3 = mk('n3', {
  document: docAPrint,
  target: targetOf('2. Der Austausch der Schulen wird gefördert.\n3. Bericht im Herbst.'),
  measureIds: ['KW21-7'],
  text: '',
  created: '2024-03-04T08:00:00.000Z',
  updated: '2024-03-05T08:00:00.000Z',
  orphaned: true,
});
const n4 = mk('n4', { document: docPlain, text: 'Seite ohne Nummer', orphaned: false });
const NOTES = [n1, n2, n3, n4];

const measureRef = (id: string) => (id === 'KW21-7' ? 'KW21, Z. 7–8' : undefined);

/** A file as exportNotesJson writes it, with notes given as plain data (valid or not). */
const fileWith = (notes: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'ratsmarker-notes', version: 1, exported: '2024-04-01T00:00:00.000Z', notes, ...extra });
const plain = (n: Note): Record<string, unknown> => JSON.parse(JSON.stringify(withoutTerms(n)));

describe('JSON export and parseNotesFile', () => {
  it('writes a versioned file without search terms that reads back to the same notes', () => {
    const now = new Date('2024-04-01T12:00:00.000Z');
    const json = exportNotesJson(NOTES, now);
    const data = JSON.parse(json);
    expect(data).toMatchObject({ format: 'ratsmarker-notes', version: 1, exported: now.toISOString() });
    expect(data.notes).toHaveLength(NOTES.length);
    expect(json).not.toContain('"terms"');
    expect(parseNotesFile(json)).toEqual(NOTES.map(withoutTerms));
  });

  it('reads a file with a byte order mark and an empty file of notes', () => {
    expect(parseNotesFile(`\uFEFF${exportNotesJson([n1])}`)).toEqual([withoutTerms(n1)]);
    expect(parseNotesFile(exportNotesJson([]))).toEqual([]);
  });

  it('drops unknown fields, also hostile ones, without touching Object.prototype', () => {
    const hostile = `{"format":"ratsmarker-notes","version":1,"__proto__":{"polluted":true},"notes":[${JSON.stringify({
      ...plain(n1),
      extra: 'x',
    }).replace(/^\{/, '{"__proto__":{"polluted":true},')}]}`;
    const [note, ...rest] = parseNotesFile(hostile);
    expect(rest).toEqual([]);
    expect(note).toEqual(withoutTerms(n1));
    expect(note).not.toHaveProperty('extra');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('importNotes', () => {
  it('adds every note to an empty store, with document key and search terms', async () => {
    const db = freshDb();
    const summary = await importNotes(db, exportNotesJson(NOTES));
    expect(summary).toEqual({ added: 4, updated: 0, skipped: 0 });
    expect(await dump(db)).toEqual(NOTES);
    // The imported notes are found like any other.
    expect((await findNotes(db, { query: 'stadtepartner' })).notes.map((n) => n.id)).toEqual(['n1']);
    expect((await notesForDocument(db, docA.key)).map((n) => n.id)).toEqual(['n3', 'n1']);
  });

  it('computes document key and terms itself instead of trusting the file', async () => {
    const db = freshDb();
    const forged = { ...plain(n2), documentKey: 'somewhere|else', terms: ['gefälscht'] };
    await importNotes(db, fileWith([forged]));
    expect(await dump(db)).toEqual([n2]);
    expect((await findNotes(db, { query: 'gefälscht' })).total).toBe(0);
  });

  it('replaces an older copy, keeps a newer one, adds the rest', async () => {
    const db = freshDb();
    const olderN1 = mk('n1', { ...withoutTerms(n1), text: 'alter Stand', updated: '2024-03-01T09:00:00.000Z' });
    const newerN2 = mk('n2', { ...withoutTerms(n2), text: 'schon weiter', updated: '2024-05-01T00:00:00.000Z' });
    const sameN4 = n4;
    await db.notes.bulkAdd([olderN1, newerN2, sameN4]);

    const summary = await importNotes(db, exportNotesJson(NOTES));
    expect(summary).toEqual({ added: 1, updated: 1, skipped: 2 });
    expect(await dump(db)).toEqual([n1, newerN2, n3, n4]);

    // Importing the same file again changes nothing.
    const before = await dump(db);
    expect(await importNotes(db, exportNotesJson(NOTES))).toEqual({ added: 0, updated: 0, skipped: 4 });
    expect(await dump(db)).toEqual(before);
  });

  it('compares the times as times, not as text', async () => {
    const db = freshDb();
    // 10:00 UTC in the store; the file's copy is 11:30 UTC, written with an offset.
    await db.notes.add(mk('n1', { ...withoutTerms(n1), text: 'alt', updated: '2024-03-02T10:00:00.000Z' }));
    const summary = await importNotes(db, fileWith([{ ...plain(n1), updated: '2024-03-02T13:30:00+02:00' }]));
    expect(summary).toEqual({ added: 0, updated: 1, skipped: 0 });
    expect((await db.notes.get('n1'))?.text).toBe(n1.text);
  });

  it('keeps newest first for imported notes whose times carry a UTC offset', async () => {
    const db = freshDb();
    // 23:30 at UTC−2 on 1 May is 01:30 UTC on 2 May: newer than midnight UTC on 2 May.
    const late = { ...plain(mk('late', { document: docB })), updated: '2024-05-01T23:30:00-02:00' };
    const midnight = { ...plain(mk('midnight', { document: docB })), updated: '2024-05-02T00:00:00.000Z' };
    await importNotes(db, fileWith([midnight, late]));
    expect((await findNotes(db)).notes.map((n) => n.id)).toEqual(['late', 'midnight']);
    expect((await findNotes(db, { query: 'notiz' })).notes.map((n) => n.id)).toEqual(['late', 'midnight']);
    expect((await notesForDocument(db, docB.key)).map((n) => n.id)).toEqual(['late', 'midnight']);
  });

  it('imports again what the store holds: a note saved with a long tag survives export and import', async () => {
    const db = freshDb();
    const saved = await addNote(db, { document: docA, text: 'Langes Schlagwort', tags: ['Schlagwort '.repeat(15)] });
    const other = freshDb();
    await expect(importNotes(other, exportNotesJson(await dump(db)))).resolves.toEqual({
      added: 1,
      updated: 0,
      skipped: 0,
    });
    expect(await dump(other)).toEqual([saved]);
  });
});

describe('importNotes with malformed files', () => {
  const valid = exportNotesJson(NOTES);
  const fiveValid = [1, 2, 3, 4, 5].map((i) => plain(mk(`neu-${i}`, { document: docB, text: `Neue Notiz ${i}` })));
  const withNote = (change: Record<string, unknown>) => fileWith([plain(n2), { ...plain(n1), ...change }]);
  const withDocument = (change: Record<string, unknown>) => withNote({ document: { ...docA, ...change } });

  const cases: [string, string][] = [
    ['not JSON', 'Das ist keine Notizdatei.'],
    ['an empty file', ''],
    ['truncated JSON', valid.slice(0, Math.floor(valid.length * 0.6))],
    ['JSON null', 'null'],
    ['a JSON array', '[]'],
    ['a wrong format marker', fileWith([plain(n1)], { format: 'hypothesis-export' })],
    ['no format marker', JSON.stringify({ version: 1, notes: [plain(n1)] })],
    ['an unknown version', fileWith([plain(n1)], { version: 2 })],
    ['notes that are not a list', fileWith([], { notes: { n1: plain(n1) } })],
    ['a note that is not an object', fileWith([plain(n2), 'n1'])],
    ['a note without id', withNote({ id: undefined })],
    ['an empty id', withNote({ id: '' })],
    ['tags that are not a list', withNote({ tags: 'Europa' })],
    ['a bad date (a word)', withNote({ updated: 'gestern' })],
    ['a bad date (month 13)', withNote({ created: '2024-13-01T09:00:00.000Z' })],
    ['a bad date (31 February)', withNote({ updated: '2024-02-31T09:00:00.000Z' })],
    ['a bad date (not readable by Date.parse)', withNote({ updated: '2024-03-02T10:15:00 +0200' })],
    ['a date without time', withNote({ created: '2024-03-01' })],
    ['a url that is no URL', withDocument({ url: 'keine Adresse' })],
    ['an empty url', withDocument({ url: '' })],
    ['a negative position', withNote({ target: { ...n1.target, position: { ...n1.target?.position, start: -1 } } })],
    [
      'a position that is no integer',
      withNote({ target: { ...n1.target, position: { ...n1.target?.position, end: 1.5 } } }),
    ],
    [
      'a wrong selector type',
      withNote({ target: { ...n1.target, quote: { ...n1.target?.quote, type: 'CssSelector' } } }),
    ],
    ['duplicate ids', fileWith([plain(n1), plain(n2), { ...plain(n3), id: 'n1' }])],
    ['a note text beyond 1 000 000 characters', withNote({ text: 'A'.repeat(1_000_001) })],
    ['an id beyond 100 characters', withNote({ id: 'x'.repeat(101) })],
    ['a tag beyond 100 characters', withNote({ tags: ['t'.repeat(101)] })],
    ['more than 50 tags', withNote({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })],
    [
      'more measures than the limit',
      withNote({ measureIds: Array.from({ length: NOTE_LIMITS.measures + 1 }, (_, i) => `KW21-${i}`) }),
    ],
    [
      'a quote beyond 1 000 000 characters',
      withNote({ target: { ...n1.target, quote: { ...n1.target?.quote, exact: 'q'.repeat(1_000_001) } } }),
    ],
    ['a title beyond the limit', withDocument({ title: 'T'.repeat(NOTE_LIMITS.title + 1) })],
    ['a url beyond the limit', withDocument({ url: `https://example.org/${'a'.repeat(NOTE_LIMITS.url)}` })],
    ['a last note that is invalid', fileWith([...fiveValid, { ...fiveValid[0], id: 'neu-6', created: 'morgen' }])],
    ['a last note that lacks its text', fileWith([...fiveValid, { ...fiveValid[1], id: 'neu-6', text: undefined }])],
  ];

  it.each(cases)('rejects %s and leaves the store exactly as it was', async (_name, text) => {
    const db = freshDb();
    // The store holds an older copy of n1 (which every file would update) and n4.
    await db.notes.bulkAdd([mk('n1', { ...withoutTerms(n1), updated: '2024-01-01T00:00:00.000Z' }), n4]);
    const before = await dump(db);

    expect(() => parseNotesFile(text)).toThrow(NotesImportError);
    await expect(importNotes(db, text)).rejects.toBeInstanceOf(NotesImportError);
    expect(await dump(db)).toEqual(before);
  });

  it('writes nothing from the earlier notes when the last one is invalid, also into an empty store', async () => {
    const db = freshDb();
    const text = fileWith([...fiveValid, { ...fiveValid[0], id: 'neu-6', document: { ...docB, url: 'kaputt' } }]);
    await expect(importNotes(db, text)).rejects.toThrow(NotesImportError);
    expect(await db.notes.count()).toBe(0);
    // The same file without the bad note imports.
    expect(await importNotes(db, fileWith(fiveValid))).toEqual({ added: 5, updated: 0, skipped: 0 });
  });

  it('names the problem in a NotesImportError', () => {
    expect(() => parseNotesFile('{"format":')).toThrow(/kein gültiges JSON/);
    expect(() => parseNotesFile(withNote({ updated: 'gestern' }))).toThrow(/notes\.1\.updated/);
    expect(() => parseNotesFile(fileWith([plain(n1), plain(n1)]))).toThrow(/„n1“ steht zweimal/);
    try {
      parseNotesFile('nope');
    } catch (e) {
      expect(e).toBeInstanceOf(NotesImportError);
      expect((e as Error).name).toBe('NotesImportError');
    }
  });

  it('rejects a document url that is not a web address (javascript:, data:), as it ends up in links', async () => {
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>']) {
      const db = freshDb();
      const text = withDocument({ url });
      expect(() => parseNotesFile(text), url).toThrow(NotesImportError);
      await expect(importNotes(db, text)).rejects.toBeInstanceOf(NotesImportError);
      expect(await db.notes.count()).toBe(0);
    }
  });
});

describe('Markdown export', () => {
  const md = exportNotesMarkdown(NOTES, measureRef);
  const lines = md.split('\n');

  it('groups the notes by document under a heading with number, title and link', () => {
    expect(lines[0]).toBe('# Ratsmarker – Notizen');
    const headings = lines.filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## AIF/012/2024 – Partnerschaft mit Czernowitz',
      '## BV/2024/0815 – Radweg an der Königsallee',
      `## ${docPlain.url}`,
    ]);
    expect(md).toContain(`<${docA.url}>`);
    expect(md).toContain(`<${docB.url}>`);
    expect(md).toContain('<https://example.org/sitzung/12>');
    // n1 and n3 (same Vorlage, reached by the print URL) stand together under the first heading.
    const section = (i: number) => md.split(/^## /m)[i] ?? '';
    expect(section(1)).toContain('Finanzierung klären');
    expect(section(1)).toContain('> 2. Der Austausch der Schulen wird gefördert.');
    expect(section(1)).not.toContain('Königsallee');
    expect(section(2)).toContain('Zweite Zeile');
    expect(section(3)).toContain('Seite ohne Nummer');
  });

  it('quotes the passage as a blockquote, line by line', () => {
    expect(lines).toContain('> Die Verwaltung wird beauftragt, eine Städtepartnerschaft vorzubereiten.');
    const i = lines.indexOf('> 2. Der Austausch der Schulen wird gefördert.');
    expect(lines[i + 1]).toBe('> 3. Bericht im Herbst.');
  });

  it('names the measures with their reference where there is one', () => {
    expect(lines).toContain('*KW21-7 (KW21, Z. 7–8); KW21-12*');
    expect(lines).toContain('*KW21-7 (KW21, Z. 7–8)*');
  });

  it('writes text, tags, date and the orphaned mark', () => {
    expect(md).toContain('Finanzierung klären');
    expect(md).toContain('<small>Schlagworte: Europa, Haushalt · geändert 2024-03-02</small>');
    expect(md).toContain('<small>geändert 2024-03-05 · Stelle nicht mehr gefunden</small>');
    expect(md).toContain('<small>geändert 2024-03-01</small>');
    expect(md.match(/^---$/gm)).toHaveLength(NOTES.length);
  });

  it('writes only the title for an empty list', () => {
    expect(exportNotesMarkdown([], measureRef).trim()).toBe('# Ratsmarker – Notizen');
  });
});

describe('CSV export', () => {
  const csv = exportNotesCsv(NOTES, measureRef);
  const parsed = Papa.parse<string[]>(csv.slice(1), { header: false, skipEmptyLines: false });
  const rows = parsed.data;
  const column = (name: string) => CSV_COLUMNS.indexOf(name);
  const cell = (row: number, name: string) => rows[row + 1]?.[column(name)];

  it('starts with the UTF-8 byte order mark and ends lines with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.charCodeAt(1)).not.toBe(0xfeff);
    // Notes without line breaks in any cell: the file is the header and one line a note, each ended by CRLF.
    const simple = exportNotesCsv([n1, n4], measureRef).slice(1);
    expect(simple.split('\r\n')).toHaveLength(3);
    expect(simple).not.toMatch(/[^\r]\n|\r[^\n]/);
    // A line break inside a cell stays inside its quotes; records are still separated by CRLF.
    expect(Papa.parse(csv.slice(1)).meta.linebreak).toBe('\r\n');
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes).not.toMatch(/[^\r]\n/);
    expect(outsideQuotes.match(/\r\n/g)).toHaveLength(NOTES.length);
  });

  it('parses back to a header and one row a note with the right columns', () => {
    expect(parsed.errors).toEqual([]);
    expect(rows).toHaveLength(NOTES.length + 1);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);

    expect(rows[1]).toEqual([
      'n1',
      'AIF/012/2024',
      'Partnerschaft mit Czernowitz',
      docA.url,
      'Die Verwaltung wird beauftragt, eine Städtepartnerschaft vorzubereiten.',
      'KW21-7 KW21-12',
      'KW21, Z. 7–8',
      'Finanzierung klären',
      'Europa, Haushalt',
      '2024-03-01T09:00:00.000Z',
      '2024-03-02T10:15:00.000Z',
      '',
      '',
      '',
      '',
    ]);
    expect(cell(2, 'Nicht mehr gefunden')).toBe('ja');
    expect(cell(2, 'Zitat')).toBe('2. Der Austausch der Schulen wird gefördert.\n3. Bericht im Herbst.');
    expect(cell(2, 'Titel')).toBe('');
    expect(cell(3, 'Dokument')).toBe('');
    expect(cell(3, 'Maßnahmen')).toBe('');
    expect(cell(3, 'Zitat')).toBe('');
  });

  it('keeps umlauts, quotes, semicolons and line breaks of the note text', () => {
    expect(cell(1, 'Notiz')).toBe(n2.text);
    expect(cell(1, 'Titel')).toBe('Radweg an der Königsallee');
    const header = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(header.data.map((r) => r.Notiz)).toEqual(NOTES.map((n) => n.text));
    expect(header.data.map((r) => r.id)).toEqual(NOTES.map((n) => n.id));
  });

  it('defuses cells a spreadsheet would run as a formula by a leading apostrophe', () => {
    const risky = [
      '=SUM(A1)',
      '+49 211 899',
      '-5 Bäume',
      '@SUMME(A1)',
      '\t=1+1',
      '=HYPERLINK("http://x.example";"Klick")',
    ];
    const notes = risky.map((text, i) => mk(`f${i}`, { text, tags: i === 0 ? ['=1+2'] : [] }));
    const out = Papa.parse<string[]>(exportNotesCsv(notes, measureRef).slice(1)).data.slice(1);
    expect(out.map((r) => r[column('Notiz')])).toEqual(risky.map((t) => `'${t}`));
    expect(out[0]?.[column('Schlagworte')]).toBe("'=1+2");
    // Harmless text is left alone.
    expect(cell(0, 'Notiz')).toBe('Finanzierung klären');
  });

  it('defuses a formula also when the note text goes on over several lines', () => {
    const text = '=HYPERLINK("http://x.example";"Klick")\nzweite Zeile';
    const out = Papa.parse<string[]>(exportNotesCsv([mk('f', { text })], measureRef).slice(1)).data;
    expect(out[1]?.[column('Notiz')]).toBe(`'${text}`);
  });

  it('writes only the header for an empty list', () => {
    const empty = exportNotesCsv([], measureRef);
    expect(empty.replace(/\r\n$/, '')).toBe(`\uFEFF${CSV_COLUMNS.map((c) => `"${c}"`).join(',')}`);
    expect(Papa.parse(empty.slice(1), { skipEmptyLines: true }).data).toEqual([[...CSV_COLUMNS]]);
  });
});

describe('Web Annotation export', () => {
  const data = JSON.parse(exportNotesWebAnnotation(NOTES));
  interface Body {
    type: string;
    value: string;
    purpose: string;
    format?: string;
    language?: string;
  }
  interface Item {
    id: string;
    type: string;
    created: string;
    modified: string;
    body: Body[];
    target: string | { type: string; source: string; selector: { type: string } };
  }
  const items: Item[] = data.first.items;
  const item = (id: string) => items.find((i) => i.id === `urn:uuid:${id}`) as Item;

  it('is an AnnotationCollection in the W3C context with one annotation a note', () => {
    expect(data['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(data.type).toBe('AnnotationCollection');
    expect(data.total).toBe(NOTES.length);
    expect(data.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0 });
    expect(items).toHaveLength(NOTES.length);
    expect(items.map((i) => i.id)).toEqual(NOTES.map((n) => `urn:uuid:${n.id}`));
    for (const i of items) expect(i.type).toBe('Annotation');
    expect(item('n1')).toMatchObject({ created: n1.created, modified: n1.updated });
  });

  // Ratsmarker's positions count in its passages, not in the document's text (§4.2.5): the quote alone
  // anchors the passage (tests/unit/webAnnotation.test.ts runs the W3C's test suite on the export).
  it('targets the passage as a SpecificResource with a TextQuoteSelector', () => {
    expect(item('n1').target).toEqual({
      type: 'SpecificResource',
      source: docA.url,
      selector: {
        type: 'TextQuoteSelector',
        exact: n1.target?.quote.exact,
        prefix: n1.target?.quote.prefix,
        suffix: n1.target?.quote.suffix,
      },
    });
    expect(item('n3').target).toMatchObject({ source: docAPrint.url, selector: { type: 'TextQuoteSelector' } });
  });

  it('targets a page note by its URL only', () => {
    expect(item('n2').target).toBe(docB.url);
    expect(item('n4').target).toBe(docPlain.url);
  });

  it('carries the text as commenting body and each tag as tagging body', () => {
    const body = item('n1').body;
    expect(body).toContainEqual({
      type: 'TextualBody',
      value: 'Finanzierung klären',
      format: 'text/plain',
      purpose: 'commenting',
    });
    expect(body.filter((b) => b.purpose === 'tagging' && !/^KW21-/.test(b.value))).toEqual([
      { type: 'TextualBody', value: 'Europa', purpose: 'tagging' },
      { type: 'TextualBody', value: 'Haushalt', purpose: 'tagging' },
    ]);
    expect(body.filter((b) => b.purpose === 'commenting')).toHaveLength(1);
    expect(item('n2').body.find((b) => b.purpose === 'commenting')?.value).toBe(n2.text);
    expect(item('n4').body.filter((b) => b.purpose === 'tagging')).toEqual([]);
  });

  it('writes an empty collection for no notes', () => {
    const empty = JSON.parse(exportNotesWebAnnotation([]));
    expect(empty).toMatchObject({ type: 'AnnotationCollection', total: 0, first: { items: [] } });
  });
});

describe('notes taken in a PDF', () => {
  const pdfDoc = pdfNoteDocument('https://ratsinfo.example/getfile.asp?id=9&type=do&sid=abc', {}, 'f00d');
  const pdfNote = mk('p1', { document: pdfDoc, target: { ...targetOf('Bericht im Herbst.'), page: 3 } });

  it('remembers a PDF without a number by its content, not by a download address with a session', () => {
    expect(pdfDoc.key).toBe('ratsinfo.example|pdf:f00d');
    const numbered = pdfNoteDocument('https://ratsinfo.example/getfile.asp?id=9', { number: 'AIF/012/2024' }, 'f00d');
    expect(numbered.key).toBe('ratsinfo.example|AIF/012/2024');
  });

  it('names the page in every export and keeps it through JSON', () => {
    expect(exportNotesMarkdown([pdfNote], measureRef)).toContain('> Bericht im Herbst. (Seite 3)');
    const rows = Papa.parse<string[]>(exportNotesCsv([pdfNote], measureRef).slice(1), { skipEmptyLines: true }).data;
    expect(rows[1]?.[CSV_COLUMNS.indexOf('Seite')]).toBe('3');
    const anno = JSON.parse(exportNotesWebAnnotation([pdfNote]));
    expect(anno.first.items[0].target.selector).toMatchObject({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=3',
      refinedBy: { type: 'TextQuoteSelector', exact: 'Bericht im Herbst.' },
    });
    expect(parseNotesFile(exportNotesJson([pdfNote]))[0]?.target?.page).toBe(3);
  });

  it('refuses a page that is no page number', () => {
    const bad = exportNotesJson([pdfNote]).replace('"page": 3', '"page": -1');
    expect(bad).toContain('"page": -1');
    expect(() => parseNotesFile(bad)).toThrow(NotesImportError);
  });
});

describe('faction notes in the exports (issue 17)', () => {
  const mine = mk('s1', { text: 'Geteilt', shared: true });
  const private1 = mk('s2', { text: 'Nur für mich' });
  const colleague = mk('f1', {
    text: 'Von Anna',
    faction: { author: 'Anna <b>Beispiel</b>', user: 'anna' },
    updated: '2024-03-05T08:00:00.000Z',
  });
  const conflicted = mk('c1', {
    shared: true,
    conflict: {
      versions: [
        { rev: '2-b', text: 'Ihre Fassung', tags: ['Haushalt'], updated: '2024-03-04T08:00:00.000Z', author: 'Ben' },
        { rev: '2-c', text: '', tags: [], updated: '2024-03-04T09:00:00.000Z', author: 'Cem', deleted: true },
      ],
    },
  });
  const all = [mine, private1, colleague, conflicted];

  it('Markdown marks shared notes and names a colleague, with markup in the name as text', () => {
    const md = exportNotesMarkdown(all, measureRef);
    const block = (text: string) => md.split('---').find((b) => b.includes(text)) ?? '';
    expect(block('Geteilt')).toContain('Mit der Fraktion geteilt');
    expect(block('Nur für mich')).not.toContain('Fraktion');
    expect(block('Von Anna')).toContain('Notiz der Fraktion von Anna &#60;b&#62;Beispiel&#60;/b&#62;');
    expect(block('Von Anna')).not.toContain('Mit der Fraktion geteilt');
  });

  it('CSV has a column for shared and one for a colleague’s name', () => {
    const rows = Papa.parse<string[]>(exportNotesCsv(all, measureRef).slice(1), { skipEmptyLines: true }).data;
    const col = (name: string) => CSV_COLUMNS.indexOf(name);
    expect(col('Geteilt')).toBeGreaterThan(0);
    expect(col('Von (Fraktion)')).toBeGreaterThan(0);
    const row = (id: string) => rows.find((r) => r[0] === id) ?? [];
    expect(row('s1')[col('Geteilt')]).toBe('ja');
    expect(row('s2')[col('Geteilt')]).toBe('');
    expect(row('f1')[col('Geteilt')]).toBe('');
    expect(row('f1')[col('Von (Fraktion)')]).toBe('Anna <b>Beispiel</b>');
  });

  it('JSON keeps shared, the colleague and the conflict versions, and imports them again', async () => {
    const file = exportNotesJson(all);
    expect(parseNotesFile(file)).toEqual(all.map(withoutTerms));
    const db = freshDb();
    await importNotes(db, file);
    expect(await dump(db)).toEqual([...all].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('refuses faction fields beyond their limits or of the wrong shape, naming the field', () => {
    const broken = (note: Record<string, unknown>) =>
      JSON.stringify({ format: 'ratsmarker-notes', version: 1, notes: [{ ...withoutTerms(mine), ...note }] });
    expect(() => parseNotesFile(broken({ shared: 'ja' }))).toThrow(/shared/);
    expect(() => parseNotesFile(broken({ faction: { author: '' } }))).toThrow(/faction\.author/);
    expect(() => parseNotesFile(broken({ faction: { author: 'x'.repeat(NOTE_LIMITS.author + 1) } }))).toThrow(
      /faction\.author/,
    );
    const version = { rev: '1-a', text: 'x', tags: [], updated: '2024-03-04T08:00:00.000Z', author: 'Ben' };
    expect(() =>
      parseNotesFile(broken({ conflict: { versions: Array(NOTE_LIMITS.conflictVersions + 1).fill(version) } })),
    ).toThrow(/conflict\.versions/);
    expect(() => parseNotesFile(broken({ conflict: { versions: [{ ...version, updated: 'gestern' }] } }))).toThrow(
      /conflict\.versions\.0\.updated/,
    );
  });
});
