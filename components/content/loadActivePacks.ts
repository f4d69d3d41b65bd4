import { storage } from 'wxt/utils/storage';
import { activePacksFrom } from '@/utils/pipeline/activePacks';
import { sendMessage } from '../messages';
import type { ActivePackSpecs } from '../packs';

// The same key as activeSpecsItem in ../packs.ts, read here without that module's validators.
const snapshot = storage.defineItem<ActivePackSpecs>('local:activeSpecs');

/** The background's snapshot of the enabled packs, or, without one, its answer. */
export async function loadActiveSpecs(): Promise<ActivePackSpecs> {
  const stored = await snapshot.getValue().catch(() => null);
  return stored && Array.isArray(stored.specs) ? stored : await sendMessage('activePacks', undefined);
}

/**
 * The enabled packs, as the background compiled them, and the threshold: from
 * its snapshot in storage, or by asking it. Nothing is compiled here.
 */
export async function loadActivePacks() {
  let active = await loadActiveSpecs();
  let read = activePacksFrom(active.specs);
  // Compiled by an older version: the background compiles them again.
  if (read.stale) {
    active = await sendMessage('activePacks', undefined);
    read = activePacksFrom(active.specs);
  }
  return { packs: read.packs, threshold: active.threshold };
}
