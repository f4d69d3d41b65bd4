import { browser } from 'wxt/browser';
import { addNote, notesForDocument, setOrphaned } from '@/utils/db/notesStore';
import { pdfNoteDocument } from '@/utils/notes/documentKey';
import { pdfFacts } from '@/utils/pdf/pdfFacts';
import { type PdfPassage, pdfPassages } from '@/utils/pdf/pdfPassages';
import { DOCUMENT_SLICE_MS, taskBudget, yieldToPage } from '@/utils/pipeline/taskBudget';
import { cardStrings } from '../content/cardStrings';
import { el } from '../content/dom';
import { loadActivePacks } from '../content/loadActivePacks';
import { SCAN_END, SCAN_START } from '../content/scanMarks';
import { readStartup } from '../content/startupRead';
import { factionOnPage } from '../faction/factionOnPage';
import { errorText, t } from '../i18n';
import { sendMessage } from '../messages';
import { db } from '../notes/db';
import { answerAsViewer } from '../tabMessages';
import { annotatePdf, type PdfAnnotator } from './annotatePdf';
import { fetchPdf, openPdf, PdfFetchError, startPdfWorker } from './loadPdf';
import { type RenderedPdf, renderPdf } from './pdfPages';
import { pdfNotePlaces, pdfSelection } from './pdfSelection';
import { styleViewerHighlights } from './viewerHighlights';

/** User Timing mark when the first page of a PDF is drawn (the benchmark reads it). */
export const FIRST_PAGE = 'ratsmarker:pdf-first-page';
// Pages are drawn this wide at most (CSS pixels); narrower windows get narrower pages.
const MAX_PAGE_WIDTH = 900;

/** User Timing mark when every page is laid out with its text layer. */
const LAID_OUT = 'ratsmarker:pdf-laid-out';

/** The viewer's parts: a bar with the document and its status, and the pages. */
function viewerUi(doc: Document) {
  const title = el(doc, 'h1', { text: t('viewerTitle') });
  const meta = el(doc, 'p', { class: 'meta' });
  const status = el(doc, 'p', { class: 'status', attrs: { role: 'status' } });
  const notice = el(doc, 'p', { class: 'notice', attrs: { role: 'alert' } });
  notice.hidden = true;
  const grant = el(doc, 'button', { attrs: { type: 'button' } });
  grant.hidden = true;
  const original = el(doc, 'a', { text: t('viewerOriginal'), attrs: { target: '_blank', rel: 'noopener' } });
  original.hidden = true;
  const input = el(doc, 'input', { attrs: { type: 'file', accept: 'application/pdf,.pdf' } });
  const chooser = el(doc, 'label', { class: 'file' }, [el(doc, 'span', { text: t('viewerChooseFile') }), input]);
  const pages = el(doc, 'main', { class: 'pages', attrs: { 'aria-label': t('viewerDocument') } });
  doc.body.append(
    el(doc, 'header', { class: 'bar' }, [
      el(doc, 'div', { class: 'doc' }, [title, meta]),
      status,
      el(doc, 'div', { class: 'actions' }, [grant, original, chooser]),
    ]),
    notice,
    pages,
  );
  const say = (text: string) => {
    notice.textContent = text;
    notice.hidden = !text;
  };
  return { title, meta, status, grant, original, input, pages, say };
}

/**
 * The page named in the address (`#page=3`, as the meeting radar's links and
 * PDF readers write it) comes into view once the pages are laid out.
 */
