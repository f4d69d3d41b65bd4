// pouchdb-browser ships no types; the faction sync uses the part in pouchTypes.ts.
declare module 'pouchdb-browser' {
  import type { PouchConstructor } from '@/utils/faction/pouchTypes';

  const PouchDB: PouchConstructor;
  export default PouchDB;
}
