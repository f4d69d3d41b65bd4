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

const FactionStatusSchema = v.object({
  connected: v.boolean(),
  user: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

/** The storage item, written by whoever connects (options) and read by the editors. */
export const factionStatusItem = storage.defineItem<unknown>('local:factionStatus');

/** A stored value as a status: anything unreadable counts as not connected. */
export function readFactionStatus(raw: unknown): FactionStatus {
  const parsed = v.safeParse(FactionStatusSchema, raw);
  return parsed.success ? parsed.output : NOT_CONNECTED;
}

export async function factionStatus(): Promise<FactionStatus> {
  return readFactionStatus(await factionStatusItem.getValue().catch(() => null));
}

/** True when the share switch should show. */
export async function factionConnected(): Promise<boolean> {
  return (await factionStatus()).connected;
}

/** Writes the status (the connecting side, and tests). */
export async function setFactionStatus(status: FactionStatus): Promise<void> {
  await factionStatusItem.setValue(readFactionStatus(status));
}

/** Calls `listener` whenever the status changes; returns the unwatch function. */
export function watchFactionStatus(listener: (status: FactionStatus) => void): () => void {
  return factionStatusItem.watch((raw) => listener(readFactionStatus(raw)));
}
