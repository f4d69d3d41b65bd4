import {
  type AnnotationDoc,
  type FactionNote,
  fromAnnotationDoc,
  NOTE_DOC_PREFIX,
  noteDocId,
  sameNote,
  toAnnotationDoc,
} from './annotationDoc';
import { FactionError, type FactionSession, networkFailure, statusFailure } from './connection';
import type { PouchConstructor, PouchDatabase, PouchDoc, PouchReplicationInfo, PouchWriteResult } from './pouchTypes';

/**
 * One-shot sync of the faction's notes. Dexie stays the notebook; a PouchDB
 * database beside it (the mirror) holds only the notes switched to shared,
 * and PouchDB replicates the mirror with the faction's CouchDB:
 *
 *   1. the notebook's shared notes changed since the last run → mirror
 *   2. mirror → server (this mirror's own writes), then server → mirror (one-shot, not live)
 *   3. what colleagues changed (now in the mirror) → the notebook
 *
 * Step 1 runs offline too: what is in the mirror is sent by a later run, so
 * nothing is lost while the server is away, and the notes' ids keep a note
 * from arriving twice.
 */

/** One revision of a note in a conflict; `note` null where that revision deleted it. */
export interface NoteVersion {
  rev: string;
  note: FactionNote | null;
  /** Written by this device's mirror: the text this device last wrote (what its notebook keeps until the pick). */
  mine: boolean;
}

/** Two or more people changed a note at the same time: CouchDB keeps every version until the author picks one. */
export interface NoteConflict {
  noteId: string;
  /** The version CouchDB shows until then (the same on every device). */
  winner: NoteVersion;
  others: NoteVersion[];
}

/** What the notebook (Dexie) offers the sync. */
export interface LocalNotes {
  /**
   * Notes switched to shared that were created or changed on this device
   * since `checkpoint` (undefined: all of them), the ids of shared notes
   * deleted or switched back to private since, and the checkpoint to ask
   * from next time. Colleagues' notes stored by `applyRemote` are not listed.
   */
  sharedChangesSince(
    checkpoint: string | undefined,
  ): Promise<{ notes: FactionNote[]; deleted: string[]; checkpoint: string }>;
  /** Colleagues' notes, new or changed, and notes deleted on the server: to be stored in the notebook. */
  applyRemote(changes: { notes: FactionNote[]; deleted: string[] }): Promise<void>;
  /** Notes in conflict, to be shown to their author; `settled` notes changed without one (a conflict there is over). */
  markConflicts(conflicts: NoteConflict[], settled: string[]): Promise<void>;
}

export interface SyncResult {
  /** Notes written into the mirror from the notebook (changed or deleted). */
  queued: number;
  /** Documents sent to and received from the server. */
  sent: number;
  received: number;
  /** Colleagues' notes and deletions handed to the notebook. */
  applied: number;
  deleted: number;
  conflicts: NoteConflict[];
  /** Documents of the faction's database that are not readable notes. */
  skipped: Array<{ id: string; reason: string }>;
  /**
   * This device's changes the server refused (its validate_doc_update: a non-author deleting a
   * shared note, say), with the server's reason. The notebook keeps them as the reader wrote them.
   */
  refused: RefusedChange[];
  /** Why the server could not be reached this time; what was queued stays in the mirror. */
  error?: FactionError;
}

/** A change of a note the faction's server would not take, and why (the server's words). */
export interface RefusedChange {
  noteId: string;
  reason: string;
}

/** The writes of a push the server refused (PouchDB counts them in `doc_write_failures`, the replication still completes). */
export function refusedWrites(info: PouchReplicationInfo): RefusedChange[] {
  const out: RefusedChange[] = [];
  for (const e of info.errors ?? []) {
    const err = e as { id?: unknown; name?: unknown; error?: unknown; message?: unknown; reason?: unknown } | null;
    const name = String(err?.name ?? err?.error ?? '').toLowerCase();
    if ((name !== 'forbidden' && name !== 'unauthorized') || typeof err?.id !== 'string') continue;
    if (!err.id.startsWith(NOTE_DOC_PREFIX)) continue;
    const reason = typeof err.reason === 'string' ? err.reason : typeof err.message === 'string' ? err.message : '';
    out.push({ noteId: err.id.slice(NOTE_DOC_PREFIX.length), reason: reason.slice(0, 300) });
  }
  return out;
}

// Kept in the mirror, never replicated (`_local` documents are not).
const STATE_ID = '_local/ratsmarker-faction';
// Documents read or written at a time; PouchDB keeps a batch in memory.
const BATCH = 500;

interface SyncState {
  _id: string;
  _rev?: string;
  /** Names this mirror in what it writes, so its own writes are not handed back to it. */
  device: string;
  localCheckpoint?: string;
  mirrorSeq?: number | string;
}

type Doc = AnnotationDoc & { _conflicts?: string[]; _deleted?: boolean };
type Mirror = PouchDatabase;

