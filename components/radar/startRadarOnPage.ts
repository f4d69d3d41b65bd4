import { readAgenda } from '@/utils/radar/readAgenda';
import { loadActiveSpecs } from '../content/loadActivePacks';
import { loadTestMarks, testMarksOn } from '../content/testMarks';
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
  const [active] = await Promise.all([loadActiveSpecs(), loadTestMarks()]);
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
