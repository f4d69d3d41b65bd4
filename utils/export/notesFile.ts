import * as v from 'valibot';
import type { Note } from '../notes/types';

/** The JSON export: everything needed to import the notes again. */
export interface NotesFile {
  format: 'ratsmarker-notes';
  version: 1;
  exported: string;
  notes: Omit<Note, 'terms'>[];
}

import { CodedError, formatMessage } from '../i18n/messages';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../notes/limits';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A real calendar date and time: the ISO pattern, a day that exists, and a time Date can read. */
function isRealTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(s);
  if (!m || Number.isNaN(Date.parse(s))) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}
const IsoDate = v.pipe(v.string(), v.isoTimestamp(), v.check(isRealTimestamp, formatMessage('errInvalidDate')));
const WebUrl = v.pipe(
  v.string(),
  v.maxLength(3_000),
  v.url(),
  v.check((u) => /^(https?|file):/i.test(u), formatMessage('errWebUrl')),
);
const Quote = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: Text(MAX_NOTE_LENGTH),
  prefix: Text(1_000),
  suffix: Text(1_000),
});
const Position = v.object({
  type: v.literal('TextPositionSelector'),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
const Target = v.object({
  quote: Quote,
  position: Position,
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
const NoteSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  document: v.object({
    key: Text(3_000),
    site: Text(300),
    number: v.optional(Text(100)),
    title: v.optional(Text(2_000)),
    url: WebUrl,
  }),
  documentKey: Text(3_000),
  target: v.optional(Target),
  measureIds: v.pipe(v.array(Text(100)), v.maxLength(200)),
  text: Text(MAX_NOTE_LENGTH),
  tags: v.pipe(v.array(Text(MAX_TAG_LENGTH)), v.maxLength(MAX_TAGS)),
  created: IsoDate,
  updated: IsoDate,
  orphaned: v.optional(v.boolean()),
  // Where a re-attached note stood before (the reader's old quotes).
  history: v.optional(v.pipe(v.array(v.object({ target: Target, until: IsoDate })), v.maxLength(100))),
});
export const NotesFileSchema = v.object({
  format: v.literal('ratsmarker-notes'),
  version: v.literal(1),
  exported: v.optional(v.string()),
  notes: v.pipe(v.array(NoteSchema), v.maxLength(1_000_000)),
});

export class NotesImportError extends CodedError {
  constructor(code: string, params: readonly string[] = []) {
    super(code, params);
    this.name = 'NotesImportError';
  }
}

export function exportNotesJson(notes: readonly Note[], now = new Date()): string {
  const file: NotesFile = {
    format: 'ratsmarker-notes',
    version: 1,
    exported: now.toISOString(),
    notes: notes.map(({ terms: _terms, ...rest }) => rest),
  };
  return JSON.stringify(file, null, 2);
}

/** Reads and validates a JSON export; throws a clear NotesImportError, never half a result. */
export function parseNotesFile(text: string): NotesFile['notes'] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new NotesImportError('errImportJson', [(e as Error).message]);
  }
  const parsed = v.safeParse(NotesFileSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new NotesImportError('errImportFile', [path ? `„${path}“` : '–', issue.message]);
  }
  const ids = new Set<string>();
  for (const n of parsed.output.notes) {
    if (ids.has(n.id)) throw new NotesImportError('errImportDuplicate', [n.id]);
    ids.add(n.id);
  }
  return parsed.output.notes as NotesFile['notes'];
}
