import { buildSearchIndexInSlices, isSearchIndex, type NoteSearchIndex, type SearchEntry } from '../notes/searchIndex';
import type { Note } from '../notes/types';
import { besideNotes, transactionHas } from './noteWrites';
import type { RatsmarkerDB } from './schema';

/**
 * The search index is kept as one record beside the notes, so an extension
 * page has it in a few milliseconds instead of reading every note (about
 * 350 ms at 10,000 notes here). Every write to the notes, from any page or
 * the background, drops that record in the same transaction and sets a new
 * change mark; the next page to open builds the index again and stores it,
 * unless the notes changed while it was reading them.
 */
export const SEARCH_CACHE_TABLE = 'searchCache';
const INDEX_KEY = 'index';
const CHANGE_KEY = 'notesChanged';

interface StoredIndex {
  index: NoteSearchIndex;
  /** The change mark the notes had when the index was read from them. */
  change: string | undefined;
}

/** The DBCore middleware that invalidates the stored index on every write to the notes. */
export const dropSearchSnapshotOnWrite = besideNotes(
  'dropSearchSnapshotOnWrite',
  SEARCH_CACHE_TABLE,
  async (table, req, down) => {
    // The notes and the cache change together or not at all (besideNotes).
    const result = await table.mutate(req);
    // Without the cache (a schema upgrade from before it) there is no stored index to drop.
    if (!transactionHas(req.trans, SEARCH_CACHE_TABLE)) return result;
    const cache = down.table(SEARCH_CACHE_TABLE);
    await cache.mutate({ type: 'delete', trans: req.trans, keys: [INDEX_KEY] });
    await cache.mutate({ type: 'put', trans: req.trans, keys: [CHANGE_KEY], values: [crypto.randomUUID()] });
    return result;
  },
);

// Notes read per request while building the index: the page turns them into
// objects between requests, some 18 ms for 500 notes here (70 ms for 2,000).
const READ_CHUNK = 500;

/** What the index needs of every note, read a chunk at a time in id order (not the text). */
async function readEntries(db: RatsmarkerDB, chunkSize: number): Promise<SearchEntry[]> {
  const entries: SearchEntry[] = [];
  let last: string | undefined;
  for (;;) {
    const chunk: Note[] = await (last === undefined ? db.notes.orderBy(':id') : db.notes.where(':id').above(last))
      .limit(chunkSize)
      .toArray();
    for (const n of chunk)
      entries.push({ id: n.id, updated: n.updated, terms: n.terms, measureIds: n.measureIds, tags: n.tags });
    if (chunk.length < chunkSize) return entries;
    last = chunk.at(-1)?.id;
  }
}

/** A turn for the page between steps of a build (a macrotask, so input and frames get in). */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Builds the search index from the notes themselves. */
export async function readSearchIndex(db: RatsmarkerDB, chunkSize = READ_CHUNK): Promise<NoteSearchIndex> {
  return buildSearchIndexInSlices(await readEntries(db, chunkSize), pause);
}

/**
 * The search index: the stored one if no note changed since it was stored,
 * else built from the notes and stored for the next page.
 */
export async function loadSearchIndex(db: RatsmarkerDB, chunkSize = READ_CHUNK): Promise<NoteSearchIndex> {
  const cache = db.table<unknown, string>(SEARCH_CACHE_TABLE);
  const stored = (await cache.get(INDEX_KEY)) as Partial<StoredIndex> | undefined;
  if (stored && isSearchIndex(stored.index)) return stored.index;
  // The mark and the notes in one transaction: the index belongs to exactly that state.
  const [change, entries] = await db.transaction('r', db.notes, cache, async () => [
    (await cache.get(CHANGE_KEY)) as string | undefined,
    await readEntries(db, chunkSize),
  ]);
  const index = await buildSearchIndexInSlices(entries, pause);
  await db.transaction('rw', cache, async () => {
    // Stored only if no note was written meanwhile; else the next page builds it again.
    if ((await cache.get(CHANGE_KEY)) === change) await cache.put({ index, change } satisfies StoredIndex, INDEX_KEY);
  });
  return index;
}
