import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';

/**
 * Whether the reader is connected to a faction, as the note editors need to
 * know it: the share switch shows only then. The options' "Fraktion" section
 * (with the sync) writes `local:factionStatus` when it connects and
 * disconnects; everything here only reads it.
 */
export interface FactionStatus {
  connected: boolean;
  /** The name the reader is connected as. */
  user?: string;
}

const NOT_CONNECTED: FactionStatus = { connected: false };

const User = v.optional(
  v.pipe(
    v.nullable(v.pipe(v.string(), v.maxLength(200))),
    v.transform((u) => u ?? undefined),
  ),
);
/**
 * Two shapes are read: `{connected, user}`, and the sync's own status record
 * (`{server, database, user, lastSync, error, …}`, present while a faction is
 * set up, null once the reader leaves it). With a server named, the reader
 * is connected, also while the server is unreachable: notes shared then wait.
 */
const FactionStatusSchema = v.union([
  v.object({ connected: v.boolean(), user: User }),
  v.pipe(
    v.looseObject({ server: v.pipe(v.string(), v.minLength(1)), user: User }),
    v.transform((s) => ({ connected: true, user: s.user })),
  ),
]);

/** The storage item, written by whoever connects (options) and read by the editors. */
export const factionStatusItem = storage.defineItem<unknown>('local:factionStatus');

/** A stored value as a status: anything unreadable counts as not connected. */
export function readFactionStatus(raw: unknown): FactionStatus {
  const parsed = v.safeParse(FactionStatusSchema, raw);
  if (!parsed.success) return NOT_CONNECTED;
  const { connected, user } = parsed.output;
  return user === undefined ? { connected } : { connected, user };
}

export async function factionStatus(): Promise<FactionStatus> {
  return readFactionStatus(await factionStatusItem.getValue().catch(() => null));
}

/** True when the share switch should show. */
export async function factionConnected(): Promise<boolean> {
  return (await factionStatus()).connected;
}

/** Calls `listener` whenever the status changes; returns the unwatch function. */
export function watchFactionStatus(listener: (status: FactionStatus) => void): () => void {
  return factionStatusItem.watch((raw) => listener(readFactionStatus(raw)));
}
