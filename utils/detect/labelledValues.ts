import { visibleText } from '../dom/visibleText';

/**
 * The label/value pairs of a page's metadata block, as council systems print
 * them: `<td>Betreff:</td><td>…</td>`, `<dt>Status:</dt><dd>…</dd>`, or SessionNet's
 * `<div class="smc-cell-head">Vorlage</div><div>…</div>`. Keys are lower case
 * without the colon; the first value of a label wins.
 */
const MAX_CANDIDATES = 3_000;

export function labelledValues(root: ParentNode, labels: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  // Column headers (<th>) name a column, not a value beside them. Metadata
  // stands at the top of a page: a long document's thousands of spans further
  // down are not read.
  let seen = 0;
  for (const el of root.querySelectorAll('td, dt, div, span, strong, b, label')) {
    if (++seen > MAX_CANDIDATES) break;
    // Labels are short leaves; a cheap look at the raw text first, since most
    // elements of a long document are not.
    if (el.children.length > 1 || (el.textContent?.length ?? 0) > 80) continue;
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
