import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { editColleagueNote } from '@/utils/db/colleagueEdit';
import { DexieFactionNotes, toFactionNote } from '@/utils/db/factionNotes';
import { importNotes } from '@/utils/db/importNotes';
import { addNote, deleteNote, restoreNote, setOrphaned, updateNote } from '@/utils/db/notesStore';
import { RatsmarkerDB, termsOf } from '@/utils/db/schema';
import { exportNotesJson } from '@/utils/export/notesFile';
import type { FactionNote } from '@/utils/faction/annotationDoc';
import { noteDocument } from '@/utils/notes/documentKey';
import type { Note } from '@/utils/notes/types';

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function freshDb(factory = new IDBFactory(), name = 'ratsmarker'): RatsmarkerDB {
  const db = new RatsmarkerDB(name, { indexedDB: factory, IDBKeyRange });
  opened.push(db);
  return db;
}

const doc = noteDocument('https://ratsinfo.example.de/vo0050.asp?__kvonr=12', { number: 'AIF/012/2024' });
const me = { author: 'Anna A.', user: 'anna' };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 8, minute));

/** A colleague's note as the sync hands it over. */
function colleagues(text: string, id: string = crypto.randomUUID(), updated = at(30)): FactionNote {
  return {
    id,
    document: doc,
    documentKey: doc.key,
    measureIds: [],
    text,
    tags: ['AIF'],
    created: at(1).toISOString(),
    updated: updated.toISOString(),
    author: 'Bernd B.',
    user: 'bernd',
  };
}

