import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import { searchTerms } from '../notes/searchTerms';
import type { Note } from '../notes/types';
import { fillNoteOwners, keepNoteOwners, NOTE_OWNERS_TABLE, OWNER_DATE_INDEX } from './noteOwners';
import { dropSearchSnapshotOnWrite, SEARCH_CACHE_TABLE } from './searchSnapshot';
import { countSharedChanges, SHARED_CHANGES_TABLE } from './sharedChanges';

export const DB_NAME = 'ratsmarker';
/** The index of colleagues' notes (faction notes): the author's name, present only on them. */
export const COLLEAGUE_INDEX = 'faction.author';

/** The words a note is found by: its text, quote, document title and number, and tags. */
export function termsOf(note: Omit<Note, 'terms'>): string[] {
  return searchTerms(note.text, note.target?.quote.exact, note.document.title, note.document.number, ...note.tags);
}

/**
 * The notebook. Lives in the extension's own origin (background and extension
 * pages); content scripts reach it through messages. Every schema change is a
 * new version with an upgrade, never an edit of an old one.
 */
export class RatsmarkerDB extends Dexie {
  notes!: EntityTable<Note, 'id'>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1: notes by document, date, measure and tag.
    this.version(1).stores({ notes: 'id, documentKey, updated, created, *measureIds, *tags' });
    // Version 2: the words of each note, so search uses an index instead of reading every note.
    this.version(2)
      .stores({ notes: 'id, documentKey, updated, created, *measureIds, *tags, *terms' })
      .upgrade((tx) =>
        tx
          .table('notes')
          .toCollection()
          .modify((note: Note) => {
            note.terms = termsOf(note);
          }),
      );
    // Version 3: the search index stored as one record (utils/db/searchSnapshot.ts), dropped on every write to the notes.
    this.version(3).stores({ [SEARCH_CACHE_TABLE]: '' });
    // Version 4 (faction notes, issue 17): a log of changes to the reader's shared notes, numbered in order,
    // so the faction sync finds what to send without reading every note (utils/db/sharedChanges.ts).
    this.version(4).stores({ [SHARED_CHANGES_TABLE]: '++seq' });
    // Version 5 (faction notes, issue 17): colleagues' notes by author. Only notes with `faction` have the key,
    // so the index's keys are the colleagues' notes, and "meine / Fraktion" reads keys instead of every note.
    // IndexedDB fills the new index from the stored notes itself: nothing to rewrite.
    this.version(5).stores({
      notes: `id, documentKey, updated, created, *measureIds, *tags, *terms, ${COLLEAGUE_INDEX}`,
    });
    // Version 6 (faction notes, issue 17): whose each note is, by date, in a table beside the notes
    // (utils/db/noteOwners.ts), so "meine / Fraktion" read a page and a count of an index, not every key.
    this.version(6)
      .stores({ [NOTE_OWNERS_TABLE]: `id, ${OWNER_DATE_INDEX}` })
      .upgrade(fillNoteOwners);
    this.use(dropSearchSnapshotOnWrite);
    this.use(keepNoteOwners);
    this.use(countSharedChanges);
  }
}
