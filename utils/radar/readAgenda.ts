import { pdfLinksOf } from '@/utils/detect/pdfLinks';
import { visibleText } from '@/utils/dom/visibleText';

/**
 * The agenda of a meeting as the council system prints it: one entry per
 * agenda item (Tagesordnungspunkt), with the links that lead to its documents.
 * The meeting radar reads the documents behind these links; the agenda page
 * itself is only where the results are shown, next to `row`.
 */
export interface AgendaItem {
  /** The element that stands for the item on the page (its table row). */
  row: Element;
  /** The item's number as the agenda writes it, without the public/non-public mark ("2.1", "4.3a"). */
  number: string;
  /** Whether the agenda marks the item as non-public ("N 5"); undefined where it does not say. */
  public?: boolean;
  /** The item's subject (Betreff). */
  title: string;
  /** The cell that holds the subject: where the radar puts its chips. */
  titleCell: Element;
  /** The document's number as the agenda links it ("VIII/2026/02530", "22-2375"). */
  paperNumber?: string;
  /** The document's own page (SessionNet vo0050, ALLRIS vo020), absolute. */
  paperUrl?: string;
  /** Files linked from the item's row (PDFs), absolute. */
  fileUrls: string[];
}

export interface Agenda {
  /** Which agenda layout was read: the system and its page. */
  layout: 'sessionnet-si0057' | 'sessionnet-to0040' | 'allris-to010';
  items: AgendaItem[];
}

/** One agenda layout: how to find its item rows and read the parts of one row. */
interface AgendaLayout {
  id: Agenda['layout'];
  rows(doc: Document): Element[];
  number(row: Element): Element | null;
  title(row: Element): Element | null;
  paper(row: Element): HTMLAnchorElement | null;
}

const closestRows = (cells: Iterable<Element>): Element[] => {
  const rows: Element[] = [];
  for (const cell of cells) {
    const row = cell.closest('tr');
    if (row && rows.at(-1) !== row) rows.push(row);
  }
  return rows;
};

// SessionNet 5/6 (responsive layouts) si0057: one row per item with a number
// cell `tofnum`, a subject cell `tobetr` (the subject in its first div, the
// decision below it in a <p>), and the Vorlage link in `tovonr`/`tovo`.
const sessionnetSi0057: AgendaLayout = {
  id: 'sessionnet-si0057',
  rows: (doc) => closestRows(doc.querySelectorAll('td.tofnum')),
  number: (row) => row.querySelector('td.tofnum'),
  title: (row) => {
    const cell = row.querySelector('td.tobetr');
    return cell?.querySelector('.smc-card-header-title-simple, .smc-card-header-title, div') ?? cell;
  },
  paper: (row) => row.querySelector('td.tovonr a[href*="vo005"], td.tovo a[href*="vo005"], a[href*="vo0050"]'),
};

// SessionNet 4 (classic layout) to0040: item rows carry `smc_tophn` (number)
// and `smc_topht` (subject); result rows (`smc_tophz`) and group rows
// ("Öffentlicher Teil") have neither.
const sessionnetTo0040: AgendaLayout = {
  id: 'sessionnet-to0040',
  rows: (doc) => closestRows(doc.querySelectorAll('td.smc_tophn')),
  number: (row) => row.querySelector('td.smc_tophn'),
  title: (row) => row.querySelector('td.smc_topht'),
  paper: (row) => row.querySelector('a[href*="vo0050"]'),
};

// ALLRIS net 3 to010: table `tl1`, item rows `zl11`/`zl12`; the number ("Ö 2")
// in `td.text4`, the subject as a link to to020 (or plain text where the item
// only groups others, "Eingaben"), the Vorlage as a link to vo020.
const allrisTo010: AgendaLayout = {
  id: 'allris-to010',
  rows: (doc) => [...doc.querySelectorAll('table.tl1 tr.zl11, table.tl1 tr.zl12')],
  number: (row) => row.querySelector('td.text4'),
  title: (row) => {
    const linked = row.querySelector('a[href*="to020"]');
    if (linked) return linked;
    // No link: the widest text cell that is neither the number, a form, nor the Vorlage.
    const cells = [...row.querySelectorAll(':scope > td')].filter(
      (td) => !td.matches('.text4') && !td.querySelector('form, a[href*="vo020"]'),
    );
    return cells.sort((a, b) => (b.textContent ?? '').trim().length - (a.textContent ?? '').trim().length)[0] ?? null;
  },
  paper: (row) => row.querySelector('a[href*="vo020"]'),
};

const LAYOUTS: readonly AgendaLayout[] = [sessionnetSi0057, sessionnetTo0040, allrisTo010];

// "Ö 2.1", "N 5", "TOP 3.1 Nachtrag: 01.09.2026 *", "4.3a": a public/non-public
// letter, then the number; what follows the number (a note of a late
// addition) is not part of it.
const NUMBER = /^(?:TOP\s*)?(?:([ÖN])\s*)?(\d+(?:\.\d+)*[a-z]?)\b/i;

/** The item number and its public mark, from the number cell's text. */
export function parseItemNumber(text: string): { number: string; public?: boolean } {
  const clean = text.replace(/\s+/g, ' ').trim();
  const m = NUMBER.exec(clean);
  if (!m) return { number: clean };
  const mark = m[1]?.toUpperCase();
  return { number: m[2] ?? clean, public: mark === undefined ? undefined : mark === 'Ö' };
}

const oneLine = (el: Element | null): string => (el ? visibleText(el).replace(/\s+/g, ' ').trim() : '');

const absolute = (href: string | null, base: string): string | undefined => {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
};

/**
 * Whether the page holds an agenda of a layout Ratsmarker knows with at least
 * one item that links a document: what the content script asks on a meeting
 * page before it hands the page to the radar. Cheaper than `readAgenda`: it
 * reads no text and stops at the first item with a document.
 */
export function hasAgendaDocuments(doc: Document, base: string): boolean {
  for (const layout of LAYOUTS) {
    const rows = layout.rows(doc);
    if (rows.length === 0) continue;
    return rows.some((row) => layout.paper(row) !== null || pdfLinksOf(row, base).length > 0);
  }
  return false;
}

/**
 * Reads the agenda of a meeting page, or undefined when the page holds none of
 * the agenda layouts Ratsmarker knows. Items keep the page's order.
 */
export function readAgenda(doc: Document, base: string): Agenda | undefined {
  for (const layout of LAYOUTS) {
    const rows = layout.rows(doc);
    if (rows.length === 0) continue;
    const items: AgendaItem[] = [];
    for (const row of rows) {
      const numberText = oneLine(layout.number(row));
      const titleElement = layout.title(row);
      const title = oneLine(titleElement);
      if (!numberText && !title) continue;
      const paper = layout.paper(row);
      const paperNumber = paper ? oneLine(paper) || undefined : undefined;
      items.push({
        row,
        ...parseItemNumber(numberText),
        title,
        titleCell: titleElement?.closest('td, th') ?? row,
        paperNumber,
        paperUrl: absolute(paper?.getAttribute('href') ?? null, base),
        fileUrls: pdfLinksOf(row, base).map((l) => l.url),
      });
    }
    if (items.length > 0) return { layout: layout.id, items };
  }
  return undefined;
}
