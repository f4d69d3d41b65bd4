/**
 * The one definition of what a note may hold. The store fits or refuses a
 * note by these limits (utils/db/fitNote.ts), and the JSON import checks a
 * file by the same (utils/notes/noteSchema.ts), so every note the store
 * holds exports and imports again.
 */
export const NOTE_LIMITS = {
  id: 100,
  text: 1_000_000,
  /** The quoted passage. */
  quote: 1_000_000,
  /** The context before and after the passage (32 characters are written; more is read). */
  context: 1_000,
  tag: 100,
  tags: 50,
  measureId: 300,
  measures: 1_000,
  /** Document title: clipped by the store (display only). */
  title: 10_000,
  /** Document number: part of the document key. */
  number: 300,
  site: 300,
  /** Document URL and key: a council page's address is far shorter; a longer one is refused with a message. */
  url: 32_768,
  key: 33_500,
  /** Earlier places of a re-attached note, kept with their quotes. */
  history: 100,
  /** A colleague's name (and login) on a faction note. */
  author: 200,
  /** Other versions of a shared note in conflict, and a CouchDB revision id. */
  conflictVersions: 100,
  rev: 200,
} as const;

export const MAX_TAG_LENGTH = NOTE_LIMITS.tag;
export const MAX_TAGS = NOTE_LIMITS.tags;
export const MAX_NOTE_LENGTH = NOTE_LIMITS.text;
