import { attachRoot, dropUntrustedClicks, el, onTrustedClick, styleElement } from './dom';
import { PALETTE } from './palette';

export interface CardMeasure {
  label: string;
  /** "KW21, Z. 7–8" */
  reference: string;
  text: string;
  heading?: string;
  terms: string[];
  colour: number;
  /** "KW21 Internationale Zusammenarbeit · Kreisvorstand · 05.02.2020" */
  source: string;
  /** The meeting radar: the passages of a document that touch the measure, each with a link into the document. */
  passages?: readonly { quote: string; href: string; linkText: string }[];
}

export interface CardStrings {
  title: string;
  matchedOn: string;
  resolution: string;
  close: string;
  note: string;
  notes: string;
  noteText: string;
  noteTags: string;
  save: string;
  cancel: string;
  saved: string;
  saveFailed: string;
  /** "Mit der Fraktion teilen" */
  share: string;
  /** "Notizen der Fraktion" */
  factionNotes: string;
}

/** A colleague's note on the passage (from the faction's database): read only. */
export interface CardColleagueNote {
  text: string;
  tags: readonly string[];
  /** "Anna Beispiel · 01.12.2026" */
  byline: string;
  /** "bearbeitet von Bernd B., 01.12.2026": a colleague changed the text. */
  edited?: string;
}

/** Notes on the passage, and how to save a new one. */
export interface CardNotes {
  /** The reader's own notes. */
  existing: readonly { text: string; tags: readonly string[]; edited?: string }[];
  /** Colleagues' notes, listed below the reader's own. */
  colleagues?: readonly CardColleagueNote[];
  /** The share switch and where it starts; absent when no faction is connected (no switch). */
  share?: { initial: boolean };
  save(text: string, tags: string[], shared?: boolean): Promise<void>;
}

const CSS = `
:host { all: initial; }
.card {
  position: absolute; box-sizing: border-box; width: min(26rem, calc(100vw - 16px)); max-height: 70vh; overflow: auto;
  font: 14px/1.45 system-ui, sans-serif; color: #1b2a20; background: #ffffff; border: 1px solid #9aa99f;
  border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.25); padding: 12px 14px; z-index: 2147483647;
}
.card:focus { outline: none; }
h2 { font-size: 15px; margin: 0 0 2px; display: flex; gap: 6px; align-items: center; }
.dot { width: 10px; height: 10px; border-radius: 50%; flex: none; }
.ref { margin: 0 0 6px; font-weight: 600; opacity: .8; }
blockquote { margin: 0 0 6px; padding: 4px 10px; border-left: 3px solid #9aa99f; }
.heading { margin: 0 0 2px; font-size: 12px; opacity: .75; }
.why, .source { margin: 0 0 6px; font-size: 13px; }
.passage blockquote { font-style: italic; border-left-color: #166534; }
.passage a { font-size: 13px; color: #14532d; }
section + section { border-top: 1px solid #d5ddd7; padding-top: 8px; margin-top: 8px; }
.close { position: absolute; top: 6px; right: 8px; border: 0; background: transparent; font-size: 20px; line-height: 1; cursor: pointer; color: inherit; padding: 2px 6px; }
.notes { margin: 8px 0; padding: 0; list-style: none; }
.notes li { border-left: 3px solid #166534; padding: 2px 8px; margin: 4px 0; white-space: pre-wrap; }
.notes small { display: block; opacity: .75; }
.notes.faction li { border-left: 3px dashed #1e3a8a; }
.notes .byline { font-weight: 600; opacity: .85; }
.share { display: flex; gap: 6px; align-items: center; font-size: 13px; }
.share input { margin: 0; }
form { display: grid; gap: 6px; margin-top: 8px; }
label { font-size: 13px; display: grid; gap: 2px; }
textarea, input { font: inherit; padding: 4px 6px; border-radius: 6px; border: 1px solid #9aa99f; background: inherit; color: inherit; }
textarea { min-height: 5em; resize: vertical; }
.row { display: flex; gap: 6px; }
.status { font-size: 13px; margin: 6px 0 0; }
.note, .row button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #5b6b60; background: #f4f7f4; cursor: pointer; color: inherit; }
button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { background: #1e2621; color: #eef4ef; border-color: #55655a; }
  .note { background: #26322a; border-color: #8fa596; }
  section + section { border-color: #3a463e; }
}
`;

const GAP = 8;