describe('the notebook as the faction sync sees it (Dexie)', () => {
  it('upgrades a version 3 store to the change log, every note byte for byte, none of them counted as shared', async () => {
    const factory = new IDBFactory();
    const v3 = new Dexie('ratsmarker', { indexedDB: factory, IDBKeyRange });
    v3.version(2).stores({ notes: 'id, documentKey, updated, created, *measureIds, *tags, *terms' });
    v3.version(3).stores({ searchCache: '' });
    const old: Omit<Note, 'terms'> = {
      id: 'alt',
      document: doc,
      documentKey: doc.key,
      measureIds: [],
      text: 'Von vor dem Upgrade',
      tags: [],
      created: at(0).toISOString(),
      updated: at(0).toISOString(),
    };
    const stored = { ...old, terms: termsOf(old) };
    await v3.table('notes').add(structuredClone(stored));
    v3.close();

    const db = freshDb(factory);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.notes.toArray()).toEqual([stored]);
    const notes = new DexieFactionNotes(db, me);
    expect(await notes.sharedChangesSince(undefined)).toEqual({ notes: [], deleted: [], checkpoint: '0' });
    // Shared after the upgrade: counted from then on.
    await updateNote(db, 'alt', { shared: true }, at(2));
    const changes = await notes.sharedChangesSince('0');
    expect(changes.notes.map((n) => [n.id, n.text, n.author])).toEqual([['alt', 'Von vor dem Upgrade', 'Anna A.']]);
  });

  it('lists the reader’s shared notes created, changed, unshared and deleted since a checkpoint, never a private one', async () => {
    const db = freshDb();
    const notes = new DexieFactionNotes(db, me);
    const privat = await addNote(db, { document: doc, text: 'Privat' }, at(1));
    const shared = await addNote(db, { document: doc, text: 'Geteilt', shared: true }, at(2));
    expect(shared.shared).toBe(true);
    expect(privat.shared).toBeUndefined();
    const first = await notes.sharedChangesSince(undefined);
    expect(first.notes).toEqual([toFactionNote(shared, me)]);
    expect(JSON.stringify(first)).not.toContain('Privat');

    // Nothing since: nothing listed; a private note's edits and visits never are.
    await updateNote(db, privat.id, { text: 'Privat, geändert' }, at(3));
    await setOrphaned(db, [privat.id], []);
    const quiet = await notes.sharedChangesSince(first.checkpoint);
    expect(quiet).toMatchObject({ notes: [], deleted: [] });

    await updateNote(db, shared.id, { text: 'Geteilt, geändert' }, at(4));
    const edited = await notes.sharedChangesSince(quiet.checkpoint);
    expect(edited.notes.map((n) => n.text)).toEqual(['Geteilt, geändert']);

    // Switched on later, switched back off, deleted, deleted and restored (undo).
    await updateNote(db, privat.id, { shared: true }, at(5));
    const on = await notes.sharedChangesSince(edited.checkpoint);
    expect(on.notes.map((n) => n.id)).toEqual([privat.id]);
    await updateNote(db, privat.id, { shared: false }, at(6));
    await deleteNote(db, shared.id);
    const off = await notes.sharedChangesSince(on.checkpoint);
    expect(off).toMatchObject({ notes: [] });
    expect(off.deleted.sort()).toEqual([privat.id, shared.id].sort());
    const undone = (await addNote(db, { document: doc, text: 'Wieder da', shared: true }, at(7))) as Note;
    await deleteNote(db, undone.id);
    await restoreNote(db, undone);
    expect((await notes.sharedChangesSince(off.checkpoint)).notes.map((n) => n.text)).toEqual(['Wieder da']);
  });

  it('a colleague’s note changed by the reader: only its text, under the reader’s name, logged to be sent as the colleague’s', async () => {
    const db = freshDb();
    const notes = new DexieFactionNotes(db, me);
    const start = await notes.sharedChangesSince(undefined);
    const theirs = colleagues('Bernds Hinweis');
    await notes.applyRemote({ notes: [theirs], deleted: [] });
    // Found or not found on a page: no change of the reader's.
    await setOrphaned(db, [], [theirs.id]);
    expect(await notes.sharedChangesSince(start.checkpoint)).toMatchObject({ notes: [], deleted: [] });

    const own = await addNote(db, { document: doc, text: 'Meine', shared: true }, at(40));
    await expect(editColleagueNote(db, own.id, 'x', me, at(41))).rejects.toMatchObject({ code: 'factionNoteReadOnly' });
    // Changed meanwhile (the sync brought a newer version): nothing written, the newer one handed back.
    await expect(
      editColleagueNote(db, theirs.id, 'Anna ergänzt', me, at(42), '2026-11-30T08:00:00.000Z'),
    ).rejects.toMatchObject({ name: 'NoteConflictError' });
    const edited = await editColleagueNote(db, theirs.id, 'Anna ergänzt', me, at(42), theirs.updated);
    expect(edited).toMatchObject({
      text: 'Anna ergänzt',
      tags: ['AIF'],
      faction: { author: 'Bernd B.', user: 'bernd' },
      editedBy: { author: 'Anna A.', user: 'anna', at: at(42).toISOString() },
    });
    const sent = await notes.sharedChangesSince(start.checkpoint);
    const theirsSent = sent.notes.find((n) => n.id === theirs.id);
    expect(theirsSent).toMatchObject({ text: 'Anna ergänzt', author: 'Bernd B.', user: 'bernd' });
    expect(theirsSent?.editedBy).toMatchObject({ author: 'Anna A.' });
    // Hidden here by the reader afterwards: never a deletion for the faction.
    await deleteNote(db, theirs.id);
    expect((await notes.sharedChangesSince(sent.checkpoint)).deleted).toEqual([]);
  });

  it('stores colleagues’ notes read-only with their author, without counting them as the reader’s changes', async () => {
    const db = freshDb();
    const notes = new DexieFactionNotes(db, me);
    const start = await notes.sharedChangesSince(undefined);
    const theirs = colleagues('Bernds Hinweis');
    await notes.applyRemote({ notes: [theirs], deleted: [] });
    const stored = await db.notes.get(theirs.id);
    expect(stored).toMatchObject({
      text: 'Bernds Hinweis',
      shared: true,
      faction: { author: 'Bernd B.', user: 'bernd' },
    });
    expect(stored?.terms).toContain('bernds');
    expect(await notes.sharedChangesSince(start.checkpoint)).toMatchObject({ notes: [], deleted: [] });
    await expect(updateNote(db, theirs.id, { text: 'Überschrieben' })).rejects.toMatchObject({
      code: 'factionNoteReadOnly',
    });
    // Deleted here (hidden by the reader): not a deletion for the faction.
    await deleteNote(db, theirs.id);
    expect(await notes.sharedChangesSince(start.checkpoint)).toMatchObject({ notes: [], deleted: [] });

    // Changed and deleted on the server: followed here.
    const again = colleagues('Zweiter Hinweis');
    await notes.applyRemote({ notes: [again], deleted: [] });
    await notes.applyRemote({ notes: [{ ...again, text: 'Zweiter Hinweis, ergänzt' }], deleted: [] });
    expect((await db.notes.get(again.id))?.text).toBe('Zweiter Hinweis, ergänzt');
    await notes.applyRemote({ notes: [], deleted: [again.id] });
    expect(await db.notes.get(again.id)).toBeUndefined();
  });

  it('never lets a document from the server replace or delete a private note, whatever id it claims', async () => {
    const db = freshDb();
    const notes = new DexieFactionNotes(db, me);
    const privat = await addNote(db, { document: doc, text: 'Nur für mich' }, at(1));
    await notes.applyRemote({ notes: [colleagues('Übernommen?', privat.id, at(50))], deleted: [privat.id] });
    expect(await db.notes.get(privat.id)).toEqual(privat);
  });

  it('keeps a change the reader made after the sync read the changes, and takes the server’s version otherwise', async () => {
    const db = freshDb();
    const notes = new DexieFactionNotes(db, me);
    const own = await addNote(db, { document: doc, text: 'Erste Fassung', shared: true }, at(1));
    const handed = await notes.sharedChangesSince(undefined);
    await updateNote(db, own.id, { text: 'Während der Sync geändert' }, at(2));
    const fromServer = { ...toFactionNote(own, me), text: 'Vom anderen Gerät', updated: at(40).toISOString() };
    await notes.applyRemote({ notes: [fromServer], deleted: [] });
    expect((await db.notes.get(own.id))?.text).toBe('Während der Sync geändert');

    const next = await notes.sharedChangesSince(handed.checkpoint);
    expect(next.notes.map((n) => n.text)).toEqual(['Während der Sync geändert']);
    await notes.applyRemote({ notes: [fromServer], deleted: [] });
    const taken = await db.notes.get(own.id);
    // Still the reader's own note (no `faction`), still shared, and the change is not sent back.
    expect(taken).toMatchObject({ text: 'Vom anderen Gerät', shared: true });
    expect(taken?.faction).toBeUndefined();
    expect(await notes.sharedChangesSince(next.checkpoint)).toMatchObject({ notes: [], deleted: [] });
  });

  it('marks a conflict with every version for its author, and clears it once settled', async () => {
    const db = freshDb();
    const notes = new DexieFactionNotes(db, me);
    const own = await addNote(db, { document: doc, text: 'Meine Fassung', shared: true }, at(1));
    const mine = toFactionNote(own, me);
    await notes.markConflicts(
      [
        {
          noteId: own.id,
          winner: { rev: '2-a', note: mine, mine: true },
          others: [
            { rev: '2-b', note: { ...mine, text: 'Andere Fassung', author: 'Anna (Tablet)' }, mine: false },
            { rev: '2-c', note: null, mine: false },
          ],
        },
      ],
      [],
    );
    expect((await db.notes.get(own.id))?.conflict?.versions).toEqual([
      { rev: '2-a', text: 'Meine Fassung', tags: [], updated: own.updated, author: 'Anna A.', here: true },
      { rev: '2-b', text: 'Andere Fassung', tags: [], updated: own.updated, author: 'Anna (Tablet)' },
      { rev: '2-c', text: '', tags: [], updated: '', author: '', deleted: true },
    ]);
    await notes.markConflicts([], [own.id]);
    const settled = await db.notes.get(own.id);
    expect(settled?.conflict).toBeUndefined();
    expect(settled?.text).toBe('Meine Fassung');
  });

  it('takes the version the author picked in a conflict as the reader’s own shared note, unlogged; a picked deletion deletes', async () => {
    const db = freshDb();
    const notes = new DexieFactionNotes(db, me);
    const own = await addNote(db, { document: doc, text: 'Meine Fassung', shared: true }, at(1));
    const start = await notes.sharedChangesSince(undefined);
    const mine = toFactionNote(own, me);
    await notes.markConflicts([{ noteId: own.id, winner: { rev: '2-a', note: mine, mine: true }, others: [] }], []);
    await notes.settle(own.id, { ...mine, text: 'Die gewählte Fassung', updated: at(9).toISOString() });
    const settled = await db.notes.get(own.id);
    expect(settled).toMatchObject({ text: 'Die gewählte Fassung', shared: true });
    expect(settled?.conflict).toBeUndefined();
    expect(settled?.faction).toBeUndefined();
    expect(await notes.sharedChangesSince(start.checkpoint)).toMatchObject({ notes: [], deleted: [] });
    await notes.settle(own.id, null);
    expect(await db.notes.get(own.id)).toBeUndefined();
  });

  it('forgets colleagues’ notes and conflict marks when the faction is disconnected, keeping the reader’s own', async () => {
    const db = freshDb();
    const notes = new DexieFactionNotes(db, me);
    const own = await addNote(db, { document: doc, text: 'Meine', shared: true }, at(1));
    await notes.applyRemote({ notes: [colleagues('Fremd')], deleted: [] });
    expect(await notes.forgetFaction()).toBe(1);
    expect((await db.notes.toArray()).map((n) => n.text)).toEqual(['Meine']);
    // A next faction's mirror starts from every shared note.
    expect((await notes.sharedChangesSince(undefined)).notes.map((n) => n.id)).toEqual([own.id]);
  });

  it('exports and imports a notebook with shared and colleagues’ notes without an error', async () => {
    const db = freshDb();
    const notes = new DexieFactionNotes(db, me);
    await addNote(db, { document: doc, text: 'Geteilt', shared: true }, at(1));
    await addNote(db, { document: doc, text: 'Privat' }, at(2));
    await notes.applyRemote({ notes: [colleagues('Fremd')], deleted: [] });
    const target = freshDb(new IDBFactory(), 'target');
    const summary = await importNotes(target, exportNotesJson(await db.notes.toArray()));
    expect(summary).toEqual({ added: 3, updated: 0, skipped: 0 });
    expect((await target.notes.toArray()).map((n) => n.text).sort()).toEqual(['Fremd', 'Geteilt', 'Privat']);
  });
});
