import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';

/**
 * For middlewares that keep something beside the notes (the search snapshot,
 * the shared-changes log): a transaction that may write notes also takes
 * their table, so a note and what is kept beside it are written together or
 * not at all.
 */
export function alsoOnNoteWrites(stores: string[], mode: string, table: string): string[] {
  return mode === 'readwrite' && stores.includes('notes') && !stores.includes(table) ? [...stores, table] : stores;
}

/**
 * Whether a transaction took `table`: a schema upgrade from before the table
 * existed writes notes in a transaction without it. A transaction that does
 * not say counts as having it.
 */
export function transactionHas(trans: DBCoreTransaction, table: string): boolean {
  const idb = trans as unknown as Partial<IDBTransaction>;
  return !idb.objectStoreNames || idb.objectStoreNames.contains(table);
}

/**
 * A DBCore middleware that keeps `table` beside the notes: a transaction that
 * may write notes takes it too, and every write to the notes goes through
 * `mutate` (with the notes' table and the layer below, for `table` itself).
 */
export function besideNotes(
  name: string,
  table: string,
  mutate: (notes: DBCoreTable, req: DBCoreMutateRequest, down: DBCore) => Promise<DBCoreMutateResponse>,
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          return down.transaction(alsoOnNoteWrites(stores, mode, table), mode, options);
        },
        table(tableName) {
          const notes = down.table(tableName);
          if (tableName !== 'notes') return notes;
          return { ...notes, mutate: (req: DBCoreMutateRequest) => mutate(notes, req, down) };
        },
      };
    },
  };
}
