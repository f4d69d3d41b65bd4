import { afterSync, maySync, type SyncHealth, type SyncTrigger } from './backoff';
import { connect, FactionError, type FactionSettings } from './connection';
import type { PouchConstructor } from './pouchTypes';
import { type LocalNotes, openRemote, type SyncResult, syncOnce } from './syncEngine';

/**
 * One sync as the extension asks for it (a note changed, a council page
 * opened, the alarm, the reader's "Verbinden"): held back while the back-off
 * says wait, else log in, open the mirror and the server's database, sync.
 * PouchDB is loaded here, on the first sync, never earlier: only the page
 * that syncs (offscreen document, Firefox's background page) carries it.
 */
export interface FactionSyncDeps {
  /** `() => import('pouchdb-browser').then((m) => m.default)` in the extension; a Node build in tests. */
  loadPouchDB: () => Promise<PouchConstructor>;
  local: LocalNotes;
  /** Options for the mirror database (the extension leaves them out: IndexedDB). */
  mirrorOptions?: Record<string, unknown>;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface FactionSyncOutcome {
  health: SyncHealth;
  /** The back-off held this sync back; nothing was sent. */
  held: boolean;
  result?: SyncResult;
  error?: FactionError;
  /** Who the server says the reader is. */
  user?: string | null;
}

/**
 * The mirror's name: one per server, database and user, so that notes
 * mirrored for one faction's database are never sent to another's.
 */
export function mirrorName(settings: FactionSettings): string {
  const who = settings.auth.kind === 'password' ? settings.auth.user : 'token';
  // Encoded: PouchDB reads any "xyz://" inside a name as a remote database's address.
  return `ratsmarker-faction-${encodeURIComponent(`${settings.serverUrl} ${settings.database} ${who}`)}`;
}

export async function runFactionSync(
  settings: FactionSettings,
  health: SyncHealth,
  trigger: SyncTrigger,
  deps: FactionSyncDeps,
): Promise<FactionSyncOutcome> {
  const now = deps.now ?? Date.now;
  if (!maySync(health, trigger, now())) return { health, held: true };
  let session: Awaited<ReturnType<typeof connect>> | undefined;
  try {
    session = await connect(settings, deps.fetch);
  } catch (e) {
    const error = e instanceof FactionError ? e : new FactionError('unreachable');
    return { health: afterSync(health, error.reason, trigger, now()), held: false, error };
  }
  const PouchDB = await deps.loadPouchDB();
  const mirror = new PouchDB(mirrorName(settings), deps.mirrorOptions);
  const remote = openRemote(PouchDB, session);
  try {
    const result = await syncOnce({ mirror, remote, local: deps.local, session });
    return {
      health: afterSync(health, result.error?.reason, trigger, now()),
      held: false,
      result,
      ...(result.error ? { error: result.error } : {}),
      user: session.user,
    };
  } finally {
    await Promise.all([mirror.close(), remote.close()]);
  }
}
