import * as v from 'valibot';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '@/utils/notes/limits';

/**
 * What the background accepts from content scripts and extension pages, as
 * valibot schemas: a message is data from outside until checked. Limits are
 * generous (a real page never reaches them) but finite.
 */
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Key = v.pipe(v.string(), v.minLength(1), v.maxLength(10_000));
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(10_000),
  v.url(),
  v.check((u) => /^https?:/i.test(u)),
);

const NoteDocumentSchema = v.object({
  key: Key,
  site: Text(1_000),
  number: v.optional(Text(1_000)),
  title: v.optional(Text(10_000)),
  url: Text(10_000),
});

export const NewNoteSchema = v.object({
  // Chosen by the content script, so a save sent again after the service worker went away is stored once.
  id: v.optional(v.pipe(v.string(), v.uuid())),
  document: NoteDocumentSchema,
  target: v.optional(
    v.object({
      quote: v.object({
        type: v.literal('TextQuoteSelector'),
        exact: Text(MAX_NOTE_LENGTH),
        prefix: Text(1_000),
        suffix: Text(1_000),
      }),
      position: v.object({ type: v.literal('TextPositionSelector'), start: Count, end: Count }),
      page: v.optional(v.pipe(Count, v.minValue(1))),
    }),
  ),
  measureIds: v.optional(v.pipe(v.array(Text(200)), v.maxLength(1_000))),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NOTE_LENGTH)),
  tags: v.optional(v.pipe(v.array(Text(MAX_TAG_LENGTH * 10)), v.maxLength(MAX_TAGS * 10))),
  // „Mit der Fraktion teilen“ (issue 17).
  shared: v.optional(v.boolean()),
});

/** Only what the background uses of a report is checked closely; the rest stays the reporter's business. */
export const PageReportSchema = v.looseObject({
  count: Count,
  noteDocument: NoteDocumentSchema,
});

export const DocumentKeySchema = Key;
export const TabIdSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
export const PdfUrlSchema = HttpUrl;
export const AnchoredSchema = v.object({
  found: v.pipe(v.array(Id), v.maxLength(100_000)),
  orphaned: v.pipe(v.array(Id), v.maxLength(100_000)),
});
export const NoDataSchema = v.optional(v.null());

/** The faction login as typed; utils/faction/connection.ts `validateSettings` checks it closely. */
export const FactionLoginSchema = v.object({
  serverUrl: Text(2_000),
  database: Text(300),
  user: v.optional(Text(300)),
  password: v.optional(Text(1_000)),
  token: v.optional(Text(10_000)),
  authorName: v.optional(Text(300)),
});
export const FactionResolveSchema = v.object({ noteId: Id, rev: Text(200) });
