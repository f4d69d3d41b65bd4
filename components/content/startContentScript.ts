import { isKnownCouncilUrl } from '@/utils/detect/councilHosts';
import { detectSystem } from '@/utils/detect/readCouncilPage';
import { t } from '../i18n';
import { onMessage, sendMessage } from '../messages';
import { type Annotator, annotatePage, SCAN_END, SCAN_START } from './annotatePage';
import { cardStrings } from './cardStrings';
import { loadActivePacks } from './loadActivePacks';
import { addPdfButtons } from './pdfButtons';
import { notePlaces, selectionQuote } from './selectionQuote';

declare global {
  // Set by the background before it injects the script on the user's request.
  var __ratsmarkerForce: boolean | undefined;
  var __ratsmarkerStarted: boolean | undefined;
}

/** The content script's whole flow: annotate this page, answer the popup, report to the toolbar. */
export async function startContentScript(): Promise<void> {
  if (globalThis.__ratsmarkerStarted) return;
  // The whole cost of the content script on a page counts, from here.
  const startedAt = performance.mark(SCAN_START).startTime;
  const requested = globalThis.__ratsmarkerForce === true;
  // On the known council hosts the page must prove its product; a page the
  // user asked for (or a site they added) is read whatever it is. Pages that
  // fail the proof (most pages of a council's site) cost this much and no more.
  const requireProduct = !requested && isKnownCouncilUrl(location);
  const system = detectSystem(document);
  if (requireProduct && !system) {
    performance.mark(SCAN_END);
    return;
  }
  const url = new URL(location.href);
  globalThis.__ratsmarkerStarted = true;
  const annotator: Annotator = await annotatePage(document, url, {
    load: loadActivePacks,
    system,
    startedAt,
    strings: cardStrings,
    onReport: (report) => void sendMessage('reportMatches', report).catch(() => undefined),
    notes: {
      load: (key) => sendMessage('notesForDocument', key),
      save: async (note) => {
        await sendMessage('addNote', note);
      },
      anchored: (found, orphaned) => void sendMessage('notesAnchored', { found, orphaned }).catch(() => undefined),
      spoken: (count) => t('noteCount', String(count)),
    },
  });
  addPdfButtons(
    document,
    location.href,
    { text: t('openInRatsmarker'), label: (name) => t('openInRatsmarkerLabel', name) },
    (pdfUrl) => void sendMessage('openViewer', pdfUrl).catch(() => undefined),
  );
  onMessage('getReport', () => annotator.report());
  onMessage('showMeasure', ({ data }) => annotator.showMeasure(data));
  onMessage('refreshNotes', () => annotator.refreshNotes());
  onMessage('showPassage', ({ data }) => annotator.showPassage(data));
  onMessage('stepMatch', ({ data }) => annotator.stepMatch(data));
  onMessage('selectionTarget', () => selectionQuote(document, system, url));
  onMessage('notePlaces', ({ data }) => notePlaces(document, system, url, data));
}
