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
