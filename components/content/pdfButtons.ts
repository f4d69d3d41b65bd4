import { pdfLinksOf } from '@/utils/detect/pdfLinks';
import { attachRoot, el, onTrustedClick, styleElement } from './dom';

const CSS = `
:host { all: initial; display: inline; }
button {
  font: 600 0.75em/1.2 system-ui, sans-serif; margin: 0 0 0 0.5em; padding: 0.15em 0.55em; border-radius: 999px;
  cursor: pointer; vertical-align: baseline; border: 1px solid #166534; background: #f0f7f2; color: #14532d;
}
button:hover { background: #dcefe2; }
button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { button { background: #1f3326; color: #dcefe2; border-color: #6fbf8a; } }
`;

/**
 * An "In Ratsmarker öffnen" button beside each link of the page that leads to
 * a council document's PDF (which a content script cannot reach inside the
 * browser's own PDF viewer). Returns how many it placed.
 */
export function addPdfButtons(
  doc: Document,
  base: string,
  strings: { text: string; label: (name: string) => string },
  open: (pdfUrl: string) => void,
): number {
  const links = pdfLinksOf(doc, base);
  for (const { element, url } of links) {
    const next = element.nextElementSibling;
    if (next?.getAttribute('data-ratsmarker-ui') === 'pdf') continue;
    const name = (element.textContent ?? '').replace(/\s+/g, ' ').trim() || url;
    const host = el(doc, 'span', { attrs: { 'data-ratsmarker-ui': 'pdf' } });
    const button = el(doc, 'button', {
      text: strings.text,
      attrs: { type: 'button', 'aria-label': strings.label(name) },
    });
    onTrustedClick(button, (e) => {
      // The link's own handlers (downloads, tooltips) stay out of it.
      e.preventDefault();
      e.stopPropagation();
      open(url);
    });
    attachRoot(host).append(styleElement(doc, CSS), button);
    element.after(host);
  }
  return links.length;
}
