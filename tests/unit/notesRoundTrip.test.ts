import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import { NoteRefusedError } from '@/utils/db/fitNote';
import { importNotes } from '@/utils/db/importNotes';
import { addNote, editedNote, newNote, setOrphaned, updateNote } from '@/utils/db/notesStore';
import { RatsmarkerDB } from '@/utils/db/schema';
import { exportNotesJson, NotesImportError } from '@/utils/export/notesFile';
import { noteDocument, pdfNoteDocument } from '@/utils/notes/documentKey';
import { NOTE_LIMITS as L } from '@/utils/notes/limits';
import type { Note, NoteDocument } from '@/utils/notes/types';

// One pair of stores for every generated case, emptied between cases: opening
// a fake database per case would make these tests take minutes.
const source = new RatsmarkerDB('roundtrip-source', { indexedDB: new IDBFactory(), IDBKeyRange });
const target = new RatsmarkerDB('roundtrip-target', { indexedDB: new IDBFactory(), IDBKeyRange });
const hostileTarget = new RatsmarkerDB('roundtrip-hostile', { indexedDB: new IDBFactory(), IDBKeyRange });
afterAll(() => {
  for (const db of [source, target, hostileTarget]) db.close();
});

const RUNS = Number(process.env.ROUNDTRIP_RUNS ?? 1_000);

/** Everything the store holds, in a fixed order, as bytes would compare it. */
async function storeBytes(db: RatsmarkerDB): Promise<string> {
  const notes = await db.notes.orderBy('id').toArray();
  const cache = await db.table('searchCache').toCollection().keys();
  return JSON.stringify({ notes, cache });
}

// Text as readers, pages and hostile files bring it.
const ODD = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</textarea><b>fett</b>',
  '{{constructor.constructor("x")()}}',
  '__proto__',
  'constructor',
  '=HYPERLINK("http://x")',
  '\u202Egnuzlaz\u202C',
  '\u2066isolate\u2069 \u2067rtl\u2069 \u2068first\u2069',
  '\u200F\u200E\u061C',
  '\u0000\u0001\u001F\u007F',
  '\uD800',
  '\uDFFF',
  '👩🏽‍⚖️ 🇩🇪',
  'Stra\u00DFe Strasse STRASSE',
  'A\u0308rger \u00C4rger',
  'Ge\u00ADmeinde\u00ADrat',
  'ﬁnanz ＡＢＣ',
  'שלום مرحبا',
  '\r\n\t \u2028\u2029',
  '"\\"\\\\',
  ['$', '{1}$A$'].join(''),
];
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
);
const oddText = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));

/** A string of exactly `max` UTF-16 units made of odd text (a trailing half surrogate pair included). */
const atLimit = (max: number) =>
  fc.constantFrom(...ODD, 'ä', '€x', '👩🏽‍⚖️').map((unit) => unit.repeat(Math.ceil(max / unit.length)).slice(0, max));

/** Odd text, now and then exactly as long as the limit allows. */
const field = (max: number, limitWeight = 100) =>
  fc.oneof({ weight: 3_000, arbitrary: oddText }, { weight: limitWeight, arbitrary: atLimit(max) });

const url = fc
  .oneof(
    { weight: 20, arbitrary: fc.tuple(fc.constantFrom('https', 'http', 'file'), oddText) },
    { weight: 1, arbitrary: fc.constant(['https', 'a'.repeat(L.url)] as const) },
  )
  .map(([scheme, path]) => {
    const host = scheme === 'file' ? '' : 'ratsinfo.example.de';
    // Addresses come from the browser's location, percent-encoded and without lone surrogates.
    const encoded = encodeURIComponent(path.toWellFormed());
    return `${scheme}://${host}/${encoded.slice(0, L.url - 40)}?__kvonr=1#${encoded.slice(0, 50)}`;
  });

const documentArb: fc.Arbitrary<NoteDocument> = fc
  .record({
    url,
    number: fc.option(field(L.number), { nil: undefined }),
    title: fc.option(field(L.title + 50), { nil: undefined }),
    pdf: fc.option(fc.stringMatching(/^[0-9a-f]{1,40}$/), { nil: undefined }),
  })
  .map(({ url, number, title, pdf }) =>
    pdf ? pdfNoteDocument(url, { number, title }, pdf) : noteDocument(url, { number, title }),
  );

