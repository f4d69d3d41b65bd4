import {
  type PageViewport,
  type PDFDocumentProxy,
  type PDFPageProxy,
  TextLayer,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfTextItem } from '@/utils/pdf/pdfLines';
import { type PdfJsTextItem, textItemsOfPage } from '@/utils/pdf/textItems';
import { el } from '../content/dom';

/** One page of the viewer: its drawing, its selectable text and a layer for badges. */
export interface PdfPageView {
  number: number;
  element: HTMLElement;
  /** pdf.js's text layer elements, one per text item of the page, in order. */
  textDivs: HTMLElement[];
  overlay: HTMLElement;
}

export interface RenderedPdf {
  pages: PdfPageView[];
  /** The text items of all pages, in reading order of pages. */
  items: PdfTextItem[];
}

// Pages are drawn when they come within a screen of the visible area, not before:
// a 50-page PDF is readable as soon as its first page is drawn.
const DRAW_AHEAD = '100% 0px';

/**
 * Lays out every page of the PDF at the width given (page boxes and text
 * layers at once, so the text can be matched and the scroll bar is right),
 * draws the first page before the others are laid out, and the rest as they
 * scroll into view.
 */
export async function renderPdf(
  doc: Document,
  container: HTMLElement,
  pdf: PDFDocumentProxy,
  options: { width: number; pageLabel: (n: number) => string; onFirstPage?: () => void; pause: () => Promise<void> },
): Promise<RenderedPdf> {
  const pages: PdfPageView[] = [];
  const items: PdfTextItem[] = [];
  const toDraw = new Map<Element, { page: PDFPageProxy; viewport: PageViewport; canvas: HTMLCanvasElement }>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const job = toDraw.get(entry.target);
        if (!entry.isIntersecting || !job) continue;
        toDraw.delete(entry.target);
        observer.unobserve(entry.target);
        void draw(job.page, job.viewport, job.canvas);
      }
    },
    { rootMargin: DRAW_AHEAD },
  );

  // Once the first page is drawn, the worker reads every other page's text at
  // once, while this thread lays out the pages one by one.
  const pending: Promise<{ page: PDFPageProxy; content: Awaited<ReturnType<PDFPageProxy['getTextContent']>> }>[] = [];
  const read = (n: number) => pdf.getPage(n).then(async (page) => ({ page, content: await page.getTextContent() }));
  for (let n = 1; n <= pdf.numPages; n++) {
    if (n === 2)
      for (let k = 2; k <= pdf.numPages; k++) {
        const p = read(k);
        // A page that fails fails the document where it is awaited, not as an unhandled rejection.
        p.catch(() => undefined);
        pending[k] = p;
      }
    const { page, content } = await (pending[n] ?? read(n));
    const scale = options.width / page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale });
    const canvas = el(doc, 'canvas', { attrs: { 'aria-hidden': 'true' } });
    const textLayer = el(doc, 'div', { class: 'textLayer' });
    const overlay = el(doc, 'div', { class: 'badges' });
    const element = el(
      doc,
      'section',
      { class: 'page', attrs: { 'aria-label': options.pageLabel(n), 'data-page': String(n) } },
      [canvas, textLayer, overlay],
    );
    element.style.width = `${viewport.width}px`;
    element.style.height = `${viewport.height}px`;
    element.style.setProperty('--total-scale-factor', String(scale));
    container.append(element);
    const layer = new TextLayer({ textContentSource: content, container: textLayer, viewport });
    await layer.render();
    pages.push({ number: n, element, textDivs: layer.textDivs, overlay });
    items.push(...textItemsOfPage(content.items as PdfJsTextItem[], n));
    if (n === 1) {
      await draw(page, viewport, canvas);
      options.onFirstPage?.();
    } else {
      toDraw.set(element, { page, viewport, canvas });
      observer.observe(element);
    }
    await options.pause();
  }
  // pdf.js measures text on a canvas of its own in the body: nothing for assistive technology.
  for (const c of doc.querySelectorAll('.hiddenCanvasElement')) c.setAttribute('aria-hidden', 'true');
  return { pages, items };
}

async function draw(page: PDFPageProxy, viewport: PageViewport, canvas: HTMLCanvasElement): Promise<void> {
  // Sharp on high-density screens: the canvas has as many pixels as the screen shows.
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  await page.render({
    canvas,
    viewport,
    ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}),
  }).promise;
}
