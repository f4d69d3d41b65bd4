import * as v from 'valibot';
import { CodedError } from '../i18n/messages';
import { NoteSchema } from '../notes/noteSchema';
import type { Note } from '../notes/types';

/** The JSON export: everything needed to import the notes again. */
export interface NotesFile {
  format: 'ratsmarker-notes';
  version: 1;
  exported: string;
  notes: Omit<Note, 'terms'>[];
}

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
