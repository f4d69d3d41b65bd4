import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PdfReadError, pdfOpenError } from '../utils/pdf/pdfErrors';
import type { PdfTextItem } from '../utils/pdf/pdfLines';
import { type PdfJsTextItem, textItemsOfPage } from '../utils/pdf/textItems';

export { PdfReadError };

/** The text items of every page of a PDF (Node: pdf.js legacy build, no worker). */
export async function pdfItems(bytes: Uint8Array): Promise<{ pages: number; items: PdfTextItem[] }> {
  let doc: Awaited<ReturnType<typeof getDocument>['promise']>;
  try {
    // pdf.js wants a plain Uint8Array, not a Node Buffer.
    doc = await getDocument({
      data: Uint8Array.from(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    throw pdfOpenError(e);
  }
  const items: PdfTextItem[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    items.push(...textItemsOfPage(content.items as PdfJsTextItem[], n));
  }
  await doc.destroy();
  return { pages: doc.numPages, items };
}
