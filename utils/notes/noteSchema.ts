import * as v from 'valibot';
import { formatMessage } from '../i18n/messages';
import { NOTE_LIMITS as L } from './limits';

export const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A real calendar date and time: the ISO pattern, a day that exists, and a time Date can read. */
function isRealTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(s);
  if (!m || Number.isNaN(Date.parse(s))) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}
export const IsoDate = v.pipe(v.string(), v.isoTimestamp(), v.check(isRealTimestamp, formatMessage('errInvalidDate')));
/** Web pages and local files only: the URL ends up in links (no javascript:, data:). */
export const isWebUrl = (u: string) => /^(https?|file):/i.test(u);
export const WebUrl = v.pipe(v.string(), v.maxLength(L.url), v.url(), v.check(isWebUrl, formatMessage('errWebUrl')));
export const Quote = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: Text(L.quote),
  prefix: Text(L.context),
  suffix: Text(L.context),
});
export const Position = v.object({
  type: v.literal('TextPositionSelector'),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const Target = v.object({
  quote: Quote,
  position: Position,
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

const Author = v.pipe(v.string(), v.minLength(1), v.maxLength(L.author));

/** One version of a shared note in conflict (a CouchDB revision). */
export const ConflictVersion = v.object({
  rev: v.pipe(v.string(), v.minLength(1), v.maxLength(L.rev)),
  text: Text(L.text),
  tags: v.pipe(v.array(Text(L.tag)), v.maxLength(L.tags)),
  updated: IsoDate,
  author: Text(L.author),
  editedBy: v.optional(Text(L.author)),
  deleted: v.optional(v.boolean()),
  here: v.optional(v.boolean()),
});

/**
 * A note as the store holds it and an export carries it (without its search
 * terms, which are computed): what the store checks before it writes and
 * the import checks before it reads.
 */
export const NoteSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(L.id)),
  document: v.object({
    key: Text(L.key),
    site: Text(L.site),
    number: v.optional(Text(L.number)),
    title: v.optional(Text(L.title)),
    url: WebUrl,
  }),
  documentKey: Text(L.key),
  target: v.optional(Target),
  measureIds: v.pipe(v.array(Text(L.measureId)), v.maxLength(L.measures)),
  text: Text(L.text),
  tags: v.pipe(v.array(Text(L.tag)), v.maxLength(L.tags)),
  created: IsoDate,
  updated: IsoDate,
  orphaned: v.optional(v.boolean()),
  // Where a re-attached note stood before (the reader's old quotes).
  history: v.optional(v.pipe(v.array(v.object({ target: Target, until: IsoDate })), v.maxLength(L.history))),
  // Faction notes (issue 17): shared by the reader, a colleague's, or in conflict on the faction's server.
  shared: v.optional(v.boolean()),
  faction: v.optional(v.object({ author: Author, user: v.optional(Author) })),
  editedBy: v.optional(v.object({ author: Author, user: v.optional(Author), at: IsoDate })),
  conflict: v.optional(v.object({ versions: v.pipe(v.array(ConflictVersion), v.maxLength(L.conflictVersions)) })),
});
