import { attachRoot, dropUntrustedClicks, el, styleElement } from './dom';
import { PALETTE } from './palette';

export interface BadgeMeasure {
  /** "KW21 · Z. 7–8" */
  short: string;
  /** "KW21 Z. 7–8" */
  spoken: string;
  terms: string[];
  colour: number;
}

// The pill's padding and border stand outside its line (negative margins of the same size, and a line height of
// 1): a badge never makes the line it ends taller. A taller line moved everything below it, and the browser then
// pre-painted the whole page again: 45–53 ms on a 5 MB page for 20 badges, 9–11 ms when nothing moves (traces).
const CSS = `
:host { all: initial; display: inline; }
button {
  font: 600 0.75em/1 system-ui, sans-serif; display: inline-flex; align-items: center; gap: 0.35em;
  margin: calc(-0.15em - 1px) 0 calc(-0.15em - 1px) 0.4em; padding: 0.15em 0.5em; border-radius: 999px;
  cursor: pointer; vertical-align: baseline; border: 1px solid #5b6b60; background: #f4f7f4; color: #1b2a20;
}
button:hover { background: #e4ece6; }
button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
.dot { width: 0.65em; height: 0.65em; border-radius: 50%; display: inline-block; }
.sep { opacity: 0.5; }
.count { font-weight: 700; }
.faction { font-weight: 700; padding: 0 0.3em; border: 1px dashed currentColor; border-radius: 0.6em; }
@media (prefers-color-scheme: dark) { button { background: #26322a; color: #eef4ef; border-color: #8fa596; } button:hover { background: #324137; } }
`;

/**
 * The small button at the end of a matched passage. A real, focusable button
 * with an accessible name, because CSS highlights are invisible to screen
 * readers and take no clicks.
 */
export function createBadge(
  doc: Document,
  measures: readonly BadgeMeasure[],
  label: (spoken: string, terms: string) => string,
) {
  const host = el(doc, 'span', { attrs: { 'data-ratsmarker-ui': 'badge' } });
  const root = attachRoot(host);
  const button = el(doc, 'button', {
    attrs: {
      type: 'button',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
      'aria-label': measures.map((m) => label(m.spoken, m.terms.join(', '))).join('; '),
    },
  });
  measures.forEach((m, i) => {
    if (i > 0) button.append(el(doc, 'span', { class: 'sep', text: '|', attrs: { 'aria-hidden': 'true' } }));
    const dot = el(doc, 'span', { class: 'dot', attrs: { 'aria-hidden': 'true' } });
    dot.style.background = PALETTE[m.colour % PALETTE.length]?.line ?? '#888';
    button.append(dot, el(doc, 'span', { text: m.short }));
  });
  // First listener on the button: whoever adds the click handler that opens the card gets trusted clicks only.
  dropUntrustedClicks(button);
  root.append(styleElement(doc, CSS), button);
  const baseLabel = button.getAttribute('aria-label') ?? '';
  let markers: HTMLElement[] = [];
  /**
   * Shows how many notes the passage has: the reader's own (✎) and colleagues'
   * (⚑, in a dashed frame), each a marker of its own shape, and both in the accessible name.
   */
  const setNotes = (count: number, spoken: string, faction?: { count: number; spoken: string }) => {
    for (const m of markers) m.remove();
    markers = [];
    const colleagues = faction?.count ?? 0;
    button.setAttribute(
      'aria-label',
      [baseLabel, count > 0 ? spoken : '', colleagues > 0 ? faction?.spoken : ''].filter(Boolean).join('; '),
    );
    if (count > 0)
      markers.push(el(doc, 'span', { class: 'count', text: `✎ ${count}`, attrs: { 'aria-hidden': 'true' } }));
    if (colleagues > 0)
      markers.push(el(doc, 'span', { class: 'faction', text: `⚑ ${colleagues}`, attrs: { 'aria-hidden': 'true' } }));
    button.append(...markers);
  };
  return { host, root, button, setNotes };
}
