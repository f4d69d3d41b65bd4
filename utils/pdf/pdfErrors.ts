import { CodedError } from '../i18n/codedError';

/** Why a PDF could not be read, in words the reader understands. */
export class PdfReadError extends CodedError {}

/** A PDF file begins with "%PDF-" (some servers put a few bytes before it; readers allow 1 KB). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** What pdf.js's failure to open a document means for the reader. */
export function pdfOpenError(error: unknown): PdfReadError {
  const e = error as { name?: string; message?: string };
  if (e?.name === 'PasswordException') return new PdfReadError('errPdfPassword');
  return new PdfReadError('errPdfBroken', [String(e?.message ?? error)]);
}
