import { el, styleElement } from '../content/dom';

/** The words of the radar's panel, in the reader's language. */
export interface RadarPanelStrings {
  /** "Ratsmarker-Radar" */
  heading: string;
  /** "12 von 27 geprüft" */
  progress(done: number, total: number): string;
  /** "4 von 27 Tagesordnungspunkten berühren KW21" */
  summary(touched: number, total: number, codes: string): string;
  /** "Springen zu TOP 5: Titel" */
  jump(number: string, title: string): string;
  /** "Sitzungsvorbereitung exportieren" */
  exportBriefing: string;
}

export interface TouchedItem {
  number: string;
  title: string;
  row: Element;
}

const CSS = `
:host { all: initial; display: block; }
section {
  font: 14px/1.45 system-ui, sans-serif; color: #1b2a20; background: #f4f7f4; border: 1px solid #9aa99f;
  border-radius: 8px; padding: 8px 12px; margin: 8px 0;
}
h2 { font-size: 15px; margin: 0 0 4px; }
p { margin: 0 0 4px; }
ul { margin: 4px 0; padding-left: 1.2em; }
button { font: inherit; padding: 3px 10px; border-radius: 6px; border: 1px solid #5b6b60; background: #fff; color: inherit; cursor: pointer; }
.jump { border: 0; background: none; padding: 0; text-decoration: underline; color: #14532d; text-align: left; }
button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  section { background: #1e2621; color: #eef4ef; border-color: #55655a; }
  button { background: #26322a; border-color: #8fa596; }
  .jump { color: #9be3b4; background: none; }
}
`;

/**
 * The radar's panel above the agenda: a progress line while documents are
 * read, then how many items touch the active packs, with a jump to each and
 * the briefing export. In a closed shadow root, so the page's scripts can
 * neither read which packs are active nor press its buttons; its handlers
 * act on trusted events only.
 */
export function createRadarPanel(
  doc: Document,
  before: Element,
  strings: RadarPanelStrings,
  actions: { exportBriefing(): void },
) {
  const host = el(doc, 'div', { attrs: { 'data-ratsmarker-ui': 'radar' } });
  const root = host.attachShadow({ mode: 'closed' });
  const progress = el(doc, 'p', { attrs: { role: 'status' } });
  const summary = el(doc, 'p');
  const list = el(doc, 'ul');
  const exportButton = el(doc, 'button', { text: strings.exportBriefing, attrs: { type: 'button' } });
  exportButton.addEventListener('click', (e) => {
    if (e.isTrusted) actions.exportBriefing();
  });
  const section = el(doc, 'section', { attrs: { 'aria-label': strings.heading } }, [
    el(doc, 'h2', { text: strings.heading }),
    progress,
    summary,
    list,
    exportButton,
  ]);
  root.append(styleElement(doc, CSS), section);
  before.parentNode?.insertBefore(host, before);

  return {
    host,
    /** The closed root, for the content script's own use (the briefing's download link stands in it). */
    root,
    setProgress(done: number, total: number) {
      progress.textContent = strings.progress(done, total);
    },
    /** The items that touch a measure, in agenda order, with the packs' codes ("KW21"). */
    setSummary(touched: readonly TouchedItem[], total: number, codes: string) {
      summary.textContent = strings.summary(touched.length, total, codes);
      list.replaceChildren(
        ...touched.map((item) => {
          const jump = el(doc, 'button', {
            class: 'jump',
            text: strings.jump(item.number, item.title),
            attrs: { type: 'button' },
          });
          jump.addEventListener('click', (e) => {
            if (!e.isTrusted) return;
            item.row.scrollIntoView({ block: 'center' });
            // The row's first chip takes the focus, so a keyboard reader lands where the eye does.
            (item.row.querySelector('[data-ratsmarker-ui="radar-chips"]') as HTMLElement | null)?.focus();
          });
          return el(doc, 'li', {}, [jump]);
        }),
      );
    },
    remove() {
      host.remove();
    },
  };
}