async function readState(mirror: Mirror): Promise<SyncState> {
  try {
    return (await mirror.get(STATE_ID)) as unknown as SyncState;
  } catch (e) {
    if ((e as { status?: number }).status !== 404) throw e;
    return { _id: STATE_ID, device: crypto.randomUUID() };
  }
}

async function saveState(mirror: Mirror, state: SyncState): Promise<void> {
  const res = await mirror.put(state as unknown as PouchDoc);
  state._rev = res.rev;
}

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function throwOnErrors(results: PouchWriteResult[]): void {
  const failed = results.find((r) => r.error);
  if (failed) throw new Error(`mirror write failed: ${failed.id} ${failed.message}`);
}

/** Step 1: the notebook's shared notes into the mirror, each only if it says something new. */
async function queueLocalChanges(mirror: Mirror, local: LocalNotes, state: SyncState): Promise<number> {
  const changes = await local.sharedChangesSince(state.localCheckpoint);
  let queued = 0;
  const byId = new Map(changes.notes.map((n) => [noteDocId(n.id), n]));
  const deleted = new Set(changes.deleted.map(noteDocId).filter((id) => !byId.has(id)));
  for (const ids of chunks([...byId.keys(), ...deleted])) {
    const rows = (await mirror.allDocs({ keys: ids, include_docs: true })).rows;
    const writes: object[] = [];
    for (const row of rows) {
      const current = row.doc ? (row.doc as unknown as Doc) : undefined;
      const note = byId.get(row.key);
      if (note) {
        const read = current ? fromAnnotationDoc(current) : undefined;
        if (read?.ok && sameNote(read.note, note)) continue;
        writes.push({ ...toAnnotationDoc(note, state.device), ...(current ? { _rev: current._rev } : {}) });
      } else if (current) {
        // A tombstone that says who wrote it, so step 3 does not delete the
        // note here when it was only switched back to private.
        writes.push({ _id: row.key, _rev: current._rev, _deleted: true, ratsmarker: { device: state.device } });
      }
    }
    if (writes.length) throwOnErrors(await mirror.bulkDocs(writes));
    queued += writes.length;
  }
  state.localCheckpoint = changes.checkpoint;
  await saveState(mirror, state);
  return queued;
}

/** The reason a replication failed, as exactly as the session knows it. */
function failureOf(e: unknown, session?: FactionSession): FactionError {
  if (e instanceof FactionError) return e;
  if (session?.lastFailure) return session.lastFailure;
  const status = (e as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status !== 500) return statusFailure(status);
  return networkFailure(e);
}

async function versionOf(mirror: Mirror, id: string, rev: string, device: string): Promise<NoteVersion> {
  const doc = (await mirror.get(id, { rev })) as unknown as Doc;
  const read = doc._deleted ? undefined : fromAnnotationDoc(doc);
  return { rev, note: read?.ok ? read.note : null, mine: doc.ratsmarker?.device === device };
}

/** A note's versions in conflict: the one CouchDB shows (read from `doc`) and the others. */
async function conflictOf(mirror: Mirror, doc: Doc, device: string): Promise<NoteConflict> {
  const read = fromAnnotationDoc(doc);
  const others = await Promise.all((doc._conflicts ?? []).map((rev) => versionOf(mirror, doc._id, rev, device)));
  return {
    noteId: doc._id.slice(NOTE_DOC_PREFIX.length),
    winner: { rev: doc._rev as string, note: read.ok ? read.note : null, mine: doc.ratsmarker?.device === device },
    others,
  };
}

/** Step 3: what others changed in the mirror since the last run, into the notebook. */
async function applyMirrorChanges(mirror: Mirror, local: LocalNotes, state: SyncState, result: SyncResult) {
  for (;;) {
    const feed = await mirror.changes({
      since: state.mirrorSeq ?? 0,
      limit: BATCH,
      include_docs: true,
      conflicts: true,
    });
    const notes: FactionNote[] = [];
    const deleted: string[] = [];
    const conflicts: NoteConflict[] = [];
    const settled: string[] = [];
    for (const change of feed.results) {
      if (!change.id.startsWith(NOTE_DOC_PREFIX)) continue;
      const noteId = change.id.slice(NOTE_DOC_PREFIX.length);
      const doc = change.doc as unknown as Doc | undefined;
      if (!doc) continue;
      const ours = doc.ratsmarker?.device === state.device;
      if (change.deleted) {
        if (!ours) deleted.push(noteId);
        settled.push(noteId);
        continue;
      }
      const read = fromAnnotationDoc(doc);
      if (!read.ok) {
        result.skipped.push({ id: read.id, reason: read.reason });
        continue;
      }
      if (doc._conflicts?.length) {
        const conflict = await conflictOf(mirror, doc, state.device);
        conflicts.push(conflict);
        // CouchDB's winner is arbitrary (the higher revision id). While the author has not picked, a device
        // that wrote one of the versions keeps its own text in the notebook, whichever version won.
        if (!ours && !conflict.others.some((v) => v.mine)) notes.push(read.note);
      } else {
        if (!ours) notes.push(read.note);
        settled.push(noteId);
      }
    }
    if (notes.length || deleted.length) await local.applyRemote({ notes, deleted });
    if (conflicts.length || settled.length) await local.markConflicts(conflicts, settled);
    result.applied += notes.length;
    result.deleted += deleted.length;
    result.conflicts.push(...conflicts);
    state.mirrorSeq = feed.last_seq;
    await saveState(mirror, state);
    if (feed.results.length < BATCH) return;
  }
}

