import type { FactionNote } from '../faction/annotationDoc';
import type { LocalNotes, NoteConflict, NoteVersion } from '../faction/syncEngine';
import type { Note, NoteConflictVersion } from '../notes/types';
import { type RatsmarkerDB, termsOf } from './schema';
import { isOwnShared, markRemoteWrite, SHARED_CHANGES_TABLE, type SharedChange } from './sharedChanges';

/** Who the reader is to the faction: the name colleagues see, and the login. */
export interface FactionIdentity {
  author: string;
  /** The CouchDB user name (a token login may not tell it). */
  user?: string;
}

/**
 * A note as it leaves the device: only the fields the faction's document
 * carries, under its author's name (the reader's, or for a colleague's note
 * the reader changed, the colleague's, with the reader as its editor).
 */
export function toFactionNote(note: Note, me: FactionIdentity): FactionNote {
  const author = note.faction ?? { author: me.author, ...(me.user !== undefined ? { user: me.user } : {}) };
  return {
    id: note.id,
    document: note.document,
    documentKey: note.documentKey,
    ...(note.target ? { target: note.target } : {}),
    measureIds: note.measureIds,
    text: note.text,
    tags: note.tags,
    created: note.created,
    updated: note.updated,
    author: author.author,
    ...(author.user !== undefined ? { user: author.user } : {}),
    ...(note.editedBy ? { editedBy: note.editedBy } : {}),
  };
}

/** What the notebook stores of a note from the faction's database, over `local` (the copy it holds, if any). */
function fromFactionNote(incoming: FactionNote, local: Note | undefined, me: FactionIdentity): Note {
  const { author, user, ...fields } = incoming;
  // The reader's own note, changed on another of the reader's devices (or settled in a conflict), stays the reader's.
  const own = (local && !local.faction) || (!local && me.user !== undefined && user === me.user);
  const base: Omit<Note, 'terms'> = {
    ...fields,
    shared: true,
    ...(own ? {} : { faction: { author, ...(user !== undefined ? { user } : {}) } }),
    ...(local?.history ? { history: local.history } : {}),
    ...(local?.conflict ? { conflict: local.conflict } : {}),
  };
  return { ...base, terms: termsOf(base) };
}

// Entries the mirror has seen, kept until there are this many.
const PRUNE_AT = 200;

function versionOf(v: NoteVersion): NoteConflictVersion {
  return v.note
    ? {
        rev: v.rev,
        text: v.note.text,
        tags: v.note.tags,
        updated: v.note.updated,
        author: v.note.author,
        ...(v.note.editedBy ? { editedBy: v.note.editedBy.author } : {}),
        ...(v.mine ? { here: true } : {}),
      }
    : { rev: v.rev, text: '', tags: [], updated: '', author: '', deleted: true, ...(v.mine ? { here: true } : {}) };
}

/**
 * The Dexie notebook as the faction sync sees it (utils/faction/syncEngine.ts
 * `LocalNotes`). The checkpoint is the number of the last entry of the
 * shared-changes log; colleagues' notes are stored with `faction` set,
 * read-only, in writes that are not logged as the reader's changes.
 */
export class DexieFactionNotes implements LocalNotes {
  /** The checkpoint this sync's first step handed out: later log entries are changes not yet in the mirror. */
  private handedOut: number | undefined;

  constructor(
    private readonly db: RatsmarkerDB,
    private readonly me: FactionIdentity,
  ) {}

  private get log() {
    return this.db.table<SharedChange, number>(SHARED_CHANGES_TABLE);
  }