const passage = fc
  .record({
    before: oddText,
    exact: fc.oneof(
      { weight: 3_000, arbitrary: oddText.filter((s) => s.length > 0) },
      { weight: 3, arbitrary: atLimit(L.quote) },
    ),
    after: oddText,
    page: fc.option(fc.integer({ min: 1, max: 5_000 }), { nil: undefined }),
  })
  .map(({ before, exact, after, page }) => {
    const text = before + exact + after;
    const start = before.length;
    const end = start + exact.length;
    return {
      quote: describeQuote(text, start, end),
      position: describePosition(start, end),
      ...(page !== undefined ? { page } : {}),
    };
  });

const isoDate = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
/** A field's text that the schema takes (`field` also makes some just beyond the limit, for the store to refuse). */
const within = (max: number, limitWeight?: number) => field(max, limitWeight).filter((s) => s.length <= max);
const conflictVersion = fc.record(
  {
    rev: within(L.rev).filter((s) => s.length > 0),
    text: within(L.text, 3),
    tags: fc.array(within(L.tag), { maxLength: 3 }),
    updated: isoDate,
    author: within(L.author),
    deleted: fc.boolean(),
  },
  { requiredKeys: ['rev', 'text', 'tags', 'updated', 'author'] },
);
const factionFields = fc.oneof(
  fc.record({ shared: fc.boolean() }),
  fc
    .record(
      { author: within(L.author).filter((s) => s.length > 0), user: within(L.author).filter((s) => s.length > 0) },
      { requiredKeys: ['author'] },
    )
    .map((faction) => ({ faction })),
  fc.record({
    shared: fc.constant(true),
    conflict: fc.record({
      versions: fc.oneof(
        { weight: 20, arbitrary: fc.array(conflictVersion, { minLength: 1, maxLength: 3 }) },
        { weight: 1, arbitrary: conflictVersion.map((v) => Array(L.conflictVersions).fill(v)) },
      ),
    }),
  }),
);

const noteSpec = fc.record({
  id: fc.option(
    fc.oneof(
      fc.uuid(),
      field(L.id, 300).filter((s) => s.length > 0),
    ),
    { nil: undefined },
  ),
  document: documentArb,
  target: fc.option(passage, { nil: undefined }),
  measureIds: fc.oneof(
    { weight: 40, arbitrary: fc.array(field(L.measureId), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: L.measures }, (_, i) => `KW21-${i}`)) },
  ),
  // A million characters cost a second to index: rarer than the other limits.
  text: field(L.text, 3),
  tags: fc.oneof(
    { weight: 10, arbitrary: fc.array(field(L.tag + 10), { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: L.tags + 5 }, (_, i) => `${'t'.repeat(L.tag - 4)}${i}`)) },
  ),
  created: fc.date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('9999-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  edit: fc.option(fc.record({ text: field(L.text, 3), tags: fc.array(oddText, { maxLength: 3 }) }), { nil: undefined }),
  orphaned: fc.option(fc.boolean(), { nil: undefined }),
  // Faction notes (issue 17): shared by the reader, a colleague's, or in conflict on the faction's server.
  faction: fc.option(factionFields, { nil: undefined }),
});
type NoteSpec = typeof noteSpec extends fc.Arbitrary<infer T> ? T : never;
const notebook = fc.array(noteSpec, { maxLength: 6 });

/**
 * The notebook the store would hold after these notes were saved, edited
 * and found (or not) again: the store's own functions for the records it
 * writes (addNote = newNote + add, updateNote = editedNote + put), run here
 * without a database so that a thousand notebooks take seconds.
 */
function notebookOf(specs: NoteSpec[]): { notes: Note[]; refused: number } {
  const byId = new Map<string, Note>();
  let refused = 0;
  for (const s of specs) {
    try {
      let note = newNote({ ...s, id: s.id }, s.created);
      // A second save of the same id keeps the first (addNote is idempotent).
      if (byId.has(note.id)) continue;
      if (s.edit) note = editedNote(note, s.edit, new Date(s.created.getTime() + 60_000));
      if (s.orphaned !== undefined) note = { ...note, orphaned: s.orphaned };
      // Faction fields arrive through the sync (and the share switch), not through addNote here.
      if (s.faction) note = { ...note, ...s.faction };
      byId.set(note.id, note);
    } catch (e) {
      // A note beyond the limits is refused with a message, never stored half.
      if (!(e instanceof NoteRefusedError)) throw e;
      refused++;
    }
  }
  return { notes: [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), refused };
}

