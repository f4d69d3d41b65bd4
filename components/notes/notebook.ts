// Everything that touches the notebook's database, in one module that extension
// pages load when they first need it (`loadNotebook`): Dexie is most of the
// popup's code, and the popup paints the list it showed last without it.
export { default as Dexie, liveQuery } from 'dexie';
export {
  addNote,
  allTags,
  deleteNote,
  findNotes,
  notesForDocument,
  restoreNote,
  updateNote,
} from '@/utils/db/notesStore';
export { loadSearchIndex } from '@/utils/db/searchSnapshot';
export { db } from './db';
