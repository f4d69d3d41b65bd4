import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { editColleagueNote } from '@/utils/db/colleagueEdit';
import { DexieFactionNotes, type FactionIdentity, toFactionNote } from '@/utils/db/factionNotes';
import { addNote, deleteNote, updateNote } from '@/utils/db/notesStore';
import { RatsmarkerDB } from '@/utils/db/schema';
import type { FactionNote } from '@/utils/faction/annotationDoc';
import type { LocalNotes } from '@/utils/faction/syncEngine';
import { MemoryNotebook } from './memoryNotebook';

/**
 * A member's notebook as the sync tests drive it: the same cases run against
 * the Map reference (MemoryNotebook) and the extension's Dexie store.
 */
export interface TestNotebook {
  local: LocalNotes;
  add(text: string, options?: { shared?: boolean }): Promise<FactionNote>;
  edit(id: string, text: string): Promise<void>;
  setShared(id: string, shared: boolean): Promise<void>;
  remove(id: string): Promise<void>;
  /** The note as the notebook holds it, in the shape the faction sees (undefined: not there). */
  get(id: string): Promise<FactionNote | undefined>;
  texts(): Promise<string[]>;
  /** The versions shown to the author of a note in conflict, by text. */
  conflictTexts(id: string): Promise<Array<{ rev: string; text: string | undefined }> | undefined>;
}

export type NotebookKind = 'MemoryNotebook' | 'Dexie';

const DOCUMENT = {
  key: 'ratsinfo.example.de|AIF/012/2024',
  site: 'ratsinfo.example.de',
  number: 'AIF/012/2024',
  url: 'https://ratsinfo.example.de/vo0050.asp?__kvonr=12',
};

export function memoryNotebook(me: FactionIdentity): TestNotebook {
  const book = new MemoryNotebook(me.author);
  return {
    local: book,
    add: async (text, { shared = true } = {}) => book.add(text, { shared }),
    edit: async (id, text) => book.edit(id, text),
    setShared: async (id, shared) => book.setShared(id, shared),
    remove: async (id) => book.remove(id),
    get: async (id) => book.notes.get(id)?.note,
    texts: async () => [...book.notes.values()].map((e) => e.note.text),
    conflictTexts: async (id) => {
      const c = book.conflicts.get(id);
      return c && [c.winner, ...c.others].map((v) => ({ rev: v.rev, text: v.note?.text }));
    },
  };
}

/** The extension's notebook (Dexie on an in-memory IndexedDB), through the store's own functions. */
export function dexieNotebook(me: FactionIdentity): TestNotebook & { db: RatsmarkerDB } {
  const db = new RatsmarkerDB(`notebook-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  let clock = Date.parse('2026-11-30T08:00:00Z');
  const tick = () => {
    clock += 1_000;
    return new Date(clock);
  };
  return {
    db,
    local: new DexieFactionNotes(db, me),
    async add(text, { shared = true } = {}) {
      const note = await addNote(
        db,
        {
          document: DOCUMENT,
          target: {
            quote: { type: 'TextQuoteSelector', exact: 'Städtepartnerschaft', prefix: 'Die ', suffix: ' wird' },
            position: { type: 'TextPositionSelector', start: 4, end: 23 },
          },
          measureIds: ['kw21-7'],
          text,
          tags: ['AIF'],
          shared,
        },
        tick(),
      );
      return toFactionNote(note, me);
    },
    async edit(id, text) {
      // A colleague's note is changed as the popup's faction list does it: the text, under the reader's name.
      if ((await db.notes.get(id))?.faction) await editColleagueNote(db, id, text, me, tick());
      else await updateNote(db, id, { text }, tick());
    },
    async setShared(id, shared) {
      await updateNote(db, id, { shared }, tick());
    },
    async remove(id) {
      await deleteNote(db, id);
    },
    async get(id) {
      const n = await db.notes.get(id);
      return n && toFactionNote(n, me);
    },
    texts: async () => (await db.notes.toArray()).map((n) => n.text),
    async conflictTexts(id) {
      return (await db.notes.get(id))?.conflict?.versions.map((v) => ({
        rev: v.rev,
        text: v.deleted ? undefined : v.text,
      }));
    },
  };
}

export function newNotebook(kind: NotebookKind, me: FactionIdentity): TestNotebook {
  return kind === 'Dexie' ? dexieNotebook(me) : memoryNotebook(me);
}
