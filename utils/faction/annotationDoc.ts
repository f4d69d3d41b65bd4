import * as v from 'valibot';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../notes/limits';
import { IsoDate, Position, Quote, Text, WebUrl } from '../notes/noteSchema';
import type { Note } from '../notes/types';

/**
 * A shared note as it travels through the faction's CouchDB: the note
 * without what only this device needs (search words, "not found on the last
 * visit"), and who wrote it.
 */
export type FactionNote = Omit<Note, 'terms' | 'orphaned'> & {
  /** The name the author shows to colleagues. */
  author: string;
  /** The author's CouchDB user name, when known (a token login may not tell it). */
  user?: string;
};

/** Every note document's `_id` starts so; design documents and anything else in the database are not notes. */
export const NOTE_DOC_PREFIX = 'note:';
/** The JSON-LD name of Ratsmarker's own fields, so that other annotation tools read the rest and leave these alone. */
export const RATSMARKER_NS = 'urn:ratsmarker:faction#';
const FORMAT_VERSION = 1;

export function noteDocId(noteId: string): string {
  return NOTE_DOC_PREFIX + noteId;
}

const FRAGMENT_CONFORMS_TO = 'http://tools.ietf.org/rfc/rfc8118';

/**
 * A note as a CouchDB document: a W3C Web Annotation (the shape the export
 * writes, so any annotation tool reads it) with Ratsmarker's own fields under
 * `ratsmarker`. `device` names the mirror that wrote this revision, so a sync
 * does not hand a device's own writes back to it.
 */
export interface AnnotationDoc {
  _id: string;
  _rev?: string;
  '@context': [string, { ratsmarker: string }];
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  creator: { type: 'Person'; name: string; nickname?: string };
  body: Array<{ type: 'TextualBody'; value: string; purpose: string; format?: string; language?: string }>;
  target: { source: string; selector?: unknown[] };
  ratsmarker: {
    version: number;
    noteId: string;
    document: { key: string; site: string; number?: string; title?: string };
    measureIds: string[];
    tags: string[];
    author: string;
    user?: string;
    created: string;
    updated: string;
    /** A colleague changed the author's text: who and when (the author stays the note's author). */
    editor?: { name: string; user?: string; at: string };
    device?: string;
  };
}

export function toAnnotationDoc(note: FactionNote, device?: string): AnnotationDoc {
  const { key, site, number, title } = note.document;
  const t = note.target;
  return {
    _id: noteDocId(note.id),
    '@context': ['http://www.w3.org/ns/anno.jsonld', { ratsmarker: RATSMARKER_NS }],
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    created: note.created,
    modified: note.updated,
    creator: { type: 'Person', name: note.author, ...(note.user !== undefined ? { nickname: note.user } : {}) },
    body: [
      { type: 'TextualBody', value: note.text, format: 'text/plain', language: 'de', purpose: 'commenting' },
      // For other tools; Ratsmarker reads tags and measures from its own fields.
      ...note.tags.map((tag) => ({ type: 'TextualBody' as const, value: tag, purpose: 'tagging' })),
    ],
    target: t
      ? {
          source: note.document.url,
          selector: [
            t.quote,
            t.position,
            ...(t.page !== undefined
              ? [{ type: 'FragmentSelector', conformsTo: FRAGMENT_CONFORMS_TO, value: `page=${t.page}` }]
              : []),
          ],
        }
      : { source: note.document.url },
    ratsmarker: {
      version: FORMAT_VERSION,
      noteId: note.id,
      document: { key, site, ...(number !== undefined ? { number } : {}), ...(title !== undefined ? { title } : {}) },
      measureIds: [...note.measureIds],
      tags: [...note.tags],
      author: note.author,
      ...(note.user !== undefined ? { user: note.user } : {}),
      created: note.created,
      updated: note.updated,
      ...(note.editedBy
        ? {
            editor: {
              name: note.editedBy.author,
              ...(note.editedBy.user !== undefined ? { user: note.editedBy.user } : {}),
              at: note.editedBy.at,
            },
          }
        : {}),
      ...(device !== undefined ? { device } : {}),
    },
  };
}