export interface SyncOptions {
  /** The PouchDB database beside the notebook that holds the shared notes. */
  mirror: Mirror;
  /** The faction's database on the server (see openRemote). */
  remote: PouchDatabase;
  local: LocalNotes;
  /** The login the remote uses: it knows best why a request failed. */
  session?: FactionSession;
}

/**
 * One sync. Never throws for the server's sake: a server that is away or
 * refuses the login comes back as `error`, with the local part done.
 */
export async function syncOnce({ mirror, remote, local, session }: SyncOptions): Promise<SyncResult> {
  const result: SyncResult = {
    queued: 0,
    sent: 0,
    received: 0,
    applied: 0,
    deleted: 0,
    conflicts: [],
    skipped: [],
    refused: [],
    error: undefined,
  };
  const state = await readState(mirror);
  result.queued = await queueLocalChanges(mirror, local, state);
  if (session) session.lastFailure = undefined;
  try {
    // Push before pull: this device's revisions are on the server before
    // colleagues' arrive, so a conflict is always seen by both sides. The
    // push takes only this mirror's own writes: what came from the server
    // (after a first sync, every colleague's note) is not walked through
    // the server again, one revs_diff request per batch.
    const ownWrites = (doc: PouchDoc) => (doc.ratsmarker as { device?: unknown } | undefined)?.device === state.device;
    const push = await mirror.replicate.to(remote, { batch_size: BATCH, batches_limit: 4, filter: ownWrites });
    result.sent = push.docs_written ?? 0;
    result.refused = refusedWrites(push);
    if (push.status !== 'complete') throw push.errors?.[0] ?? new Error(`push ${push.status}`);
    const pull = await mirror.replicate.from(remote, { batch_size: BATCH, batches_limit: 4 });
    result.received = pull.docs_written ?? 0;
    if (pull.status !== 'complete') throw pull.errors?.[0] ?? new Error(`pull ${pull.status}`);
  } catch (e) {
    result.error = failureOf(e, session);
  }
  // What did arrive (a pull stopped halfway keeps what it wrote) reaches the notebook.
  await applyMirrorChanges(mirror, local, state, result);
  return result;
}

/** The faction's database on the server, through the session's login; never created from here. */
export function openRemote(PouchDB: PouchConstructor, session: FactionSession): PouchDatabase {
  return new PouchDB(session.databaseUrl, { fetch: session.fetch, skip_setup: true });
}

/** Every note in conflict in the mirror now (for a list of conflicts to settle). */
export async function listConflicts(mirror: Mirror): Promise<NoteConflict[]> {
  const state = await readState(mirror);
  const out: NoteConflict[] = [];
  const rows = (
    await mirror.allDocs({
      include_docs: true,
      conflicts: true,
      startkey: NOTE_DOC_PREFIX,
      endkey: `${NOTE_DOC_PREFIX}\uffff`,
    })
  ).rows;
  for (const row of rows) {
    const doc = row.doc as unknown as Doc | undefined;
    if (doc?._conflicts?.length) out.push(await conflictOf(mirror, doc, state.device));
  }
  return out;
}

/**
 * Settles a conflict with the version the author picked: that version is
 * written as the note's next revision and every other version is deleted,
 * so the next sync ends the conflict on the server and on every device.
 * Gives back the note as it now is (null: the picked version deleted it),
 * for the notebook.
 */
export async function resolveConflict(mirror: Mirror, noteId: string, keepRev: string): Promise<FactionNote | null> {
  const id = noteDocId(noteId);
  const doc = (await mirror.get(id, { conflicts: true })) as unknown as Doc;
  const losers = doc._conflicts ?? [];
  if (keepRev !== doc._rev && !losers.includes(keepRev))
    throw new Error(`${keepRev} is not a version of note ${noteId}`);
  const state = await readState(mirror);
  const kept = await versionOf(mirror, id, keepRev, state.device);
  const writes: object[] = losers.map((rev) => ({
    _id: id,
    _rev: rev,
    _deleted: true,
    ratsmarker: { device: state.device },
  }));
  // The picked version goes on top of the one CouchDB shows, as this
  // device's write (also when it is that one), so every device ends on it.
  writes.push(
    kept.note
      ? { ...toAnnotationDoc(kept.note, state.device), _rev: doc._rev }
      : { _id: id, _rev: doc._rev, _deleted: true, ratsmarker: { device: state.device } },
  );
  throwOnErrors(await mirror.bulkDocs(writes));
  if (!state._rev) await saveState(mirror, state);
  return kept.note;
}
