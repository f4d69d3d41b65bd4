import { readAgenda } from '@/utils/radar/readAgenda';
import { loadTestMarks, testMarksOn } from '../content/testMarks';
import { startRadar } from './startRadar';

declare global {
  var __ratsmarkerRadar: boolean | undefined;
}

/**
 * The radar script's whole flow, on an agenda page the content script
 * recognised: read the agenda and start the radar. Once per page, however
 * often the background brings the script. The packs are not read here: the
 * page shows measures and matches nothing, and the background sends their words.
 */
export async function startRadarOnPage(): Promise<void> {
  if (globalThis.__ratsmarkerRadar) return;
  globalThis.__ratsmarkerRadar = true;
  const url = new URL(location.href);
  const agenda = readAgenda(document, url.href);
  if (!agenda) return;
  // The content script read the test switch into this world before it asked for the radar.
  if (globalThis.__ratsmarkerTestMarks === undefined) await loadTestMarks();
  await startRadar(document, url, agenda, testMarksOn());
}