function showRequestedPage(doc: Document, pages: HTMLElement): void {
  const page = /(?:^#|&)page=(\d+)/.exec(doc.location.hash)?.[1];
  if (!page) return;
  const target = pages.querySelector<HTMLElement>(`[data-page="${Number(page)}"]`);
  target?.scrollIntoView({ block: 'start' });
  target?.setAttribute('tabindex', '-1');
  target?.focus({ preventScroll: true });
}

/** The viewer's whole flow: read the PDF named in the address (or chosen), show it, match it, take notes. */
export async function startViewer(doc: Document): Promise<void> {
  startPdfWorker();
  // The highlight colours of the active packs, read while the PDF is fetched; in place before a page is drawn.
  const highlightsStyled = styleViewerHighlights(doc);
  const ui = viewerUi(doc);
  const tab = await browser.tabs.getCurrent();
  let annotator: PdfAnnotator | undefined;
  // The PDF's text as notes anchor in it, for re-attaching a note to what the reader selects.
  let selectable: { rendered: RenderedPdf; passages: PdfPassage[] } | undefined;
  if (tab?.id !== undefined)
    answerAsViewer(tab.id, {
      selectionTarget: () => (selectable ? pdfSelection(doc, selectable.rendered, selectable.passages) : null),
      notePlaces: (target) => (selectable ? pdfNotePlaces(selectable.passages, target) : []),
      getReport: () => annotator?.report() ?? null,
      showMeasure: (id) => annotator?.showMeasure(id) ?? false,
      showPassage: (index) => annotator?.showPassage(index) ?? false,
      stepMatch: (direction) => annotator?.stepMatch(direction) ?? false,
      refreshNotes: async () => {
        await annotator?.refreshNotes();
      },
    });

  const show = async (url: string, bytesOf: () => Promise<Uint8Array>) => {
    performance.mark(SCAN_START);
    annotator = undefined;
    selectable = undefined;
    ui.pages.replaceChildren();
    ui.say('');
    ui.grant.hidden = true;
    ui.meta.textContent = '';
    ui.status.textContent = t('viewerLoading');
    try {
      const bytes = await bytesOf();
      const pdf = await openPdf(bytes);
      ui.status.textContent = t('viewerReading', String(pdf.numPages));
      const width = Math.min(MAX_PAGE_WIDTH, ui.pages.clientWidth - 32);
      await highlightsStyled;
      const rendered = await renderPdf(doc, ui.pages, pdf, {
        width,
        pageLabel: (n) => t('viewerPage', String(n)),
        onFirstPage: () => performance.mark(FIRST_PAGE),
        pause: yieldToPage,
      });
      performance.mark(LAID_OUT);
      const passages = pdfPassages(rendered.items);
      selectable = { rendered, passages };
      if (passages.length === 0) {
        ui.say(t('viewerNoText'));
        ui.status.textContent = t('viewerDone', [String(pdf.numPages), '0']);
        performance.mark(SCAN_END);
        return;
      }
      const facts = pdfFacts(passages);
      const heading = [facts.kind, facts.number].filter(Boolean).join(' ');
      ui.title.textContent =
        [heading, facts.title].filter(Boolean).join(' – ') || decodeURIComponent(url.split('/').pop() ?? '');
      ui.meta.textContent = [facts.date, new URL(url).hostname].filter(Boolean).join(' · ');
      doc.title = `${ui.title.textContent} – Ratsmarker`;
      // Decoded in a council page's slices (the first pages are drawn already).
      const { packs, threshold } = await loadActivePacks(taskBudget(DOCUMENT_SLICE_MS), readStartup());
      annotator = await annotatePdf(doc, rendered, passages, {
        packs,
        threshold,
        facts,
        noteDocument: pdfNoteDocument(url, facts, pdf.fingerprints[0] ?? 'unbekannt'),
        strings: {
          ...cardStrings(),
          where: (page, lines) =>
            lines ? t('viewerPageLines', [String(page), lines.join('–')]) : t('viewerPage', String(page)),
        },
        notes: {
          load: (key) => notesForDocument(db, key),
          save: async (note) => {
            await addNote(db, note);
          },
          anchored: (found, orphaned) => void setOrphaned(db, found, orphaned).catch(() => undefined),
          spoken: (count) => t('noteCount', String(count)),
          faction: factionOnPage,
        },
        pause: yieldToPage,
        onReport: (report) => void sendMessage('reportMatches', report).catch(() => undefined),
      });
      ui.status.textContent = t('viewerDone', [String(pdf.numPages), String(annotator.report().count)]);
      showRequestedPage(doc, ui.pages);
      performance.mark(SCAN_END);
    } catch (e) {
      ui.status.textContent = '';
      ui.say(errorText(e));
      if (e instanceof PdfFetchError) offerPermission(e.origin, () => void show(url, bytesOf));
    }
  };

  /** A site Ratsmarker may not read yet: one click asks for it (optional host permission), then loads again. */
  const offerPermission = (origin: string, retry: () => void) => {
    ui.grant.textContent = t('viewerGrant', new URL(origin).host);
    ui.grant.hidden = false;
    ui.grant.onclick = async () => {
      if (await browser.permissions.request({ origins: [`${origin}/*`] })) retry();
    };
  };

  ui.input.addEventListener('change', () => {
    const file = ui.input.files?.[0];
    if (file)
      void show(`file:///${encodeURIComponent(file.name)}`, async () => new Uint8Array(await file.arrayBuffer()));
  });

  const file = new URLSearchParams(location.search).get('file');
  if (!file) {
    ui.status.textContent = '';
    ui.say(t('viewerNoFile'));
    return;
  }
  ui.original.href = file;
  ui.original.hidden = false;
  await show(file, () => fetchPdf(file));
}
