// pdf.js's legacy build (its library and its worker): the modern one calls Map.prototype.getOrInsertComputed,
// which Firefox ESR 140 (and every Firefox this extension allows from 128 on) lacks, and the viewer stopped with
// "this[#t].getOrInsertComputed is not a function" before its first page. The legacy build brings what it needs.
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy, PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerSrc from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { looksLikePdf, PdfReadError, pdfOpenError } from '@/utils/pdf/pdfErrors';

// The worker ships inside the extension (no remote code; the extension pages' CSP allows 'self').
GlobalWorkerOptions.workerSrc = workerSrc;
// Started at once, so the worker loads while the PDF is still being fetched.
let worker: PDFWorker | undefined;
export function startPdfWorker(): void {
  worker ??= new PDFWorker();
}

/** Thrown when the browser refused the request: the site is not among Ratsmarker's permitted hosts. */
export class PdfFetchError extends PdfReadError {
  constructor(readonly origin: string) {
    super('errPdfFetch', [new URL(origin).host]);
  }
}

/** The bytes of the PDF at `url`, or an error that says what went wrong. */
export async function fetchPdf(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    // The council site's own cookies go with it, as when the reader clicks the link.
    response = await fetch(url, { credentials: 'include' });
  } catch {
    throw new PdfFetchError(new URL(url).origin);
  }
  if (!response.ok) throw new PdfReadError('errPdfHttp', [String(response.status)]);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!looksLikePdf(bytes)) throw new PdfReadError('errPdfNotPdf');
  return bytes;
}

/** Opens the PDF with pdf.js (no eval: the extension's CSP forbids it). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    startPdfWorker();
    return await getDocument({ data: bytes, worker, isEvalSupported: false, enableXfa: false, verbosity: 0 }).promise;
  } catch (e) {
    throw pdfOpenError(e);
  }
}
