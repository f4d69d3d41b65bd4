import type { PassageBlock } from '../dom/extractPassages';
import { visibleText } from '../dom/visibleText';
import { readWebPage } from '../pipeline/readWebPage';
import { allris } from './allris';
import { headingFacts } from './headingNumber';
import { labelledValues } from './labelledValues';
import { sessionnet } from './sessionnet';
import type { CouncilSystem, DocumentFacts } from './types';

export type { DocumentFacts } from './types';

/** The council systems Ratsmarker knows, in the order they are tried. */
export const COUNCIL_SYSTEMS: readonly CouncilSystem[] = [sessionnet, allris];

export interface CouncilPage {
  document: DocumentFacts;
  /** The passages of the document's own text: what the matcher sees. */
  passages: PassageBlock[];
}

export function systemForUrl(url: URL): CouncilSystem | undefined {
  return COUNCIL_SYSTEMS.find((s) => s.isCouncilUrl(url));
}

// Every system's marks in one selector: most pages of a council's site are
// none of them, and one look at the page tells.
const ANY_PRODUCT_MARK = COUNCIL_SYSTEMS.map((s) => s.productMarks.selector).join(', ');

/** The council system the page says it is, from its own markup. */
export function detectSystem(doc: Document): CouncilSystem | undefined {
  const title = doc.title;
  if (!COUNCIL_SYSTEMS.some((s) => s.productMarks.title.test(title)) && !doc.querySelector(ANY_PRODUCT_MARK))
    return undefined;
  return COUNCIL_SYSTEMS.find((s) => s.productMarks.title.test(title) || doc.querySelector(s.productMarks.selector));
}

// The labels council systems print before each fact, lower case without the
// colon; the first one present wins.
const NUMBER_LABELS = [
  'vorlage',
  'vorlagen-nr.',
  'vorlagennummer',
  'drucksache',
  'drucksachen-nr.',
  'drucksachennummer',
  'nummer',
];
const KIND_LABELS = [
  'drucksache-art',
  'drucksachenart',
  'vorlageart',
  'vorlage-art',
  'vorlagenart',
  'dokumentart',
  'art',
];
const TITLE_LABELS = ['betreff', 'bezeichnung'];
const COMMITTEE_LABELS = ['federführend', 'federführung', 'federführendes amt', 'gremium'];
const DATE_LABELS = ['datum', 'vorlagedatum', 'erstellt am'];
const SEQUENCE_LABEL = 'beratungsfolge';
const LABELS = new Set([
  ...NUMBER_LABELS,
  ...KIND_LABELS,
  ...TITLE_LABELS,
  ...COMMITTEE_LABELS,
  ...DATE_LABELS,
  SEQUENCE_LABEL,
]);

const DATE = /\b\d{1,2}\.\d{1,2}\.\d{4}\b/;
// Page chrome by id or class token: menus, navigation, headers and footers of
// the system, and boxes of attachments. A token counts when it is the word or
// begins or ends with it ("smc-nav", "page-header"), not when the word stands
// inside it ("smc-card-header-title" is an agenda item's title).
const CHROME_WORDS =
  'menu|menue|nav|navbar|navigation|breadcrumbs?|footer|header|sidebar|toolbar|tabs|smcnoprint|rismenu|risleft|rishead|pagination|skiplinks?|documents|dokumente|anlagen|attachments|downloads';
const CHROME = new RegExp(`^(?:${CHROME_WORDS})(?:[_-].*)?$|^.*[_-](?:${CHROME_WORDS})$`, 'i');
const chromeToken = (value: string) => value.split(/\s+/).some((t) => t && CHROME.test(t));
const CHROME_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE']);

const chromeCache = new WeakMap<Element, boolean>();

/** The element stands in page chrome (remembered per element: passages share their ancestors). */
function inChrome(el: Element): boolean {
  const known = chromeCache.get(el);
  if (known !== undefined) return known;
  const cls = typeof el.className === 'string' ? el.className : '';
  const own = CHROME_TAGS.has(el.tagName.toUpperCase()) || chromeToken(el.id) || chromeToken(cls);
  const result = own || (el.parentElement !== null && inChrome(el.parentElement));
  chromeCache.set(el, result);
  return result;
}

/** Reads like a sentence or a title: a few words, not a label, not a number or status cell. */
function isProse(p: PassageBlock): boolean {
  if (p.kind === 'heading' && p.text.endsWith(':')) return false;
  const words = p.text.split(' ').filter((w) => /\p{L}{2,}/u.test(w));
  // A postal address ("Am Alten Posthaus 4, 22041 Hamburg") is where, not what.
  if (words.length <= 8 && /\b\d{5}\s+\p{Lu}/u.test(p.text)) return false;
  return words.length >= 3;
}

