import type { Note } from './types';

/** What the search index keeps of a note: enough to filter and order, not its text. */
export type SearchEntry = Pick<Note, 'id' | 'updated' | 'measureIds' | 'tags' | 'terms'>;

/** Keys in sorted order, and for each key the places of its notes: `places[starts[k]] … places[starts[k + 1] - 1]`. */
export interface PostingTable {
  readonly keys: readonly string[];
  readonly starts: Int32Array;
  readonly places: Int32Array;
}

/** Bumped whenever the layout below changes, so an index stored in an older layout is built anew. */
export const SEARCH_INDEX_FORMAT = 1;

/**
 * The notebook's search words, measures and tags, with every note's place in
 * date order. IndexedDB needs 15–40 ms just to read the keys of a thousand
 * hits from the terms index at 10,000 notes, and as long again to put them in
 * date order; here the same query takes a millisecond or two. Plain arrays and
 * typed arrays only, so the whole index is stored and read back as one record
 * (`utils/db/searchSnapshot.ts`) in a few milliseconds.
 */
export interface NoteSearchIndex {
  readonly format: typeof SEARCH_INDEX_FORMAT;
  /** Note ids, newest first (by date, then the higher id: the date index turned round). */
  readonly ids: readonly string[];
  /** Search words (sorted, so a prefix is a range), measures and tags, each with the places of its notes. */
  readonly words: PostingTable;
  readonly measures: PostingTable;
  readonly tags: PostingTable;
}

export interface SearchIndexQuery {
  /** Folded search words (`queryTerms`); each must begin a word of the note. */
  words: readonly string[];
  measure?: string;
  tag?: string;
}

/** As the date index orders notes, turned round: by date, then by id, newest and highest first. */
export const newestFirst = (a: Pick<Note, 'id' | 'updated'>, b: Pick<Note, 'id' | 'updated'>) =>
  a.updated === b.updated ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.updated < b.updated ? 1 : -1;

function post(map: Map<string, number[]>, key: string, place: number) {
  const list = map.get(key);
  // A note lists a word, measure or tag once; the guard keeps a repeated one from counting twice.
  if (!list) map.set(key, [place]);
  else if (list.at(-1) !== place) list.push(place);
}

function postingTable(map: Map<string, number[]>): PostingTable {
  const keys = [...map.keys()].sort();
  const starts = new Int32Array(keys.length + 1);
  let total = 0;
  keys.forEach((k, i) => {
    starts[i] = total;
    total += (map.get(k) as number[]).length;
  });
  starts[keys.length] = total;
  const places = new Int32Array(total);
  keys.forEach((k, i) => {
    places.set(map.get(k) as number[], starts[i] as number);
  });
  return { keys, starts, places };
}

// Notes filed between two turns of the page when the index is built in slices.
const NOTES_PER_STEP = 2_000;

/** Builds the index in steps (each yield a point where the caller may give the page a turn). */
function* buildSteps(entries: Iterable<SearchEntry>): Generator<void, NoteSearchIndex> {
  const sorted = [...entries].sort(newestFirst);
  yield;
  const byWord = new Map<string, number[]>();
  const byMeasure = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  for (const [place, note] of sorted.entries()) {
    if (place % NOTES_PER_STEP === NOTES_PER_STEP - 1) yield;
    for (const w of note.terms ?? []) post(byWord, w, place);
    for (const m of note.measureIds) post(byMeasure, m, place);
    for (const t of note.tags) post(byTag, t, place);
  }
  yield;
  const words = postingTable(byWord);
  yield;
  return {
    format: SEARCH_INDEX_FORMAT,
    ids: sorted.map((n) => n.id),
    words,
    measures: postingTable(byMeasure),
    tags: postingTable(byTag),
  };
}

export function buildSearchIndex(entries: Iterable<SearchEntry>): NoteSearchIndex {
  const steps = buildSteps(entries);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * The same, giving the page a turn (`pause`) between steps: at 50,000 notes
 * the whole build is a third of a second, which a popup must not freeze for.
 */
export async function buildSearchIndexInSlices(
  entries: Iterable<SearchEntry>,
  pause: () => Promise<void>,
): Promise<NoteSearchIndex> {
  const steps = buildSteps(entries);
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    await pause();
  }
}

/** The first place in the sorted `keys` at which `key` could stand. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The places of the notes under every key that begins with `prefix` (or is `key`, exactly), as ranges of `places`. */
function placesOf(table: PostingTable, key: string, prefix: boolean): Int32Array[] {
  const out: Int32Array[] = [];
  for (let i = lowerBound(table.keys, key); i < table.keys.length; i++) {
    const k = table.keys[i] as string;
    if (prefix ? !k.startsWith(key) : k !== key) break;
    out.push(table.places.subarray(table.starts[i], table.starts[i + 1]));
  }
  return out;
}

/** The ids of the notes that meet every condition of `q`, newest first. */
export function searchNoteIndex(index: NoteSearchIndex, q: SearchIndexQuery): string[] {
  const conditions: Int32Array[][] = [
    ...q.words.map((w) => placesOf(index.words, w, true)),
    ...(q.measure !== undefined ? [placesOf(index.measures, q.measure, false)] : []),
    ...(q.tag !== undefined ? [placesOf(index.tags, q.tag, false)] : []),
  ];
  if (conditions.length === 0) return [...index.ids];
  // met[p] counts the conditions note p meets, in turn: a note moves on from
  // condition c only if it met all before, and only once however many of the
  // condition's words it has.
  const met = new Uint32Array(index.ids.length);
  conditions.forEach((lists, c) => {
    for (const list of lists) for (const p of list) if (met[p] === c) met[p] = c + 1;
  });
  const out: string[] = [];
  for (let p = 0; p < met.length; p++) if (met[p] === conditions.length) out.push(index.ids[p] as string);
  return out;
}

/** Whether a value read back from storage has the layout of this version's index (else it is built anew). */
export function isSearchIndex(value: unknown): value is NoteSearchIndex {
  const v = value as Partial<NoteSearchIndex> | undefined;
  const table = (t: PostingTable | undefined) =>
    !!t &&
    Array.isArray(t.keys) &&
    t.starts instanceof Int32Array &&
    t.places instanceof Int32Array &&
    t.starts.length === t.keys.length + 1 &&
    t.starts[t.keys.length] === t.places.length;
  return (
    !!v &&
    v.format === SEARCH_INDEX_FORMAT &&
    Array.isArray(v.ids) &&
    table(v.words) &&
    table(v.measures) &&
    table(v.tags) &&
    [v.words, v.measures, v.tags].every((t) =>
      (t as PostingTable).places.every((p) => p >= 0 && p < (v.ids as string[]).length),
    )
  );
}
