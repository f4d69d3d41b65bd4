import { between, inside } from './documentText';
import type { CouncilSystem } from './types';

// ALLRIS net 3 (classic .asp) and ALLRIS 4 (/public/…) document, agenda-item and meeting pages.
const CLASSIC = /\/(vo020|to020|to010|si010|do027)\.asp$/i;
const NET4 = /\/public\/(vo020|to020|to010|si010)$/i;

export const allris: CouncilSystem = {
  id: 'allris',
  name: 'ALLRIS',
  isCouncilUrl: (url) => CLASSIC.test(url.pathname) || NET4.test(url.pathname),
  isProductPage: (doc) =>
    doc.getElementById('allriscontainer') !== null ||
    /ALLRIS/i.test(doc.querySelector('meta[name="description" i]')?.getAttribute('content') ?? '') ||
    /ALLRIS/i.test(doc.title) ||
    doc.querySelector('.docPart, #bfTable, link[href*="allris" i], script[src*="allris" i]') !== null,
  documentText: (doc) => {
    // ALLRIS 4 marks each document part.
    const parts = [...doc.querySelectorAll('.docPart')];
    if (parts.length > 0) return inside(parts);
    // ALLRIS 3 pastes Word exports after anchors: Sachverhalt (SV), Beschlussvorschlag
    // (BV), Wortprotokoll (WP), Beschluss (BS); the Anlagen (AN) follow them.
    const first = doc.querySelector('a[name="allrisSV"], a[name="allrisBV"], a[name="allrisWP"], a[name="allrisBS"]');
    return first ? between(first, doc.querySelector('a[name="allrisAN"], #risfoot')) : undefined;
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
