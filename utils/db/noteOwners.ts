import Dexie, { type DBCore, type DBCoreMutateRequest, type Middleware, type Table, type Transaction } from 'dexie';
import type { Note } from '../notes/types';
import { alsoOnNoteWrites, transactionHas } from './noteWrites';
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

/** The DBCore middleware that keeps the owners table as the notes are written. */
export const keepNoteOwners: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'keepNoteOwners',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        return down.transaction(alsoOnNoteWrites(stores, mode, NOTE_OWNERS_TABLE), mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== 'notes') return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            const result = await table.mutate(req);
            // A schema upgrade from before the table: version 6's upgrade fills it from the notes.
            if (!transactionHas(req.trans, NOTE_OWNERS_TABLE)) return result;
            const owners = down.table(NOTE_OWNERS_TABLE);
            if (req.type === 'delete') {
              await owners.mutate({ type: 'delete', trans: req.trans, keys: req.keys });
            } else if (req.type === 'deleteRange') {
              // The same primary keys: the range of notes deleted is the range of their owners.
              await owners.mutate({ type: 'deleteRange', trans: req.trans, range: req.range });
            } else {
              const failed = new Set(Object.keys(result.failures ?? {}).map(Number));
              const values = (req.values as Note[]).filter((n, i) => !failed.has(i) && typeof n?.id === 'string');
              if (values.length > 0)
                await owners.mutate({
                  type: 'put',
                  trans: req.trans,
                  values: values.map(ownerOf),
                  keys: values.map((n) => n.id),
                });
            }
            return result;
          },
        };
      },
    };
  },
};

/** Version 6's upgrade: every stored note's owner and date into the new table. */
export async function fillNoteOwners(tx: Transaction): Promise<void> {
  const owners: NoteOwner[] = [];
  await tx
    .table('notes')
    .toCollection()
    .each((n: Note) => {
      owners.push(ownerOf(n));
    });
  await tx.table(NOTE_OWNERS_TABLE).bulkPut(owners);
}

function ownersTable(db: RatsmarkerDB): Table<NoteOwner, string> {
  return db.table<NoteOwner, string>(NOTE_OWNERS_TABLE);
}

/** One owner's notes in the date index: a range of [whose+updated]. */
function ownerRange(db: RatsmarkerDB, whose: Whose) {
  return ownersTable(db).where(OWNER_DATE_INDEX).between([whose, Dexie.minKey], [whose, Dexie.maxKey], true, true);
}

/** How many notes `whose` has: a count of the index, no note read. */
export function countOwned(db: RatsmarkerDB, whose: Whose): Promise<number> {
  return ownerRange(db, whose).count();
}

/** The ids of `whose`'s notes, newest first, from `offset` (all of them without `limit`). */
export async function newestOwned(db: RatsmarkerDB, whose: Whose, offset: number, limit?: number): Promise<string[]> {
  const range = ownerRange(db, whose).reverse().offset(offset);
  return (limit === undefined ? range : range.limit(limit)).primaryKeys();
}

/**
 * Whether a note is `whose`'s, for filters that meet other conditions first
 * (search words, measure, tag): reads the keys of the smaller side only (a
 * reader's own notes among a faction's thousands, or the other way round).
 */
export async function ownedTest(db: RatsmarkerDB, whose: Whose): Promise<(id: string) => boolean> {
  const other: Whose = whose === 'mine' ? 'faction' : 'mine';
  const [count, otherCount] = await Promise.all([countOwned(db, whose), countOwned(db, other)]);
  if (count <= otherCount) {
    const ids = new Set(await ownerRange(db, whose).primaryKeys());
    return (id) => ids.has(id);
  }
  const ids = new Set(await ownerRange(db, other).primaryKeys());
  return (id) => !ids.has(id);
}
