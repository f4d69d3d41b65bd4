import { readAgenda } from '@/utils/radar/readAgenda';
import { loadActivePacks } from '../content/loadActivePacks';
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
  const [{ packs }] = await Promise.all([loadActivePacks(), loadTestMarks()]);
  startRadar(document, url, agenda, packs, testMarksOn());
}