describe('JSON export → import into an empty store', () => {
  it(`gives back the same notebook, for ${RUNS} generated notebooks`, async () => {
    let total = 0;
    let atLimits = 0;
    let refusals = 0;
    let withFaction = 0;
    await fc.assert(
      fc.asyncProperty(notebook, async (specs) => {
        await target.notes.clear();
        const { notes, refused } = notebookOf(specs);
        const summary = await importNotes(target, exportNotesJson(notes));
        expect(summary).toEqual({ added: notes.length, updated: 0, skipped: 0 });
        expect(await target.notes.orderBy('id').toArray()).toEqual(notes);
        total += notes.length;
        refusals += refused;
        atLimits += notes.filter(
          (n: Note) =>
            n.text.length === L.text ||
            n.document.url.length >= L.url - 100 ||
            n.target?.quote.exact.length === L.quote ||
            n.measureIds.length === L.measures ||
            n.tags.length === L.tags ||
            n.document.title?.length === L.title,
        ).length;
        withFaction += notes.filter((n) => n.shared !== undefined || n.faction || n.conflict).length;
      }),
      { numRuns: RUNS },
    );
    // The generator reaches what it means to: many notes, some at the limits, some refused.
    expect(total).toBeGreaterThan(RUNS);
    expect(atLimits).toBeGreaterThan(10);
    expect(refusals).toBeGreaterThan(0);
    expect(withFaction).toBeGreaterThan(RUNS / 4);
  }, 120_000);

  it('holds for notes written through the store: addNote, updateNote and setOrphaned, then export and import', async () => {
    await fc.assert(
      // Ids given, so that the notebook built without a database has the same ones.
      fc.asyncProperty(
        notebook.map((specs) => specs.map((s, i) => ({ ...s, faction: undefined, id: s.id ?? `n${i}` }))),
        async (specs) => {
          await Promise.all([source.notes.clear(), target.notes.clear()]);
          for (const s of specs) {
            try {
              const note = await addNote(source, s, s.created);
              if (s.edit)
                await updateNote(source, note.id, s.edit, new Date(s.created.getTime() + 60_000), note.updated);
              if (s.orphaned !== undefined)
                await setOrphaned(source, s.orphaned ? [] : [note.id], s.orphaned ? [note.id] : []);
            } catch (e) {
              if (!(e instanceof NoteRefusedError)) throw e;
            }
          }
          const held = await source.notes.orderBy('id').toArray();
          expect(held).toEqual(notebookOf(specs).notes);
          await importNotes(target, exportNotesJson(held));
          expect(await target.notes.orderBy('id').toArray()).toEqual(held);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

// ---------------------------------------------------------------------------
// Malformed, truncated and hostile files

const VALID_NOTE = {
  id: 'n1',
  document: {
    key: 'ratsinfo.example.de|A/1',
    site: 'ratsinfo.example.de',
    number: 'A/1',
    url: 'https://ratsinfo.example.de/vo0050.asp',
  },
  documentKey: 'ratsinfo.example.de|A/1',
  measureIds: ['KW21-7'],
  text: 'Notiz',
  tags: ['Europa'],
  created: '2024-03-01T09:30:00.000Z',
  updated: '2024-03-02T09:30:00.000Z',
};
const VALID_TARGET = {
  quote: { type: 'TextQuoteSelector', exact: 'Zitat', prefix: 'vor ', suffix: ' nach' },
  position: { type: 'TextPositionSelector', start: 4, end: 9 },
  page: 2,
};
const fileOf = (notes: unknown, extra: Record<string, unknown> = {}) => ({
  format: 'ratsmarker-notes',
  version: 1,
  exported: '2024-04-01T00:00:00.000Z',
  notes,
  ...extra,
});

/** A value of the wrong type for any field (a string, a boolean and a list are each valid somewhere). */
const wrongType = fc.oneof(
  fc.constant(null),
  fc.double(),
  fc.integer({ min: -5, max: -1 }),
  fc.constant(1.5),
  fc.constant({}),
  fc.constant({ polluted: true }),
);
const over = (max: number) => 'x'.repeat(max + 1);

/** For each field of a note: values of the wrong type, and values of the right type it must refuse. */
const BROKEN_FIELDS: [string[], fc.Arbitrary<unknown>][] = [
  [['id'], fc.oneof(wrongType, fc.boolean(), fc.constant([]), fc.constantFrom('', over(L.id)))],
  [['document'], fc.oneof(wrongType, fc.boolean(), fc.constant([]), fc.constant('https://x.de/'))],
  [['document', 'key'], fc.oneof(wrongType, fc.boolean(), fc.constant(over(L.key)))],
  [['document', 'site'], fc.oneof(wrongType, fc.boolean(), fc.constant(over(L.site)))],
  [['document', 'number'], fc.oneof(wrongType, fc.boolean(), fc.constant(over(L.number)))],
  [['document', 'title'], fc.oneof(wrongType, fc.boolean(), fc.constant(over(L.title)))],
  [
    ['document', 'url'],
    fc.oneof(
      wrongType,
      fc.constantFrom(
        'javascript:alert(1)',
        'data:text/html,<b>x</b>',
        'keine Adresse',
        '',
        `https://x.de/${over(L.url)}`,
      ),
    ),
  ],
  [['documentKey'], fc.oneof(wrongType, fc.constant(over(L.key)))],
  [['measureIds'], fc.oneof(wrongType, fc.constant('KW21-7'), fc.constant([over(L.measureId)]), fc.constant([1]))],
  [['measureIds'], fc.constant(Array.from({ length: L.measures + 1 }, (_, i) => `m${i}`))],
  [['text'], fc.oneof(wrongType, fc.boolean(), fc.constant(['Notiz']), fc.constant(over(L.text)))],
  [['tags'], fc.oneof(wrongType, fc.constant('Europa'), fc.constant([over(L.tag)]), fc.constant([null]))],
  [['tags'], fc.constant(Array.from({ length: L.tags + 1 }, (_, i) => `t${i}`))],
  [
    ['created'],
    fc.oneof(
      wrongType,
      fc.constantFrom('gestern', '2024-02-30T00:00:00.000Z', '2024-03-01', '', '2024-13-01T00:00:00Z'),
    ),
  ],
  [['updated'], fc.oneof(wrongType, fc.constantFrom('morgen', '2024-03-02T10:15:00 +0200', '0000-00-00T00:00:00Z'))],
  [['orphaned'], fc.oneof(wrongType, fc.constantFrom('true', 'ja', 0, 1))],
  [
    ['target'],
    fc.oneof(wrongType, fc.boolean(), fc.constant('Zitat'), fc.constant({ quote: { type: 'CssSelector' } })),
  ],
  [['target', 'position', 'start'], fc.oneof(fc.constantFrom(-1, 1.5, '3', null, Number.MAX_VALUE * 2))],
  [['target', 'quote', 'exact'], fc.oneof(wrongType, fc.constant(over(L.quote)))],
  [['target', 'quote', 'prefix'], fc.oneof(wrongType, fc.constant(over(L.context)))],
  [['target', 'page'], fc.constantFrom(0, -1, 2.5, '1', null)],
];
const brokenField = fc.oneof(...BROKEN_FIELDS.map(([path, values]) => values.map((value) => [path, value] as const)));

const setPath = (o: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> => {
  const [head, ...rest] = path as [string, ...string[]];
  return { ...o, [head]: rest.length ? setPath((o[head] as Record<string, unknown>) ?? {}, rest, value) : value };
};

/** Nested `depth` deep in arrays or objects, as text (JSON.stringify would be recursive). */
const deep = (depth: number, kind: 'array' | 'object') =>
  kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const hostileFile: fc.Arbitrary<[string, string]> = fc.oneof(
  // A field of a note of the wrong type, or beyond its limit, among valid notes.
  fc.tuple(brokenField, fc.nat({ max: 3 })).map(([[path, value], at]): [string, string] => {
    const notes: unknown[] = [1, 2, 3].map((i) => ({ ...VALID_NOTE, id: `ok-${i}` }));
    notes.splice(at, 0, setPath({ ...VALID_NOTE, id: 'bad', target: VALID_TARGET }, [...path], value));
    return [`${path.join('.')} = ${JSON.stringify(value)?.slice(0, 30)}`, JSON.stringify(fileOf(notes))];
  }),
  // Fields at the top level of the file.
  fc
    .tuple(
      fc.constantFrom('format', 'version', 'notes'),
      fc.oneof(wrongType, fc.boolean(), fc.constantFrom('x', 2, 0, '1')),
    )
    // An empty list of notes is a valid file.
    .filter(([key, value]) => !(key === 'notes' && Array.isArray(value)))
    .map(([key, value]): [string, string] => [
      `top-level ${key}`,
      JSON.stringify(fileOf([VALID_NOTE], { [key]: value })),
    ]),
  // A valid file cut short anywhere.
  fc.nat().map((n): [string, string] => {
    const text = JSON.stringify(fileOf([VALID_NOTE, { ...VALID_NOTE, id: 'n2' }]), null, 2);
    const cut = n % text.length;
    return [`cut at ${cut}`, text.slice(0, cut)];
  }),
  // Duplicate ids, also far apart.
  fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 5 })).map(([before, between]): [string, string] => {
    const filler = (n: number, p: string) => Array.from({ length: n }, (_, i) => ({ ...VALID_NOTE, id: `${p}${i}` }));
    return [
      'duplicate id',
      JSON.stringify(
        fileOf([...filler(before, 'a'), VALID_NOTE, ...filler(between, 'b'), { ...VALID_NOTE, text: 'zwei' }]),
      ),
    ];
  }),
  // Deep nesting where a note, the notes or a field should stand.
  fc
    .tuple(
      fc.integer({ min: 1_000, max: 50_000 }),
      fc.constantFrom('array' as const, 'object' as const),
      fc.constantFrom('notes', 'note', 'text'),
    )
    .map(([depth, kind, where]): [string, string] => {
      const d = deep(depth, kind);
      const note = JSON.stringify(VALID_NOTE);
      const text =
        where === 'notes'
          ? `{"format":"ratsmarker-notes","version":1,"notes":${d}}`
          : where === 'note'
            ? `{"format":"ratsmarker-notes","version":1,"notes":[${note},${d}]}`
            : `{"format":"ratsmarker-notes","version":1,"notes":[${note.replace('"text":"Notiz"', `"text":${d}`)}]}`;
      return [`nested ${depth} deep (${kind}) at ${where}`, text];
    }),
  // __proto__ and constructor keys that try to stand in for missing fields.
  fc
    .tuple(
      fc.constantFrom('__proto__', 'constructor', 'prototype'),
      fc.constantFrom('id', 'document', 'text', 'tags', 'measureIds', 'created', 'updated', 'url'),
    )
    .map(([key, missing]): [string, string] => {
      const { [missing]: _dropped, ...rest } = VALID_NOTE as Record<string, unknown>;
      const broken = missing in VALID_NOTE ? rest : { ...VALID_NOTE, document: { url: 'https://x.de/' } };
      const json = JSON.stringify(fileOf([broken])).replace(
        '"notes":[{',
        `"${key}":{"notes":[]},"notes":[{"${key}":{"${missing}":"x","polluted":true},`,
      );
      return [`${key} in place of ${missing}`, json];
    }),
  // Not a notes file at all.
  fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('', 'null', '[]', '{}', '"ratsmarker-notes"', '\uFEFF', '{"format":"ratsmarker-notes"}'),
    )
    .filter((s) => {
      try {
        const d = JSON.parse(s.replace(/^\uFEFF/, ''));
        return !(d && typeof d === 'object' && d.format === 'ratsmarker-notes' && Array.isArray(d.notes));
      } catch {
        return true;
      }
    })
    .map((s): [string, string] => ['not a notes file', s]),
);

describe('importing malformed, truncated and hostile files', () => {
  it(`refuses each with a clear message and leaves the store byte-identical, for ${RUNS} generated files`, async () => {
    // The store holds notes the files would update or add to.
    await hostileTarget.notes.clear();
    await addNote(
      hostileTarget,
      { id: 'n1', document: noteDocument('https://ratsinfo.example.de/vo0050.asp', { number: 'A/1' }), text: 'Alt' },
      new Date('2024-01-01T00:00:00Z'),
    );
    await addNote(
      hostileTarget,
      { id: 'ok-1', document: noteDocument('https://ratsinfo.example.de/vo0050.asp', {}), text: 'Alt 2' },
      new Date('2024-01-01T00:00:00Z'),
    );
    const before = await storeBytes(hostileTarget);
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(hostileFile, async ([name, text]) => {
        const error = await importNotes(hostileTarget, text).then(
          () => undefined,
          (e: unknown) => e,
        );
        // Refused with a message of its own, in the reader's language (a code the UI translates).
        expect(error, name).toBeInstanceOf(NotesImportError);
        const { code, message } = error as NotesImportError;
        expect(['errImportJson', 'errImportFile', 'errImportDuplicate']).toContain(code);
        expect(message.length).toBeGreaterThan(10);
        expect(await storeBytes(hostileTarget)).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        const kind = name.split(/[ =]/)[0] as string;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    expect(kinds.size).toBeGreaterThan(8);
  }, 300_000);
});
