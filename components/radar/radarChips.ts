import { el, styleElement } from '../content/dom';
import { PALETTE } from '../content/palette';

/** One chip: a measure the item's documents touch. */
export interface RadarChip {
  /** "KW21 · Z. 7–8" */
  short: string;
  /** Spoken name: "KW21 Z. 7–8, berührt in 2 Stellen" */
  spoken: string;
  colour: number;
}

const CSS = `
:host { all: initial; display: inline; }
span.wrap { font: 12px/1.3 system-ui, sans-serif; display: inline-flex; flex-wrap: wrap; gap: 4px; margin-left: 6px; vertical-align: baseline; }
button {
  font: 600 12px/1.2 system-ui, sans-serif; display: inline-flex; align-items: center; gap: 4px;
  padding: 2px 8px; border-radius: 999px; cursor: pointer; border: 1px solid #5b6b60; background: #f4f7f4; color: #1b2a20;
}
button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
.dot { width: 8px; height: 8px; border-radius: 50%; display: inline-block; }
.state { font-style: italic; color: #4b5a50; }
@media (prefers-color-scheme: dark) { button { background: #26322a; color: #eef4ef; border-color: #8fa596; } .state { color: #b9c7bd; } }
`;

/**
 * The radar's mark in an agenda row: a chip per touched measure, or a short
 * state ("wird geprüft …", "nicht geprüft: …"). Closed shadow root; a chip
 * opens its card only on a trusted click or key press.
 */
export function createRadarChips(
  doc: Document,
  cell: Element,
  onOpen: (chip: number, button: HTMLButtonElement) => void,
) {
  const host = el(doc, 'span', { attrs: { 'data-ratsmarker-ui': 'radar-chips' } });
  const root = host.attachShadow({ mode: 'closed', delegatesFocus: true });
  const wrap = el(doc, 'span', { class: 'wrap' });
  root.append(styleElement(doc, CSS), wrap);
  cell.append(host);
  return {
    host,
    /** A state instead of chips: checking, not checked (and why), no document. */
    showState(text: string) {
      wrap.replaceChildren(el(doc, 'span', { class: 'state', text }));
    },
    showChips(chips: readonly RadarChip[]) {
      wrap.replaceChildren(
        ...chips.map((chip, i) => {
          const dot = el(doc, 'span', { class: 'dot', attrs: { 'aria-hidden': 'true' } });
          dot.style.background = PALETTE[chip.colour % PALETTE.length]?.line ?? '#888';
          const button = el(
            doc,
            'button',
            {
              attrs: { type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-label': chip.spoken },
            },
            [dot, el(doc, 'span', { text: chip.short })],
          );
          button.addEventListener('click', (e) => {
            if (e.isTrusted) onOpen(i, button);
          });
          return button;
        }),
      );
    },
    clear() {
      wrap.replaceChildren();
    },
  };
}
