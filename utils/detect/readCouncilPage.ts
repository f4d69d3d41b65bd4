import { extractPassages, type PassageBlock } from '../dom/extractPassages';

/** What Ratsmarker recognised about the document a page shows. */
export interface DocumentFacts {
  /** Council information system: "allris", "sessionnet", or undefined when unknown. */
  system?: string;
  /** Document number as written ("23-1862", "039/26", "2026/245"). */
  number?: string;
  /** Kind of document as the page names it ("Antrag", "Drucksache", "Vorlage"). */
  kind?: string;
  title?: string;
  committee?: string;
  date?: string;
}

export interface CouncilPage {
  document: DocumentFacts;
  passages: PassageBlock[];
}

const clean = (s: string | null | undefined) => s?.replace(/[\s\u00A0]+/g, ' ').trim() || undefined;

/** Reads a council page: the document's facts and the passages the matcher sees. */
export function readCouncilPage(doc: Document): CouncilPage {
  const meta = (name: string) => doc.querySelector(`meta[name="${name}" i]`)?.getAttribute('content') ?? '';
  const generator = `${meta('generator')} ${meta('description')} ${doc.title}`;
  const system = /ALLRIS/i.test(generator) ? 'allris' : /SessionNet/i.test(generator) ? 'sessionnet' : undefined;
  const h1 = clean(doc.querySelector('h1')?.textContent);
  const facts: DocumentFacts = { system };
  const numbered = h1 ? /^(\p{L}[\p{L} ]*?)\s*-\s*([\w./ -]*\d[\w./-]*)$/u.exec(h1) : null;
  if (numbered) {
    facts.kind = numbered[1];
    facts.number = numbered[2]?.trim();
  } else if (h1) facts.title = h1;
  return { document: facts, passages: extractPassages(doc) };
}
