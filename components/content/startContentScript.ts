import { isAgendaPath } from '@/utils/detect/agendaPage';
import { isKnownCouncilUrl } from '@/utils/detect/councilHosts';
import { detectSystem } from '@/utils/detect/readCouncilPage';
import { hasAgendaDocuments } from '@/utils/radar/readAgenda';
import { factionOnPage, watchSharing } from '../faction/factionOnPage';
import { t } from '../i18n';
import { onMessage, sendMessage } from '../messages';
import { whileWorkerGone } from '../notes/sendNote';
import { type Annotator, annotatePage } from './annotatePage';
import { cardStrings } from './cardStrings';
import { loadActivePacks } from './loadActivePacks';
import { addButtons } from './openInViewerButtons';
import { loadPageExtras } from './pageExtras';
import { readAgendaStartup, useStartup } from './pageStartup';
import { ADDED_SITES_KEY, readMode } from './readDecision';
import { readLocal } from './readLocal';
import { SCAN_END, SCAN_START } from './scanMarks';
import { readStartup, takeStartupRead } from './startupRead';

declare global {
  // Set by the background before it injects the script on the user's request.
  var __ratsmarkerForce: boolean | undefined;
  var __ratsmarkerStarted: boolean | undefined;
}

const readAddedSites = async (): Promise<string[]> => {
  const list = (await readLocal([ADDED_SITES_KEY]))[ADDED_SITES_KEY];
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
};

/** The content script's whole flow: annotate this page, answer the popup, report to the toolbar. */
export async function startContentScript(): Promise<void> {
  if (globalThis.__ratsmarkerStarted) return;
  const requested = globalThis.__ratsmarkerForce === true;
  // Outside the known council pages the script may have been registered on every page of a site (see
  // readDecision.ts): it leaves pages that are not the reader's nor a council product's at once, unmarked.
  const mode = readMode(location, {
    requested,
    addedPatterns: requested || isKnownCouncilUrl(location) ? [] : await readAddedSites(),
  });
  if (mode === 'none') return;
  // The whole cost of the content script on a page counts, from here.
  const startedAt = performance.mark(SCAN_START).startTime;
  // Asked for as the page began to load (startupRead.ts), or now, so that the browser reads storage while the
  // page is looked at. A meeting's agenda needs only the test switch (its radar matches off the page): the packs'
  // snapshot, some 0.28 MB, is not read there.
  const agendaUrl = isAgendaPath(location.pathname);
  let startup = agendaUrl ? readAgendaStartup() : takeStartupRead();
  // On council product pages the page must prove its product; a page the
  // user asked for (or a site they added) is read whatever it is. Pages that
  // fail the proof (most pages of a council's site) cost this much and no more.
  const system = detectSystem(document);
  if (mode === 'product' && !system) {
    performance.mark(SCAN_END);
    return;
  }
  const url = new URL(location.href);
  globalThis.__ratsmarkerStarted = true;
  await useStartup(startup);
  if (system && agendaUrl) {
    if (hasAgendaDocuments(document, url.href)) {
      // A meeting's agenda (on a site the reader added, or a page they asked for; the known hosts' agendas get
      // the agenda script): the radar reads its documents and adds the PDF buttons; the page's own text is only titles.
      void sendMessage('startRadar', undefined).catch(() => undefined);
      performance.mark(SCAN_END);
      return;
    }
    startup = readStartup();
  }
  const annotator: Annotator = await annotatePage(document, url, {
    load: (budget) => loadActivePacks(budget, startup),
    system,
    startedAt,
    strings: cardStrings,
    // The report tells the background which document this tab shows (the only one whose notes it may
    // use), so it must arrive even when the service worker was stopped just then.
    onReport: (report) => void whileWorkerGone(() => sendMessage('reportMatches', report)).catch(() => undefined),
    notes: {
      load: (key) => whileWorkerGone(() => sendMessage('notesForDocument', key)),
      save: async (note) => (await loadPageExtras()).sendNoteReliably(note, (n) => sendMessage('addNote', n)),
      anchored: (found, orphaned) => void sendMessage('notesAnchored', { found, orphaned }).catch(() => undefined),
      spoken: (count) => t('noteCount', String(count)),
      faction: factionOnPage,
    },
  });
  // Connecting or leaving a faction shows or hides the share switch and colleagues' notes at once.
  watchSharing(() => void annotator.refreshNotes().catch(() => undefined));
  // The popup, side panel and shortcuts are answered first: extras on the page come after and cannot stop them.
  onMessage('getReport', () => annotator.report());
  onMessage('showMeasure', ({ data }) => annotator.showMeasure(data));
  onMessage('refreshNotes', () => annotator.refreshNotes());
  onMessage('showPassage', ({ data }) => annotator.showPassage(data));
  onMessage('stepMatch', ({ data }) => annotator.stepMatch(data));
  onMessage('selectionTarget', async () => (await loadPageExtras()).selectionQuote(document, system, url));
  onMessage('notePlaces', async ({ data }) => (await loadPageExtras()).notePlaces(document, system, url, data));
  addButtons();
}