/** A note's text, its byline (colleagues' notes), who changed it (shared notes) and tags, as a list item. */
function noteItem(
  doc: Document,
  n: { text: string; tags: readonly string[]; byline?: string; edited?: string },
): HTMLLIElement {
  return el(doc, 'li', {}, [
    n.byline ? el(doc, 'small', { class: 'byline', text: n.byline }) : null,
    doc.createTextNode(n.text),
    n.edited ? el(doc, 'small', { class: 'edited', text: n.edited }) : null,
    n.tags.length > 0 ? el(doc, 'small', { text: n.tags.join(', ') }) : null,
  ]);
}

/** The passage's notes (the reader's, then colleagues'), and a button that opens a small editor in the card. */
function noteSection(doc: Document, notes: CardNotes, strings: CardStrings): Node[] {
  const out: Node[] = [];
  if (notes.existing.length > 0) {
    out.push(
      el(doc, 'h3', { class: 'heading', text: strings.notes }),
      el(
        doc,
        'ul',
        { class: 'notes' },
        notes.existing.map((n) => noteItem(doc, n)),
      ),
    );
  }
  const colleagues = notes.colleagues ?? [];
  if (colleagues.length > 0) {
    out.push(
      el(doc, 'h3', { class: 'heading', text: strings.factionNotes }),
      el(
        doc,
        'ul',
        { class: 'notes faction' },
        colleagues.map((n) => noteItem(doc, n)),
      ),
    );
  }
  const status = el(doc, 'p', { class: 'status', attrs: { role: 'status' } });
  const open = el(doc, 'button', { class: 'note', text: strings.note, attrs: { type: 'button' } });
  const text = el(doc, 'textarea', { attrs: { name: 'text', required: '' } });
  const tags = el(doc, 'input', { attrs: { name: 'tags', type: 'text', autocomplete: 'off' } });
  const save = el(doc, 'button', { text: strings.save, attrs: { type: 'submit' } });
  const cancel = el(doc, 'button', { text: strings.cancel, attrs: { type: 'button' } });
  // The share switch: only with a faction connected; a script's click neither turns it on nor off.
  const share = notes.share && el(doc, 'input', { attrs: { type: 'checkbox', name: 'shared' } });
  if (share) dropUntrustedClicks(share);
  const resetShare = () => {
    if (share && notes.share) share.checked = notes.share.initial;
  };
  resetShare();
  const form = el(doc, 'form', { attrs: { hidden: '' } }, [
    el(doc, 'label', {}, [el(doc, 'span', { text: strings.noteText }), text]),
    el(doc, 'label', {}, [el(doc, 'span', { text: strings.noteTags }), tags]),
    share ? el(doc, 'label', { class: 'share' }, [share, el(doc, 'span', { text: strings.share })]) : null,
    el(doc, 'div', { class: 'row' }, [save, cancel]),
  ]);
  onTrustedClick(open, () => {
    form.hidden = false;
    open.hidden = true;
    status.textContent = '';
    text.focus();
  });
  onTrustedClick(cancel, () => {
    form.hidden = true;
    open.hidden = false;
    open.focus();
  });
  // A submit event is trusted even when a script calls requestSubmit(): only a trusted click on save
  // (which Enter in a field also makes) arms the form, and the submit it causes disarms it.
  let armed = false;
  onTrustedClick(save, () => {
    armed = true;
  });
  // A trusted click on an incomplete form submits nothing: it arms nothing either.
  form.addEventListener(
    'invalid',
    () => {
      armed = false;
    },
    true,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!armed) return;
    armed = false;
    const value = text.value.trim();
    if (!value) return text.focus();
    save.disabled = true;
    notes
      .save(
        value,
        tags.value.split(',').map((t) => t.trim()),
        ...(share ? [share.checked] : []),
      )
      .then(
        () => {
          text.value = '';
          tags.value = '';
          resetShare();
          form.hidden = true;
          open.hidden = false;
          status.textContent = strings.saved;
          open.focus();
        },
        () => {
          status.textContent = strings.saveFailed;
        },
      )
      .finally(() => {
        save.disabled = false;
      });
  });
  // Keys typed into the editor belong to it, not to the page's shortcuts.
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') e.stopPropagation();
  });
  out.push(open, form, status);
  return out;
}

/**
 * Where the card goes: below the passage, else above it, else beside it; never
 * over the passage it describes. Coordinates are the page's (scroll included).
 */
