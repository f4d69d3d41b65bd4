import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CodedError } from '../utils/i18n/messages';
import type { PdfTextItem } from '../utils/pdf/pdfLines';

export class PdfReadError extends CodedError {}

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
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new PdfReadError('errPdfPassword');
    throw new PdfReadError('errPdfBroken', [(e as Error).message]);
  }
  const items: PdfTextItem[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    for (const it of content.items) {
      if (!('str' in it)) continue;
      const [a, b, , , x, y] = it.transform as number[];
      items.push({
        str: it.str,
        x: x as number,
        y: y as number,
        size: Math.hypot(a as number, b as number) || it.height,
        width: it.width,
        page: n,
      });
    }
  }
  await doc.destroy();
  return { pages: doc.numPages, items };
}
