import { storage } from 'wxt/utils/storage';
import { readAgenda } from '@/utils/radar/readAgenda';
import { loadTestMarks, testMarksOn } from '../content/testMarks';
import { sendMessage } from '../messages';
import type { ActivePackSpecs } from '../packs';
import { startRadar } from './startRadar';

declare global {
  var __ratsmarkerRadar: boolean | undefined;
}

/**
 * The radar script's whole flow, on an agenda page the content script
 * recognised: read the agenda, load the compiled packs, start the radar.
 * Once per page, however often the background brings the script.
 */
export async function startRadarOnPage(): Promise<void> {
  if (globalThis.__ratsmarkerRadar) return;
  globalThis.__ratsmarkerRadar = true;
  const url = new URL(location.href);
  const agenda = readAgenda(document, url.href);
  if (!agenda) return;
  const [active] = await Promise.all([activeSpecs(), loadTestMarks()]);
  // The page shows measures, it matches nothing: the packs without their matchers, which cost a page
  // tens of milliseconds to read back (the reading and matching happen off the page).
  startRadar(
    document,
    url,
    agenda,
    active.specs.map((s) => ({ pack: s.pack, colour: s.colour })),
    testMarksOn(),
  );
}

// The same key as activeSpecsItem in ../packs.ts, read here without that module's validators.
const snapshot = storage.defineItem<ActivePackSpecs>('local:activeSpecs');

/** The background's snapshot of the enabled packs, or, without one, its answer. */
async function activeSpecs(): Promise<ActivePackSpecs> {
  const stored = await snapshot.getValue().catch(() => null);
  return stored && Array.isArray(stored.specs) ? stored : await sendMessage('activePacks', undefined);
}
