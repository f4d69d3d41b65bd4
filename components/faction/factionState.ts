import { storage } from 'wxt/utils/storage';
import { FACTION_STATUS_KEY, type FactionStatus, readFactionStatus } from './factionRead';

export { type FactionStatus, readFactionStatus } from './factionRead';

/**
 * Whether the reader is connected to a faction, as the note editors need to
 * know it: the share switch shows only then. The options' "Fraktion" section
 * (with the sync) writes `local:factionStatus` when it connects and
 * disconnects; everything here only reads it (factionRead.ts says how).
 *
 * The storage item, written by whoever connects (options) and read by the editors. */
export const factionStatusItem = storage.defineItem<unknown>(`local:${FACTION_STATUS_KEY}`);

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