/** ALLRIS 4 and others print the Beratungsfolge as a table under its own heading. */
function beratungsfolgeTable(doc: Document): string | undefined {
  // By id and by tag name, not by attribute selectors: those test every
  // element of the page, some 15 ms on a 5 MB document.
  const byTag = (...tags: string[]) => tags.flatMap((tag) => [...doc.getElementsByTagName(tag)]);
  const table =
    doc.getElementById('bfTable') ??
    byTag('table').find((t) => /beratung/i.test(t.id)) ??
    byTag('h2', 'h3', 'h4', 'caption')
      .find((h) => /^\s*Beratungsfolge\s*$/i.test(h.textContent ?? ''))
      ?.closest('section, div, table')
      ?.querySelector('table');
  return table ? visibleText(table) : undefined;
}

function firstDate(text: string | undefined): string | undefined {
  return text ? DATE.exec(text)?.[0] : undefined;
}

function readFacts(doc: Document, system: CouncilSystem | undefined, url: URL | undefined): DocumentFacts {
  const values = labelledValues(doc.body ?? doc, LABELS);
  const get = (...keys: string[]) => keys.map((k) => values.get(k)).find((v) => v !== undefined);
  const facts: DocumentFacts = {};
  if (system) {
    facts.system = system.id;
    facts.page = system.pageKind(doc, url);
  }
  const h1El = doc.querySelector('h1');
  const h1 = h1El ? visibleText(h1El) : undefined;
  // Where no cell names the document, its heading may: "Drucksache - 23-1862", "23-1862 - Antrag".
  const heading = h1 ? headingFacts(h1) : {};
  const number = get(...NUMBER_LABELS);
  if (number && /\d/.test(number) && number.length <= 40) facts.number = number;
  else if (heading.number) facts.number = heading.number;
  const kind = get(...KIND_LABELS);
  if (kind) facts.kind = kind.replace(/\s+(nicht)?öffentlich$/i, '');
  else if (heading.kind) facts.kind = heading.kind;
  // Agenda-item and meeting pages head their title with the page's kind: "Auszug - …".
  const h1Title = h1?.replace(/^(?:Auszug|Tagesordnung|Vorlage|Drucksache|Niederschrift)\s+-\s+/, '');
  const title = get(...TITLE_LABELS) ?? (heading.number ? heading.title : h1Title);
  if (title) facts.title = title;
  const committee =
    get(...COMMITTEE_LABELS) ??
    get(SEQUENCE_LABEL)
      ?.replace(DATE, '')
      .split(/\s{2,}|Sitzung /)[0]
      ?.trim();
  if (committee) facts.committee = committee;
  const date = firstDate(get(...DATE_LABELS)) ?? firstDate(get(SEQUENCE_LABEL)) ?? firstDate(beratungsfolgeTable(doc));
  if (date) facts.date = date;
  return facts;
}

/** Reads a council page: the document's facts and the passages of its own text (the pipeline's reading of it). */
export function readCouncilPage(doc: Document, url?: URL): CouncilPage {
  const page = readWebPage(doc, url);
  return { document: page.facts, passages: page.passages() };
}

/**
 * Which passages are the document's own text. Where the product marks its
 * text (SessionNet's Word export, ALLRIS's document parts and anchors), those
 * passages and the Betreff; elsewhere every passage that reads as prose,
 * outside menus, headers, footers and label cells. Also used for rescans of
 * parts of a page.
 */
export function motionTextFilter(
  doc: Document,
  system: CouncilSystem | undefined,
  facts: DocumentFacts,
): (p: PassageBlock) => boolean {
  const isText = system?.documentText(doc);
  if (isText) {
    // The Betreff counts too, where the page first prints it (whole, or split
    // by a line break); later copies (a document's family table) do not.
    // Decided by where a passage stands, not by what was asked before: the same passage gets the same
    // answer on every scan (a rescan, the notes' second reading of the page).
    const title = facts.title;
    let firstCopy: Element | undefined;
    const after = (a: Element, b: Element) => a !== b && (b.compareDocumentPosition(a) & 4) /* FOLLOWING */ !== 0;
    const isTitle = (p: PassageBlock) => {
      if (title === undefined || !isProse(p)) return false;
      const block = p.blocks[0] as Element;
      if (p.text === title && (!firstCopy || after(firstCopy, block))) firstCopy = block;
      if (firstCopy && after(block, firstCopy)) return false;
      return p.text === title || (p.text.length >= 30 && title.includes(p.text));
    };
    return (p) => (isText(p.blocks[0] as Element) && !inChrome(p.blocks[0] as Element)) || isTitle(p);
  }
  return (p) => isProse(p) && !inChrome(p.blocks[0] as Element);
}

export { readFacts };
