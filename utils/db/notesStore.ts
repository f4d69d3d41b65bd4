import { MAX_TAG_LENGTH, MAX_TAGS } from '../notes/limits';
import { type NoteSearchIndex, newestFirst, searchNoteIndex } from '../notes/searchIndex';
import { queryTerms } from '../notes/searchTerms';
import type { Note, NoteDocument, NoteTarget } from '../notes/types';
import { fitNote, NoteRefusedError } from './fitNote';
import { countOwned, newestOwned, ownedTest } from './noteOwners';
import { type RatsmarkerDB, termsOf } from './schema';

export interface NewNote {
  /**
   * Chosen by the sender (a content script), so that a save sent again after
   * the service worker went away stores the note once.
   */
  id?: string;
  document: NoteDocument;
  target?: NoteTarget;
  measureIds?: string[];
  text: string;
  tags?: string[];
  /** „Mit der Fraktion teilen“ (issue 17): only such notes ever leave the device. Off unless set. */
  shared?: boolean;
}

/** What the reader may change of a note. */
export interface NoteChanges {
  text?: string;
  tags?: string[];
  /** Switched to shared, or back to private (then it leaves the faction's database on the next sync). */
  shared?: boolean;
}

export interface NoteQuery {
  /** Words that must all occur (prefixes match: "partner" finds "Partnerschaft"). */
  query?: string;
  measure?: string;
  tag?: string;
  /** Only the reader's own notes, or only colleagues' (faction notes, by their index). */
  owner?: 'mine' | 'faction';
  offset?: number;
  limit?: number;
}

/** Tags as the user typed them: trimmed, without empties and duplicates. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().slice(0, MAX_TAG_LENGTH)).filter(Boolean))].slice(0, MAX_TAGS);
}

/** The note the store writes for `input`: fitted to the limits (or refused), with its search terms. */
export function newNote(input: NewNote, now = new Date()): Note {
  const base = fitNote({
    id: input.id ?? crypto.randomUUID(),
    document: input.document,
    documentKey: input.document.key,
    ...(input.target ? { target: input.target } : {}),
    measureIds: input.measureIds ?? [],
    text: input.text,
    tags: cleanTags(input.tags ?? []),
    created: now.toISOString(),
    updated: now.toISOString(),
    ...(input.shared ? { shared: true } : {}),
  });
  return { ...base, terms: termsOf(base) };
}

/**
 * Stores a new note. Saving again a note whose id is already stored (a
 * retried message) writes nothing and hands back the stored note.
 */
export async function addNote(db: RatsmarkerDB, input: NewNote, now = new Date()): Promise<Note> {
  const note = newNote(input, now);
  return db.transaction('rw', db.notes, async () => {
    const stored = await db.notes.get(note.id);
    // The same save again: the first copy stands. An id of a note on another
    // document is no retry, and that note is not handed out.
    if (stored?.documentKey === note.documentKey) return stored;
    if (stored) throw new NoteRefusedError('errNoteRefused', ['id']);
    await db.notes.add(note);
    return note;
  });
}

/** `note` with the reader's changes, as the store writes it: fitted, new terms, a later `updated`. */
export function editedNote(note: Note, changes: NoteChanges, now = new Date()): Note {
  // The text is now the reader's own again: a colleague's change (faction notes) no longer stands on it.
  const { terms: _old, shared: _was, editedBy: _colleague, ...rest } = note;
  const shared = changes.shared ?? note.shared;
  const next = fitNote({
    ...rest,
    ...(changes.text !== undefined ? { text: changes.text } : {}),
    ...(changes.tags !== undefined ? { tags: cleanTags(changes.tags) } : {}),
    ...(shared ? { shared: true } : {}),
    // Always later than the copy it replaces, so that another editor holding that copy sees the change.
    updated: new Date(Math.max(now.getTime(), Date.parse(note.updated) + 1)).toISOString(),
  });
  return { ...next, terms: termsOf(next) };
}

/**
 * The note was changed elsewhere (another tab or window) since the editor
 * read it: nothing was written; `current` is the stored note, so the reader
 * can choose between theirs and it.
 */
export class NoteConflictError extends Error {
  constructor(readonly current: Note) {
    super(`The note ${current.id} was changed at ${current.updated}.`);
    this.name = 'NoteConflictError';
  }
}

/** The note is gone (deleted elsewhere) while it was being edited. */
export class NoteGoneError extends Error {
  constructor(readonly id: string) {
    super(`The note ${id} is no longer stored.`);
    this.name = 'NoteGoneError';
  }
}

/**
 * Changes a note's text, tags and whether it is shared. With `ifUpdated` (the `updated` time of the
 * copy the editor began from) the write happens only if the stored note is
 * still that copy, compared inside the write transaction: a newer change made
 * elsewhere throws a NoteConflictError, a deletion a NoteGoneError.
 */
export async function updateNote(
  db: RatsmarkerDB,
  id: string,
  changes: NoteChanges,
  now = new Date(),
  ifUpdated?: string,
): Promise<Note | undefined> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) {
      if (ifUpdated !== undefined) throw new NoteGoneError(id);
      return undefined;
    }
    // A colleague's note is read-only here: its author changes it, and the sync brings the change.
    if (note.faction) throw new NoteRefusedError('factionNoteReadOnly');
    if (ifUpdated !== undefined && note.updated !== ifUpdated) throw new NoteConflictError(note);
    const next = editedNote(note, changes, now);
    await db.notes.put(next);
    return next;
  });
}

/** Deletes a note and hands it back, so the UI can undo. */
export async function deleteNote(db: RatsmarkerDB, id: string): Promise<Note | undefined> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (note) await db.notes.delete(id);
    return note;
  });
}

