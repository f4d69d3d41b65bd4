import * as v from 'valibot';
import { CodedError } from '../i18n/messages';
import { NOTE_LIMITS } from '../notes/limits';
import { NoteSchema } from '../notes/noteSchema';
import type { Note } from '../notes/types';

/** A note the store will not write (too long, or no web address): the reader is told, nothing is written. */
export class NoteRefusedError extends CodedError {
  constructor(code: string, params: readonly string[] = []) {
    super(code, params);
    this.name = 'NoteRefusedError';
  }
}

/** The first `max` UTF-16 units of `s`, not ending in half a surrogate pair. */
function clipStart(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The last `max` UTF-16 units of `s`, not starting with half a surrogate pair. */
function clipEnd(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(s.length - max);
  return /^[\uDC00-\uDFFF]/.test(cut) ? cut.slice(1) : cut;
}

/**
 * The note as the store may hold it, by the same limits the import checks
 * (utils/notes/noteSchema.ts), so that every export imports again. What only
 * shows (a document title, the context around a quote) is clipped; what the
 * reader wrote or what finds the document (text, quote, URL, key) is never
 * cut short: a note beyond those limits is refused with a NoteRefusedError.
 */
export function fitNote<N extends Omit<Note, 'terms'>>(note: N): N {
  const { title } = note.document;
  const fitted: N = {
    ...note,
    document: {
      ...note.document,
      ...(title !== undefined ? { title: clipStart(title, NOTE_LIMITS.title) } : {}),
    },
    ...(note.target
      ? {
          target: {
            ...note.target,
            quote: {
              ...note.target.quote,
              prefix: clipEnd(note.target.quote.prefix, NOTE_LIMITS.context),
              suffix: clipStart(note.target.quote.suffix, NOTE_LIMITS.context),
            },
          },
        }
      : {}),
  };
  const checked = v.safeParse(NoteSchema, fitted);
  if (!checked.success) {
    const issue = checked.issues[0];
    const field = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    if (field === 'text') throw new NoteRefusedError('errNoteTextTooLong', [String(NOTE_LIMITS.text)]);
    throw new NoteRefusedError('errNoteRefused', [field || '–']);
  }
  return fitted;
}
