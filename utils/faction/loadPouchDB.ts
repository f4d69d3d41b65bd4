import type { PouchConstructor } from './pouchTypes';

/**
 * PouchDB for the extension (IndexedDB for the mirror, HTTP and replication
 * for the server), loaded by the first sync and only there: the dynamic
 * import keeps it out of the content script, the popup and every page that
 * does not sync. It needs the `events` package, Node's EventEmitter for browsers.
 */
export async function loadBrowserPouchDB(): Promise<PouchConstructor> {
  return (await import('pouchdb-browser')).default;
}
