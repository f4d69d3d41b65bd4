import { storage } from 'wxt/utils/storage';
import { sendMessage } from '../messages';
import type { ActivePackSpecs } from '../packs';
import { packsFromSpecs } from './packsFromSpecs';

// The same key as activeSpecsItem in ../packs.ts, read here without that module's validators.
const snapshot = storage.defineItem<ActivePackSpecs>('local:activeSpecs');

/** The enabled packs and the threshold: from the background's snapshot, or by asking it. */
export async function loadActivePacks() {
  const stored = await snapshot.getValue().catch(() => null);
  const active = stored && Array.isArray(stored.specs) ? stored : await sendMessage('activePacks', undefined);
  return { packs: packsFromSpecs(active.specs), threshold: active.threshold };
}
