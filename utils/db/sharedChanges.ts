import type { DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import type { Note } from '../notes/types';
import { besideNotes, transactionHas } from './noteWrites';

/**
 * The faction sync (issue 17) asks the notebook which of the reader's shared
 * notes changed since its last run. Every write to the notes, from any page
 * or the background, goes through this middleware: when the note it writes or
 * deletes is the reader's own and shared (before or after the write), its id
 * is added to a numbered log in the same transaction. The log's number is the
 * sync's checkpoint. Private notes never enter the log; colleagues' notes
 * (with `faction`) only when the reader changed their text, and the sync's
 * own writes (`markRemoteWrite`) are not local changes and are not logged.
 */
export const SHARED_CHANGES_TABLE = 'sharedChanges';

/** One logged change: the note's id, under an auto-incremented number. */
export interface SharedChange {
  seq?: number;
  noteId: string;
}

// Transactions of the sync writing what came from the server (not local changes).
const remoteWrites = new WeakSet<object>();

/** Marks a transaction (Dexie's `tx.idbtrans`) as the sync's: its writes to the notes are not logged. */
export function markRemoteWrite(idbtrans: object): void {
  remoteWrites.add(idbtrans);
}

/** The reader's own note (not a colleague's), switched to shared. */
export function isOwnShared(note: Partial<Note> | undefined): boolean {
  return note?.shared === true && !note.faction;
}

/**
 * A colleague's note whose text the reader changed in this write (it carries
 * a new `editedBy`): that change is the reader's, to be sent. Other writes to
 * a colleague's note (found on the page or not) are not.
 */
export function isColleagueEdit(before: Partial<Note> | undefined, after: Partial<Note> | undefined): boolean {
  return !!after?.faction && !!after.editedBy && after.editedBy.at !== before?.editedBy?.at;
}

/**
 * The notes a write touches, as they are before it. Read before anything is
 * awaited: Dexie's read middlewares need the transaction's zone, which a
 * native `await` leaves.
 */
function readBefore(table: DBCoreTable, req: DBCoreMutateRequest): Promise<{ keys: unknown[]; before: unknown[] }> {
  if (req.type === 'deleteRange') {
    return table
      .query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })
      .then(({ result }) => ({ keys: result.map((n) => (n as Partial<Note>).id), before: result }));
  }
  const keys =
    req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => (v as Partial<Note> | undefined)?.id));
  return table.getMany({ trans: req.trans, keys }).then((before) => ({ keys, before }));
}

function logsChanges(trans: DBCoreTransaction): boolean {
  if (remoteWrites.has(trans)) return false;
  return transactionHas(trans, SHARED_CHANGES_TABLE);
}

export const countSharedChanges = besideNotes('countSharedChanges', SHARED_CHANGES_TABLE, async (table, req, down) => {
  // A change and its entry in the log are written together (besideNotes).
  if (!logsChanges(req.trans)) return table.mutate(req);
  const { keys, before } = await readBefore(table, req);
  const result = await table.mutate(req);
  const after = req.type === 'put' || req.type === 'add' ? (req.values as (Note | undefined)[]) : [];
  const failed = new Set(Object.keys(result.failures ?? {}).map(Number));
  const changed = new Set<string>();
  keys.forEach((key, i) => {
    if (failed.has(i) || typeof key !== 'string') return;
    const was = before[i] as Note | undefined;
    if (isOwnShared(was) || isOwnShared(after[i]) || isColleagueEdit(was, after[i])) changed.add(key);
  });
  if (changed.size > 0)
    await down.table(SHARED_CHANGES_TABLE).mutate({
      type: 'add',
      trans: req.trans,
      values: [...changed].map((noteId) => ({ noteId }) satisfies SharedChange),
    });
  return result;
});
