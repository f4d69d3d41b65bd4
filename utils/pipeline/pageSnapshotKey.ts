/**
 * The storage key of the page snapshot (pageSnapshot.ts), in a module of its own: the script that asks for
 * the snapshot while a page begins to load (components/content/startupRead.ts) must not bring the decoders.
 */
export const PAGE_SNAPSHOT_KEY = 'pageSnapshot';