  async sharedChangesSince(checkpoint: string | undefined) {
    const { db, log, me } = this;
    return db.transaction('rw', db.notes, log, async () => {
      const lastSeq = (await log.orderBy(':id').last())?.seq ?? 0;
      const last = String(lastSeq);
      this.handedOut = lastSeq;
      if (checkpoint === undefined) {
        // A new mirror: every shared note of the reader's, nothing to delete there yet.
        const notes = await db.notes.filter(isOwnShared).toArray();
        return { notes: notes.map((n) => toFactionNote(n, me)), deleted: [], checkpoint: last };
      }
      const since = Number(checkpoint) || 0;
      // What the mirror already has (the sync saved this checkpoint after writing it) is not needed again.
      // Cleared in batches, not on every sync: the background hears every write to the log as a change to send.
      const stale = log.where(':id').belowOrEqual(since);
      if ((await stale.count()) >= PRUNE_AT) await stale.delete();
      const ids = [...new Set((await log.where(':id').above(since).toArray()).map((c) => c.noteId))];
      const current = await db.notes.bulkGet(ids);
      const notes: FactionNote[] = [];
      const deleted: string[] = [];
      ids.forEach((id, i) => {
        const note = current[i];
        // A colleague's note is logged only when the reader changed its text (editedColleagueNote).
        if (note && (isOwnShared(note) || note.faction)) notes.push(toFactionNote(note, me));
        // Deleted, switched back to private, or (by an import) replaced: it leaves the faction's database.
        else if (!note?.faction) deleted.push(id);
      });
      return { notes, deleted, checkpoint: last };
    });
  }

  async applyRemote({ notes, deleted }: { notes: FactionNote[]; deleted: string[] }) {
    const { db, log, me, handedOut } = this;
    await db.transaction('rw', db.notes, log, async (tx) => {
      markRemoteWrite(tx.idbtrans);
      const locals = await db.notes.bulkGet(notes.map((n) => n.id));
      // Changed by the reader after this sync read the changes: the next sync sends them.
      const pending = new Set(
        handedOut === undefined ? [] : (await log.where(':id').above(handedOut).toArray()).map((c) => c.noteId),
      );
      const writes: Note[] = [];
      notes.forEach((incoming, i) => {
        const local = locals[i];
        // A private note is never replaced from outside, whatever id a document claims.
        if (local && !local.faction && !local.shared) return;
        // Changed here (the reader's note, or a colleague's the reader edited) and not yet sent.
        if (local && pending.has(local.id)) return;
        if (local && !local.faction && handedOut === undefined && local.updated > incoming.updated) return;
        writes.push(fromFactionNote(incoming, local, me));
      });
      await db.notes.bulkPut(writes);
      const gone = (await db.notes.bulkGet(deleted)).filter((n): n is Note => !!n && (!!n.faction || !!n.shared));
      await db.notes.bulkDelete(gone.map((n) => n.id));
    });
  }

  async markConflicts(conflicts: NoteConflict[], settled: string[]) {
    const { db } = this;
    await db.transaction('rw', db.notes, async (tx) => {
      markRemoteWrite(tx.idbtrans);
      for (const id of settled) {
        const note = await db.notes.get(id);
        if (note?.conflict) {
          const { conflict: _over, ...rest } = note;
          await db.notes.put(rest);
        }
      }
      for (const c of conflicts) {
        const note = await db.notes.get(c.noteId);
        if (note) await db.notes.put({ ...note, conflict: { versions: [c.winner, ...c.others].map(versionOf) } });
      }
    });
  }

  /**
   * The author picked a version of a note in conflict (syncEngine
   * `resolveConflict` wrote it into the mirror): the notebook takes it, as the
   * reader's own shared note, without the conflict; null: the picked version
   * deleted the note. Not logged: the mirror already holds it.
   */
  async settle(noteId: string, kept: FactionNote | null): Promise<void> {
    const { db, me } = this;
    await db.transaction('rw', db.notes, async (tx) => {
      markRemoteWrite(tx.idbtrans);
      const local = await db.notes.get(noteId);
      if (!kept) {
        if (local) await db.notes.delete(noteId);
        return;
      }
      const { conflict: _settled, ...rest } = fromFactionNote(kept, local, me);
      await db.notes.put(rest);
    });
  }

  /** Every colleague's note and every conflict mark leave the notebook; the reader's own notes stay (faction disconnected). */
  async forgetFaction(): Promise<number> {
    const { db, log } = this;
    return db.transaction('rw', db.notes, log, async (tx) => {
      markRemoteWrite(tx.idbtrans);
      // The next faction's mirror starts from all shared notes; the log is not needed for it.
      await log.clear();
      const colleagues = await db.notes.filter((n) => !!n.faction).primaryKeys();
      await db.notes.bulkDelete(colleagues);
      await db.notes
        .filter((n) => !!n.conflict)
        .modify((n: Partial<Note>) => {
          delete n.conflict;
        });
      return colleagues.length;
    });
  }
}
