import { isAgendaPath } from '@/utils/detect/agendaPage';
import { detectSystem } from '@/utils/detect/readCouncilPage';
import { hasAgendaDocuments } from '@/utils/radar/readAgenda';
import { readAgendaStartup, useStartup } from '../content/pageStartup';
import { SCAN_END, SCAN_START } from '../content/scanMarks';
import { sendMessage } from '../messages';

declare global {
  var __ratsmarkerAgenda: boolean | undefined;
}

/**
 * The agenda script's whole flow, on a meeting's agenda (entrypoints/agenda.content.ts). A page a reader
 * prepares a meeting on shows only titles: the radar reads the documents off the page, so this script is a
 * small one (an agenda page evaluated the whole content script, matcher included, in one task of 60–110 ms on
 * a first visit). It reads the test switch and the strings, proves the page's product, and has the
 * background bring the radar's script; an agenda without documents is read as any council page, by the
 * content script, which the background brings then.
 */
export async function startAgendaScript(): Promise<void> {
  // On a site the reader added, every page gets this script next to the content script: it acts on agendas only.
  if (globalThis.__ratsmarkerAgenda || !isAgendaPath(location.pathname)) return;
  globalThis.__ratsmarkerAgenda = true;
  performance.mark(SCAN_START);
  const startup = readAgendaStartup();
  if (!detectSystem(document)) {
    performance.mark(SCAN_END);
    return;
  }
  await useStartup(startup);
  const documents = hasAgendaDocuments(document, location.href);
  void sendMessage(documents ? 'startRadar' : 'startPageScript', undefined).catch(() => undefined);
  performance.mark(SCAN_END);
}
