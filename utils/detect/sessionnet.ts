import { inside } from './documentText';
import type { CouncilSystem } from './types';

// Document, agenda-item and meeting pages of SessionNet, in its ASP and PHP
// variants and below any path ("/bi/", "/sessionnet/sessionnetbi/", the root).
const PAGE = /\/(vo0050|vo0053|vo0051|to0050|to0040|si0057|si0056)\.(asp|php)$/i;

export const sessionnet: CouncilSystem = {
  id: 'sessionnet',
  name: 'SessionNet',
  isCouncilUrl: (url) => PAGE.test(url.pathname),
  // Cheap signals only (ids, title, one class): this runs on every page the
  // content script reaches, most of which are not SessionNet pages.
  productMarks: { selector: '#smcsomacosinfo, body#smc_body, .smclayout, .smc-body', title: /^SessionNet\b/ },
  // The Word export of the Vorlage text; on a meeting page, the agenda items' titles.
  documentText: (doc) =>
    inside([...doc.querySelectorAll('.smcdocmsword, .smc-doc-text, .smc_doc_text')]) ??
    inside([...doc.querySelectorAll('td.tobetr, .smc_field_tobetr, td.smc_topht')]),
  pageKind: (doc, url) => {
    const page = url?.pathname ?? doc.body?.querySelector('[class*="smc_page_"]')?.className ?? '';
    // to0040 is a meeting's agenda (SessionNet 4); to0050 one item of it.
    if (/si005[67]|to0040/i.test(page)) return 'meeting';
    if (/to0050/i.test(page)) return 'agenda-item';
    return 'document';
  },
};

// Runs on, for example:
// https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=…
// https://rat.eschweiler.de/bi/vo0050.php?__kvonr=12546
// https://buergerinfo.luedenscheid.de/vo0050.asp?__kvonr=2636
// https://www.stadt-muenster.de/sessionnet/sessionnetbi/si0057.php?__ksinr=…