export async function restoreNote(db: RatsmarkerDB, note: Note): Promise<void> {
  await db.notes.put(note);
}

export async function notesForDocument(db: RatsmarkerDB, documentKey: string): Promise<Note[]> {
  const notes = await db.notes.where('documentKey').equals(documentKey).toArray();
  return notes.sort((a, b) => b.updated.localeCompare(a.updated));
}

/** Records which anchored notes were found on the last visit and which were not. */
export async function setOrphaned(
  db: RatsmarkerDB,
  found: readonly string[],
  orphaned: readonly string[],
): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    for (const id of found) await db.notes.update(id, { orphaned: false });
    for (const id of orphaned) await db.notes.update(id, { orphaned: true });
  });
}

/**
 * Notes newest first, filtered. Each condition (every search word as a prefix,
 * the measure, the tag) reads only keys from its index; the notes themselves
 * are read in date order, and only as many as the page asks for. With a
 * search index (`loadSearchIndex`, as fresh as the store) the conditions are
 * met in memory and only the notes of the page are read.
 */
export async function findNotes(
  db: RatsmarkerDB,
  q: NoteQuery = {},
  index?: NoteSearchIndex,
): Promise<{ total: number; notes: Note[] }> {
  const words = q.query ? queryTerms(q.query) : [];
  const offset = q.offset ?? 0;
  const conditions = words.length > 0 || !!q.measure || !!q.tag;
  if (q.owner && !conditions) {
    // One owner's notes, newest first: a page and a count of the owners' date index (utils/db/noteOwners.ts).
    const [total, ids] = await Promise.all([countOwned(db, q.owner), newestOwned(db, q.owner, offset, q.limit)]);
    return { total, notes: (await db.notes.bulkGet(ids)).filter((n): n is Note => n !== undefined) };
  }
  const owned = q.owner ? await ownedTest(db, q.owner) : undefined;
  if (index && conditions) {
    const hits = searchNoteIndex(index, { words, measure: q.measure || undefined, tag: q.tag || undefined });
    const ids = owned ? hits.filter(owned) : hits;
    const page = ids.slice(offset, q.limit === undefined ? undefined : offset + q.limit);
    const notes = (await db.notes.bulkGet(page)).filter((n): n is Note => n !== undefined);
    return { total: ids.length, notes };
  }
  const keySets: Promise<string[]>[] = [
    ...words.map((w) => db.notes.where('terms').startsWith(w).primaryKeys()),
    ...(q.measure ? [db.notes.where('measureIds').equals(q.measure).primaryKeys()] : []),
    ...(q.tag ? [db.notes.where('tags').equals(q.tag).primaryKeys()] : []),
  ];
  if (keySets.length === 0) {
    // Both at once: counting 10,000 notes takes as long as reading a page of them.
    if (q.limit === undefined) {
      // Everything (an export): one read of the whole store, sorted here; a
      // reversed read of the date index would step a cursor through every note.
      const all = (await db.notes.toArray()).sort(newestFirst);
      return { total: all.length, notes: all.slice(offset) };
    }
    const [total, notes] = await Promise.all([
      db.notes.count(),
      db.notes.orderBy('updated').reverse().offset(offset).limit(q.limit).toArray(),
    ]);
    return { total, notes };
  }
  const [first, ...rest] = (await Promise.all(keySets)).map((keys) => new Set(keys));
  const keys = new Set(
    [...(first as Set<string>)].filter((k) => rest.every((set) => set.has(k)) && (!owned || owned(k))),
  );
  if (keys.size === 0) return { total: 0, notes: [] };
  return { total: keys.size, notes: await newestAmong(db, keys, offset, q.limit ?? keys.size) };
}

// Up to this many hits are read at once and sorted here; more are found by
// walking the date index (one bulk read of a hundred notes costs about what
// a few steps of the walk do).
const READ_ALL_HITS = 100;
// The walk reads the date index's keys in steps that start this large and double.
const FIRST_STEP = 64;

/** The notes among `keys`, newest first, from `offset`: reading only keys until the page is known. */
async function newestAmong(db: RatsmarkerDB, keys: Set<string>, offset: number, limit: number): Promise<Note[]> {
  const want = offset + limit;
  if (keys.size <= READ_ALL_HITS) {
    const notes = (await db.notes.bulkGet([...keys])).filter((n): n is Note => n !== undefined);
    notes.sort(newestFirst);
    return notes.slice(offset, want);
  }
  const ids: string[] = [];
  for (let from = 0, step = Math.max(FIRST_STEP, want * 4); ; from += step, step *= 2) {
    const batch = await db.notes.orderBy('updated').reverse().offset(from).limit(step).primaryKeys();
    for (const k of batch) if (keys.has(k)) ids.push(k);
    if (ids.length >= want || batch.length < step) break;
  }
  return (await db.notes.bulkGet(ids.slice(offset, want))).filter((n): n is Note => n !== undefined);
}

// More distinct tags than this are not listed in the filter (a list that long helps nobody).
const MAX_LISTED_TAGS = 500;

/**
 * Every tag in use, for the filter. Jumps from one tag to the next through
 * the index (one seek each): a unique-key cursor walks every note's entry,
 * about 70 ms at 10,000 notes in Chromium, while there are only a few tags.
 */
export async function allTags(db: RatsmarkerDB): Promise<string[]> {
  const tags: string[] = [];
  let next = (await db.notes.orderBy('tags').limit(1).keys())[0];
  while (typeof next === 'string' && tags.length < MAX_LISTED_TAGS) {
    tags.push(next);
    next = (await db.notes.where('tags').above(next).limit(1).keys())[0];
  }
  return tags;
}
