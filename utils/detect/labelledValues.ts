import { nextInDocument } from '../dom/nextInDocument';
import { visibleText } from '../dom/visibleText';

// On the fixture pages of SessionNet and ALLRIS the last label stands at the
// 230th candidate element at most (of up to 372 on the page); past a thousand
// a long document's spans only cost time (25 ms for 3,000 on a 5 MB page).
const MAX_CANDIDATES = 1_000;
// As HTML documents write tag names; XHTML ones (lower case) are read as the same.
const CANDIDATE_TAGS = new Set([
  'TD',
  'DT',
  'DIV',
  'SPAN',
  'STRONG',
  'B',
  'LABEL',
  'td',
  'dt',
  'div',
  'span',
  'strong',
  'b',
  'label',
]);

/** Whether the text under `el` is longer than `limit` characters, reading no more of it than that. */
function textLongerThan(el: Element, limit: number): boolean {
  let length = 0;
  for (let n = nextInDocument(el, el); n; n = nextInDocument(n, el)) {
    if (n.nodeType !== 3) continue;
    length += (n as Text).data.length;
    if (length > limit) return true;
  }
  return false;
}

/**
 * The label/value pairs of a page's metadata block, as council systems print
 * them: `<td>Betreff:</td><td>…</td>`, `<dt>Status:</dt><dd>…</dd>`, or SessionNet's
 * `<div class="smc-cell-head">Vorlage</div><div>…</div>`. Keys are lower case
 * without the colon; the first value of a label wins.
 */
export function labelledValues(root: ParentNode, labels: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  // Column headers (<th>) name a column, not a value beside them. Metadata
  // stands at the top of a page: a long document's thousands of spans further
  // down are not read. A walker, not querySelectorAll, which built the list of
  // every span of a 5 MB document before the first was looked at; a plain walk, not a TreeWalker with a
  // filter, which the browser calls back for every element (see nextInDocument.ts).
  let seen = 0;
  for (let n = nextInDocument(root as Node, root as Node); n; n = nextInDocument(n, root as Node)) {
    if (n.nodeType !== 1 || !CANDIDATE_TAGS.has((n as Element).localName)) continue;
    const el = n as Element;
    if (++seen > MAX_CANDIDATES) break;
    // Labels are short leaves; a cheap look at the raw text first, since most
    // elements of a long document are not (and the text of a wrapper is the whole document).
    if (el.children.length > 1 || textLongerThan(el, 80)) continue;
    const raw = visibleText(el);
    if (raw.length > 40) continue;
    const key = raw.replace(/:$/, '').trim().toLowerCase();
    if (!labels.has(key) || out.has(key)) continue;
    const value = valueAfter(el);
    if (value) out.set(key, value);
  }
  return out;
}

function valueAfter(label: Element): string | undefined {
  for (let sib = label.nextElementSibling; sib; sib = sib.nextElementSibling) {
    const text = visibleText(sib);
    if (text) return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  }
  // ALLRIS puts some values in the next table row.
  const row = label.closest('tr');
  const next = row?.nextElementSibling;
  const text = next ? visibleText(next) : '';
  return text && text.length <= 300 ? text : undefined;
}
