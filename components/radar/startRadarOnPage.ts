import { readAgenda } from '@/utils/radar/readAgenda';
import { addButtons } from '../content/openInViewerButtons';
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
  // The agenda script (or the content script) read the test switch into this world before it asked for the radar.
  if (globalThis.__ratsmarkerTestMarks === undefined) await loadTestMarks();
  // The agenda's PDF links get their buttons here, in a task of their own (the agenda script is kept small).
  setTimeout(addButtons, 0);
  await startRadar(document, url, agenda, testMarksOn());
}