export function placeCard(
  passage: { top: number; bottom: number; left: number; right: number },
  card: { width: number; height: number },
  viewport: { width: number; height: number; scrollX: number; scrollY: number },
): { top: number; left: number } {
  const left = Math.max(GAP, Math.min(passage.left, viewport.width - card.width - GAP));
  if (passage.bottom + GAP + card.height <= viewport.height)
    return { top: viewport.scrollY + passage.bottom + GAP, left: viewport.scrollX + left };
  if (passage.top - GAP - card.height >= 0)
    return { top: viewport.scrollY + passage.top - GAP - card.height, left: viewport.scrollX + left };
  if (passage.right + GAP + card.width <= viewport.width)
    return { top: viewport.scrollY + Math.max(GAP, passage.top), left: viewport.scrollX + passage.right + GAP };
  // No room anywhere on screen: below the passage, where scrolling reaches it.
  return { top: viewport.scrollY + passage.bottom + GAP, left: viewport.scrollX + left };
}

/** One card at a time, in its own shadow root, opened from a badge. */
export function createCardLayer(doc: Document) {
  let host: HTMLElement | undefined;
  let openFor: HTMLButtonElement | undefined;
  let cleanup: (() => void) | undefined;

  const close = (restoreFocus = true) => {
    cleanup?.();
    cleanup = undefined;
    host?.remove();
    host = undefined;
    if (openFor) {
      openFor.setAttribute('aria-expanded', 'false');
      if (restoreFocus) openFor.focus();
    }
    openFor = undefined;
  };

  const open = (
    button: HTMLButtonElement,
    passageRect: { top: number; bottom: number; left: number; right: number },
    measures: readonly CardMeasure[],
    strings: CardStrings,
    notes?: CardNotes,
  ) => {
    const reopen = openFor === button;
    close(false);
    if (reopen) return; // a second click on the same badge closes its card
    host = el(doc, 'div', { attrs: { 'data-ratsmarker-ui': 'card' } });
    const root = attachRoot(host);
    const card = el(doc, 'div', {
      class: 'card',
      attrs: { role: 'dialog', 'aria-label': strings.title, tabindex: '-1' },
    });
    const closeButton = el(doc, 'button', {
      class: 'close',
      text: '×',
      attrs: { type: 'button', 'aria-label': strings.close },
    });
    onTrustedClick(closeButton, () => close());
    card.append(closeButton);
    for (const m of measures) {
      const dot = el(doc, 'span', { class: 'dot', attrs: { 'aria-hidden': 'true' } });
      dot.style.background = PALETTE[m.colour % PALETTE.length]?.line ?? '#888';
      card.append(
        el(doc, 'section', {}, [
          el(doc, 'h2', {}, [dot, el(doc, 'span', { text: m.label })]),
          el(doc, 'p', { class: 'ref', text: m.reference }),
          m.heading ? el(doc, 'p', { class: 'heading', text: m.heading }) : null,
          el(doc, 'blockquote', { text: m.text }),
          el(doc, 'p', { class: 'why' }, [
            el(doc, 'strong', { text: `${strings.matchedOn}: ` }),
            doc.createTextNode(m.terms.join(', ')),
          ]),
          el(doc, 'p', { class: 'source' }, [
            el(doc, 'strong', { text: `${strings.resolution}: ` }),
            doc.createTextNode(m.source),
          ]),
          ...(m.passages ?? []).map((p) =>
            el(doc, 'div', { class: 'passage' }, [
              el(doc, 'blockquote', { text: p.quote }),
              el(doc, 'a', { text: p.linkText, attrs: { href: p.href, target: '_blank', rel: 'noopener' } }),
            ]),
          ),
        ]),
      );
    }
    if (notes) card.append(...noteSection(doc, notes, strings));
    root.append(styleElement(doc, CSS), card);
    host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;z-index:2147483647;';
    doc.documentElement.append(host);

    const view = doc.defaultView as Window;
    const size = card.getBoundingClientRect();
    const pos = placeCard(
      passageRect,
      { width: size.width, height: size.height },
      { width: view.innerWidth, height: view.innerHeight, scrollX: view.scrollX, scrollY: view.scrollY },
    );
    card.style.top = `${pos.top}px`;
    card.style.left = `${pos.left}px`;

    openFor = button;
    button.setAttribute('aria-expanded', 'true');
    card.focus();

    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close();
      }
    };
    const onPointer = (e: Event) => {
      const path = e.composedPath();
      if (host && !path.includes(host) && !path.includes(button)) close(false);
    };
    doc.addEventListener('keydown', onKey, true);
    doc.addEventListener('pointerdown', onPointer, true);
    cleanup = () => {
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('pointerdown', onPointer, true);
    };
  };

  return {
    open,
    close,
    get isOpen() {
      return host !== undefined;
    },
  };
}
