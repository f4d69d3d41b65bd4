import { pdfLinksOf } from '@/utils/detect/pdfLinks';
import { detectSystem, readCouncilPage } from '@/utils/detect/readCouncilPage';
import { decodeHtml } from '@/utils/dom/decodeHtml';
import { noteDocument, pdfNoteDocument } from '@/utils/notes/documentKey';
import { pdfFacts } from '@/utils/pdf/pdfFacts';
import { pdfPassages } from '@/utils/pdf/pdfPassages';
import { textItemsOfPage } from '@/utils/pdf/textItems';
import type { CachedPassage } from '@/utils/radar/radarCache';
import type { RadarReaders } from '@/utils/radar/runRadar';
import { openPdf } from '../viewer/loadPdf';

// Characters of prose a page without a marked document text must have before
// it counts as the document itself: a motion is longer, a page's data is not.
const MIN_UNMARKED_TEXT = 200;

/**
 * How the radar reads documents where a DOM is at hand (Chrome's offscreen
 * document, Firefox's background page): a Vorlage page through the same
 * detection as the content script, a PDF through pdf.js in its worker.
 * Neither is shown; nothing on the page runs (DOMParser documents run no scripts).
 */
export const radarReaders: RadarReaders = {
  async html(bytes, url) {
    const doc = new DOMParser().parseFromString(decodeHtml(bytes), 'text/html');
    const page = readCouncilPage(doc, new URL(url));
    const own = page.passages.filter((p) => p.text !== page.document.title);
    // Many systems show only a document's data in HTML and put its text in a
    // PDF: a Betreff alone, or a few stray lines where the product marks no
    // text of its own, are no text, and the radar reads the PDF instead.
    const marked = detectSystem(doc)?.documentText(doc) !== undefined;
    const hasOwnText = own.length > 0 && (marked || own.reduce((n, p) => n + p.text.length, 0) >= MIN_UNMARKED_TEXT);
    return {
      passages: hasOwnText ? page.passages.map((p) => ({ text: p.text, ...(p.lines ? { lines: p.lines } : {}) })) : [],
      pdfUrls: pdfLinksOf(doc, url).map((l) => l.url),
      ...(page.document.number ? { number: page.document.number } : {}),
      // As the content script keys the reader's notes on this page.
      noteKey: noteDocument(url, page.document).key,
    };
  },
  async pdf(bytes, url) {
    const pdf = await openPdf(bytes);
    try {
      const items = [];
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        items.push(...textItemsOfPage(content.items as never[], n));
        page.cleanup();
      }
      const passages = pdfPassages(items);
      return {
        passages: passages.map(
          (p): CachedPassage => ({ text: p.text, page: p.page, ...(p.lines ? { lines: p.lines } : {}) }),
        ),
        // As the PDF viewer keys the reader's notes on this PDF: by its number, or by its fingerprint.
        noteKey: pdfNoteDocument(url, pdfFacts(passages), pdf.fingerprints[0] ?? 'unbekannt').key,
      };
    } finally {
      void pdf.destroy();
    }
  },
};
