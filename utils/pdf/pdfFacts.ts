import type { DocumentFacts } from '../detect/types';
import type { PdfPassage } from './pdfPassages';

const NUMBERED =
  /\b(Drucksache|Vorlage|Beschlussvorlage|Mitteilungsvorlage|Antrag|Anfrage|Anregung|Eingabe)(?:\s+(?:Nr\.?|Nummer))?\s*[:.-]?\s*((?:[A-ZÄÖÜ]{1,6}\/)?\d{1,5}(?:[/.-]\d{1,5}){1,2}(?:\.\d{1,2})?)\b/u;
const DATE = /\b\d{1,2}\.\d{1,2}\.\d{4}\b/;

/** What the first page of a council PDF says about the document: kind, number, date. */
export function pdfFacts(passages: readonly PdfPassage[]): DocumentFacts {
  const first = passages.filter((p) => p.page === 1).map((p) => p.text);
  const facts: DocumentFacts = {};
  for (const text of first) {
    const m = NUMBERED.exec(text);
    if (m && !facts.number) {
      facts.kind = m[1];
      facts.number = m[2];
    }
    const d = DATE.exec(text);
    if (d && !facts.date) facts.date = d[0];
    const betreff = /^Betreff\s*:?\s*(.+)$/i.exec(text);
    if (betreff && !facts.title) facts.title = betreff[1];
  }
  return facts;
}
