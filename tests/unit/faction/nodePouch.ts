import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import type { PouchDatabase } from '@/utils/faction/pouchTypes';

/**
 * PouchDB as it runs in Node for the faction tests and the benchmark: the
 * same replication and HTTP client as pouchdb-browser, with an in-memory
 * store where the extension uses IndexedDB.
 */
PouchDB.plugin(memory).plugin(http).plugin(replication);

export { PouchDB };

/** A fresh mirror of its own (memory databases of one name are shared within a process). */
export function newMirror(label: string): PouchDatabase {
  return new PouchDB(`mirror-${label}-${crypto.randomUUID()}`, { adapter: 'memory' });
}
