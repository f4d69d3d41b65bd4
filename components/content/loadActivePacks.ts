import { type ActivePack, activePacksFrom } from '@/utils/pipeline/activePacks';
import { readPageSnapshot } from '@/utils/pipeline/pageSnapshot';
import { PAGE_SNAPSHOT_KEY } from '@/utils/pipeline/pageSnapshotKey';
import { type TaskBudget, yieldToPage } from '@/utils/pipeline/taskBudget';
import type { ActivePackSpecs } from '../activeSpecs';
import { sendMessage } from '../messages';
import { readLocal } from './readLocal';

// The key of activeSpecsItem in ../packs.ts, read here without that module's validators.
const ACTIVE_SPECS_KEY = 'activeSpecs';

/** The background's snapshot of the enabled packs, or, without one, its answer. */
export async function loadActiveSpecs(): Promise<ActivePackSpecs> {
  const stored = (await readLocal([ACTIVE_SPECS_KEY]))[ACTIVE_SPECS_KEY] as ActivePackSpecs | undefined;
  return stored && Array.isArray(stored.specs) ? stored : await sendMessage('activePacks', undefined);
}

/**
 * The enabled packs, as the background compiled them, and the threshold: from
 * the page snapshot of the startup read, else from its other snapshot or by
 * asking it. Nothing is compiled here. The decoding is the page's work, in
 * `budget`'s slices (waiting for storage is not).
 */
export async function loadActivePacks(
  budget: TaskBudget,
  startup?: Promise<Record<string, unknown>>,
): Promise<{ packs: readonly ActivePack[]; threshold?: number }> {
  const stored = (await startup)?.[PAGE_SNAPSHOT_KEY];
  // The read may have been there before this script started (asked for as the page loaded: startupRead.ts), so
  // nothing gave the page a turn since the script's own evaluation: decoding starts a task of its own, or the
  // two together made a task over 50 ms on a small page now and then.
  await yieldToPage();
  budget.restart();
  // Decoding the snapshot is this task's work (some 25 ms of a 1 MB page's first task, with the JIT cold; 35–80 ms
  // on a slow machine, hence in steps).
  const ready = await readPageSnapshot(stored, budget.pause);
  if (ready) return ready;
  let active = await loadActiveSpecs();
  budget.restart();
  let read = activePacksFrom(active.specs);
  // Compiled by an older version: the background compiles them again.
  if (read.stale) {
    active = await sendMessage('activePacks', undefined);
    budget.restart();
    read = activePacksFrom(active.specs);
  }
  return { packs: read.packs, threshold: active.threshold };
}
