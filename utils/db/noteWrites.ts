import type { DBCoreTransaction } from 'dexie';

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
