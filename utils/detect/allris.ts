import { between, inside } from './documentText';
import type { CouncilSystem } from './types';

// ALLRIS net 3 (classic .asp) and ALLRIS 4 (/public/…) document, agenda-item and meeting pages.
const CLASSIC = /\/(vo020|to020|to010|si010|do027)\.asp$/i;
const NET4 = /\/public\/(vo020|to020|to010|si010)$/i;

export const allris: CouncilSystem = {
  id: 'allris',
  name: 'ALLRIS',
  isCouncilUrl: (url) => CLASSIC.test(url.pathname) || NET4.test(url.pathname),
  // Its container, the generator in the description, its document parts; or its name in the title.
  productMarks: {
    selector: '#allriscontainer, meta[name="description" i][content*="allris" i], .docPart, #bfTable',
    title: /ALLRIS/i,
  },
  documentText: (doc) => {
    // ALLRIS 4 marks each document part.
    const parts = [...doc.querySelectorAll('.docPart')];
    if (parts.length > 0) return inside(parts);
    // ALLRIS 3 pastes Word exports after anchors: Sachverhalt (SV), Beschlussvorschlag
    // (BV), Wortprotokoll (WP), Beschluss (BS); the Anlagen (AN) follow them.
    const first = doc.querySelector('a[name="allrisSV"], a[name="allrisBV"], a[name="allrisWP"], a[name="allrisBS"]');
    // A meeting's agenda (to010): its items' subjects, the cells that link to each item (to020).
    if (!first)
      return allris.pageKind(doc) === 'meeting'
        ? inside(
            [...doc.querySelectorAll('table.tl1 a[href*="to020"]')]
              .map((a) => a.closest('td'))
              .filter((td): td is HTMLTableCellElement => td !== null),
          )
        : undefined;
    // The text ends where the Anlagen, the Stammbaum (the document's family table) or the footer begin.
    const stammbaum = [...doc.querySelectorAll('td.kb1, th.kb1')].find((el) =>
      /^\s*Stammbaum:?\s*$/.test(el.textContent ?? ''),
    );
    const ends = [doc.querySelector('a[name="allrisAN"]'), stammbaum, doc.getElementById('risfoot')].filter(
      (e): e is Element => e !== null && e !== undefined && (first.compareDocumentPosition(e) & 4) !== 0,
    );
    const end = ends.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1))[0] ?? null;
    return between(first, end);
  },
  pageKind: (doc, url) => {
    const page = url?.pathname ?? doc.getElementById('allriscontainer')?.className ?? '';
    if (/to010|si010/i.test(page)) return 'meeting';
    if (/to020/i.test(page)) return 'agenda-item';
    return 'document';
  },
};

// Runs on, for example:
// https://sitzungsdienst-hamburg-mitte.hamburg.de/bi/vo020.asp?VOLFDNR=1020365
// https://sitzungsdienst-altona.hamburg.de/bi/to020.asp?TOLFDNR=1049839
// https://sitzungsdienst-wandsbek.hamburg.de/bi/to010.asp?SILFDNR=1003545
// https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238
