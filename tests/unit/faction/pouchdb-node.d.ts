// PouchDB's Node packages for the tests ship no types; the sync uses the part in utils/faction/pouchTypes.ts.
declare module 'pouchdb-core' {
  import type { PouchDatabase } from '@/utils/faction/pouchTypes';

  interface PouchDBNode {
    new (name: string, options?: Record<string, unknown>): PouchDatabase;
    plugin(plugin: unknown): PouchDBNode;
  }
  const PouchDB: PouchDBNode;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