// What is read from a colleague's document: input from outside, so every
// field is checked and bounded before it reaches the notebook.
const NoteId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Fragment = v.object({
  type: v.literal('FragmentSelector'),
  value: v.pipe(v.string(), v.regex(/^page=[1-9]\d{0,5}$/)),
});
const Body = v.object({
  type: v.literal('TextualBody'),
  value: Text(MAX_NOTE_LENGTH),
  purpose: v.optional(v.string()),
});
const DocSchema = v.object({
  _id: v.pipe(v.string(), v.startsWith(NOTE_DOC_PREFIX)),
  _rev: v.optional(v.string()),
  type: v.literal('Annotation'),
  body: v.pipe(v.array(v.unknown()), v.maxLength(MAX_TAGS + 10)),
  target: v.object({ source: WebUrl, selector: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(10))) }),
  ratsmarker: v.object({
    version: v.literal(FORMAT_VERSION),
    noteId: NoteId,
    document: v.object({
      key: Text(3_000),
      site: Text(300),
      number: v.optional(Text(100)),
      title: v.optional(Text(2_000)),
    }),
    measureIds: v.pipe(v.array(Text(100)), v.maxLength(200)),
    tags: v.pipe(v.array(Text(MAX_TAG_LENGTH)), v.maxLength(MAX_TAGS)),
    author: Text(200),
    user: v.optional(Text(200)),
    created: IsoDate,
    updated: IsoDate,
    editor: v.optional(v.object({ name: Text(200), user: v.optional(Text(200)), at: IsoDate })),
    device: v.optional(Text(100)),
  }),
});

export type ReadResult = { ok: true; note: FactionNote; device?: string } | { ok: false; id: string; reason: string };

/** The first selector of a kind that passes its schema; others (another tool's kinds) are left alone. */
function pick<T>(selectors: readonly unknown[], type: string, schema: v.GenericSchema<unknown, T>): T | undefined {
  for (const s of selectors) {
    if ((s as { type?: unknown } | null)?.type !== type) continue;
    const parsed = v.safeParse(schema, s);
    if (parsed.success) return parsed.output;
  }
  return undefined;
}

function idOf(doc: unknown): string {
  const id = (doc as { _id?: unknown } | null)?._id;
  return typeof id === 'string' ? id.slice(0, 200) : '?';
}

/**
 * Reads a document of the faction's database as a note. A document that is
 * not a note, or is malformed or hostile, gives a reason instead: the sync
 * skips it and goes on.
 */
export function fromAnnotationDoc(doc: unknown): ReadResult {
  const id = idOf(doc);
  const parsed = v.safeParse(DocSchema, doc);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, id, reason: `${path || 'document'}: ${issue.message}` };
  }
  const d = parsed.output;
  const r = d.ratsmarker;
  if (d._id !== noteDocId(r.noteId)) return { ok: false, id, reason: `_id does not match note ${r.noteId}` };
  const commenting = d.body
    .map((b) => v.safeParse(Body, b))
    .find((b) => b.success && b.output.purpose === 'commenting');
  if (!commenting?.success) return { ok: false, id, reason: 'body: no commenting TextualBody' };
  const selectors = d.target.selector ?? [];
  const quote = pick(selectors, 'TextQuoteSelector', Quote);
  const position = pick(selectors, 'TextPositionSelector', Position);
  const fragment = pick(selectors, 'FragmentSelector', Fragment);
  if ((quote === undefined) !== (position === undefined))
    return { ok: false, id, reason: 'target: a quote needs its position and a position its quote' };
  if (position && position.end < position.start)
    return { ok: false, id, reason: 'target: position ends before it starts' };
  const { key, site, number, title } = r.document;
  const note: FactionNote = {
    id: r.noteId,
    document: {
      key,
      site,
      ...(number !== undefined ? { number } : {}),
      ...(title !== undefined ? { title } : {}),
      url: d.target.source,
    },
    documentKey: key,
    ...(quote && position
      ? {
          target: {
            quote,
            position,
            ...(fragment ? { page: Number(fragment.value.slice('page='.length)) } : {}),
          },
        }
      : {}),
    measureIds: r.measureIds,
    text: commenting.output.value,
    tags: r.tags,
    created: r.created,
    updated: r.updated,
    author: r.author,
    ...(r.user !== undefined ? { user: r.user } : {}),
    ...(r.editor
      ? {
          editedBy: {
            author: r.editor.name,
            ...(r.editor.user !== undefined ? { user: r.editor.user } : {}),
            at: r.editor.at,
          },
        }
      : {}),
  };
  return { ok: true, note, ...(r.device !== undefined ? { device: r.device } : {}) };
}

/** Whether two notes say the same (a write of the same note again would only make a new revision). */
export function sameNote(a: FactionNote, b: FactionNote): boolean {
  const { _rev: _a, ...docA } = toAnnotationDoc(a);
  const { _rev: _b, ...docB } = toAnnotationDoc(b);
  return JSON.stringify(docA) === JSON.stringify(docB);
}
