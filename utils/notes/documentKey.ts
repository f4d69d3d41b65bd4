import type { NoteDocument } from './types';

/**
 * The document a page shows, as notes remember it: the site and the document
 * number where the page names one (so /vo0050.asp?__kvonr=1 and a printable
 * view of the same Vorlage share their notes), the URL without fragment otherwise.
 */
export function noteDocument(url: string, facts: { number?: string; title?: string }): NoteDocument {
  const u = new URL(url);
  u.hash = '';
  const site = u.hostname;
  const number = facts.number?.trim() || undefined;
  return {
    key: number ? `${site}|${number}` : u.href,
    site,
    ...(number ? { number } : {}),
    ...(facts.title ? { title: facts.title } : {}),
    url: u.href,
  };
}

/**
 * A PDF as notes remember it: by site and document number where its first
 * page names one (so it shares its notes with the document's HTML page), by
 * a fingerprint of its content otherwise (download addresses often carry a
 * session and change from visit to visit).
 */
export function pdfNoteDocument(
  url: string,
  facts: { number?: string; title?: string },
  fingerprint: string,
): NoteDocument {
  if (facts.number?.trim()) return noteDocument(url, facts);
  const u = new URL(url);
  u.hash = '';
  return {
    key: `${u.hostname}|pdf:${fingerprint}`,
    site: u.hostname,
    ...(facts.title ? { title: facts.title } : {}),
    url: u.href,
  };
}
