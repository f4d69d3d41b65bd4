import Dexie, { type Table, type Transaction } from 'dexie';
import type { Note } from '../notes/types';
import { besideNotes, transactionHas } from './noteWrites';
import type { RatsmarkerDB } from './schema';

/**
 * Whose each note is, in date order (schema version 6, faction notes, issue 17).
 * A faction's 50,000 colleagues' notes beside the reader's 500: „Meine“ and
 * „Fraktion“ in the popup want a page of one owner's notes, newest first,
 * and their count. The notes' own indexes cannot give that (a colleague's
 * note is known by a field the reader's lack, and IndexedDB indexes no
 * absence), so a small table beside the notes keeps, for every note, its
 * owner and date under the compound index [whose+updated]: a page is a
 * range read of the index, the count a count of it. The notes stay as they
 * are (no derived field is added to them); every write to the notes, from
 * any page or the background, writes this table in the same transaction.
 */
export const NOTE_OWNERS_TABLE = 'noteOwners';
export const OWNER_DATE_INDEX = '[whose+updated]';

export type Whose = 'mine' | 'faction';

export interface NoteOwner {
  id: string;
  whose: Whose;
  updated: string;
}

export function ownerOf(note: Pick<Note, 'id' | 'faction' | 'updated'>): NoteOwner {
  return { id: note.id, whose: note.faction ? 'faction' : 'mine', updated: note.updated };
}

/**
 * How many notes each owner has, under a number key no note has (note ids are
 * strings) and without the indexed fields: counting 50,000 entries of an index
 * range walks every one of them (0.6–2.5 s in a loaded Chromium), reading
 * this record does not. Kept with every write; absent in a new or cleared
 * store, where both are 0.
 */
export const OWNER_COUNTS_KEY = 0;
export interface OwnerCounts {
  id: typeof OWNER_COUNTS_KEY;
  mine: number;
  faction: number;
}

const isOwner = (o: unknown): o is NoteOwner => typeof (o as NoteOwner | undefined)?.id === 'string';

/** The DBCore middleware that keeps the owners table and its counts as the notes are written. */
export const keepNoteOwners = besideNotes('keepNoteOwners', NOTE_OWNERS_TABLE, async (table, req, down) => {
  // A schema upgrade from before the table: version 6's upgrade fills it from the notes.
  if (!transactionHas(req.trans, NOTE_OWNERS_TABLE)) return table.mutate(req);
  const owners = down.table(NOTE_OWNERS_TABLE);
  const trans = req.trans;
  // Whose the notes this write touches were before it (the counts move by the difference).
  const before =
    req.type === 'deleteRange'
      ? (
          await owners.query({
            trans,
            values: true,
            query: { index: owners.schema.primaryKey, range: req.range },
          })
        ).result.filter(isOwner)
      : (
          await owners.getMany({
            trans,
            keys: req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => (v as Note)?.id)),
          })
        ).filter(isOwner);
  const stored = (await owners.get({ trans, key: OWNER_COUNTS_KEY })) as OwnerCounts | undefined;
  const result = await table.mutate(req);
  const counts = { mine: stored?.mine ?? 0, faction: stored?.faction ?? 0 };
  let after: NoteOwner[] = [];
  if (req.type === 'put' || req.type === 'add') {
    const failed = new Set(Object.keys(result.failures ?? {}).map(Number));
    after = (req.values as Note[]).filter((n, i) => !failed.has(i) && typeof n?.id === 'string').map(ownerOf);
    // A failed write leaves its note as it was.
    const written = new Set(after.map((o) => o.id));
    for (const o of before) if (written.has(o.id)) counts[o.whose]--;
  } else {
    const keys = before.map((o) => o.id);
    if (keys.length > 0) await owners.mutate({ type: 'delete', trans, keys });
    for (const o of before) counts[o.whose]--;
  }
  for (const o of after) counts[o.whose]++;
  if (after.length > 0) await owners.mutate({ type: 'put', trans, values: after, keys: after.map((o) => o.id) });
  await owners.mutate({
    type: 'put',
    trans,
    values: [{ id: OWNER_COUNTS_KEY, ...counts } satisfies OwnerCounts],
    keys: [OWNER_COUNTS_KEY],
  });
  return result;
});

/** Version 6's upgrade: every stored note's owner and date into the new table, and the counts. */
export async function fillNoteOwners(tx: Transaction): Promise<void> {
  const owners: NoteOwner[] = [];
  await tx
    .table('notes')
    .toCollection()
    .each((n: Note) => {
      owners.push(ownerOf(n));
    });
  const counts: OwnerCounts = { id: OWNER_COUNTS_KEY, mine: 0, faction: 0 };
  for (const o of owners) counts[o.whose]++;
  await tx.table(NOTE_OWNERS_TABLE).bulkPut([...owners, counts]);
}

function ownersTable(db: RatsmarkerDB): Table<NoteOwner, string> {
  return db.table<NoteOwner, string>(NOTE_OWNERS_TABLE);
}

/** One owner's notes in the date index: a range of [whose+updated]. */
function ownerRange(db: RatsmarkerDB, whose: Whose) {
  return ownersTable(db).where(OWNER_DATE_INDEX).between([whose, Dexie.minKey], [whose, Dexie.maxKey], true, true);
}

/** How many notes `whose` has: one record read (the counts), no note and no index walked. */
export async function countOwned(db: RatsmarkerDB, whose: Whose): Promise<number> {
  const counts = (await db.table(NOTE_OWNERS_TABLE).get(OWNER_COUNTS_KEY)) as OwnerCounts | undefined;
  return counts?.[whose] ?? 0;
}

/** The ids of `whose`'s notes, newest first, from `offset` (all of them without `limit`). */
export async function newestOwned(db: RatsmarkerDB, whose: Whose, offset: number, limit?: number): Promise<string[]> {
  const range = ownerRange(db, whose).reverse().offset(offset);
  return (limit === undefined ? range : range.limit(limit)).primaryKeys();
}

// A side with fewer notes than this is read whole to tell whose a note is.
const SMALL_SIDE = 2_000;

/**
 * Whether a note is `whose`'s, for filters that meet other conditions first
 * (search words, measure, tag): reads the keys of the smaller side only (a
 * reader's own notes among a faction's thousands, or the other way round),
 * and counts neither (a count walks every entry of its range).
 */
export async function ownedTest(db: RatsmarkerDB, whose: Whose): Promise<(id: string) => boolean> {
  // The reader's own first: among a faction's notes they are the few (and read alone, the other side is not).
  for (const side of ['mine', 'faction'] as const) {
    const keys = await ownerRange(db, side).limit(SMALL_SIDE).primaryKeys();
    if (keys.length < SMALL_SIDE) {
      const ids = new Set(keys);
      return side === whose ? (id) => ids.has(id) : (id) => !ids.has(id);
    }
  }
  const ids = new Set(await ownerRange(db, whose).primaryKeys());
  return (id) => ids.has(id);
}
