// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBadge } from '@/components/content/badge';
import { createCardLayer } from '@/components/content/card';
import { addPdfButtons } from '@/components/content/pdfButtons';
import { loadTestMarks, resetTestMarks, shadowMode, testMarksOn } from '@/components/content/testMarks';
import { CARD_STRINGS } from './helpers/cardStrings';

/** A click the reader made (happy-dom, like a page's script, only makes untrusted ones). */
function trustedClick(target: Element) {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  target.dispatchEvent(e);
}

const STRINGS = CARD_STRINGS;
const MEASURE = {
  label: 'Städtefreundschaft mit Toulouse',
  reference: 'KW21, Z. 7–8',
  text: 'Die Städtefreundschaft mit Toulouse',
  terms: ['Toulouse'],
  colour: 0,
  source: 'KW21 · Kreisvorstand · 05.02.2020',
};

function badge() {
  const b = createBadge(
    document,
    [{ short: 'KW21 · Z. 7–8', spoken: 'KW21 Z. 7–8', terms: ['Toulouse'], colour: 0 }],
    (a) => a,
  );
  document.body.append(b.host);
  return b;
}

beforeEach(() => {
  resetTestMarks();
  document.body.innerHTML = '';
});
afterEach(() => resetTestMarks());

describe('the test switch (ratsmarker:testMarks)', () => {
  it('is on only for the value true, and off when the read fails', async () => {
    for (const [value, on] of [
      [true, true],
      ['true', false],
      [1, false],
      [null, false],
      [undefined, false],
      [{ value: true }, false],
    ] as const) {
      resetTestMarks();
      expect(await loadTestMarks(async () => value)).toBe(on);
      expect(testMarksOn()).toBe(on);
    }
    resetTestMarks();
    expect(await loadTestMarks(() => Promise.reject(new Error('no storage')))).toBe(false);
  });

  it('is read once per page', async () => {
    const read = vi.fn(async () => true);
    await Promise.all([loadTestMarks(read), loadTestMarks(read)]);
    await loadTestMarks(read);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('opens shadow roots only under the switch or in the extension’s own pages', async () => {
    const page = { location: { protocol: 'https:' } } as Document;
    expect(shadowMode(page)).toBe('closed');
    expect(shadowMode({ location: { protocol: 'chrome-extension:' } } as Document)).toBe('open');
    expect(shadowMode({ location: { protocol: 'moz-extension:' } } as Document)).toBe('open');
    await loadTestMarks(async () => true);
    expect(shadowMode(page)).toBe('open');
  });
});

describe('on a council page, without the switch', () => {
  it('the badge’s shadow root is closed and its note marker names no note', () => {
    const b = badge();
    b.setNotes(2, '2 Notizen');
    expect(b.host.shadowRoot).toBeNull();
    const names = [...b.root.querySelectorAll('*'), b.host].flatMap((e) => [...e.attributes].map((a) => a.name));
    expect(names).not.toContain('data-notes');
    expect(b.host.attributes).toHaveLength(1); // data-ratsmarker-ui="badge", nothing else
  });

  it('a script’s click on the badge does not reach the handler that opens the card; the reader’s does', () => {
    const b = badge();
    const open = vi.fn();
    b.button.addEventListener('click', open);
    b.button.click();
    b.host.click();
    b.button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(open).not.toHaveBeenCalled();
    trustedClick(b.button);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('the card is closed to the page; a script can neither open its editor nor save a note, the reader can', async () => {
    const b = badge();
    const save = vi.fn(async () => undefined);
    const cards = createCardLayer(document);
    cards.open(b.button, { top: 0, bottom: 10, left: 0, right: 10 }, [MEASURE], STRINGS, {
      existing: [{ text: 'Geheime Notiz', tags: [] }],
      save,
    });
    const host = document.querySelector('[data-ratsmarker-ui="card"]') as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
    cards.close();

    // With the switch on (open roots), the handlers still act only on trusted clicks.
    await loadTestMarks(async () => true);
    cards.open(b.button, { top: 0, bottom: 10, left: 0, right: 10 }, [MEASURE], STRINGS, {
      existing: [],
      save,
    });
    const open = document.querySelector('[data-ratsmarker-ui="card"]')?.shadowRoot as ShadowRoot;
    const noteButton = [...open.querySelectorAll('button')].find((x) => x.textContent === STRINGS.note) as HTMLElement;
    const form = open.querySelector('form') as HTMLFormElement;
    const text = open.querySelector('textarea') as HTMLTextAreaElement;
    const submit = open.querySelector('button[type="submit"]') as HTMLButtonElement;

    noteButton.click();
    expect(form.hidden).toBe(true);
    form.hidden = false; // a script may unhide it, and fill it
    text.value = 'Gefälscht';
    submit.click();
    form.requestSubmit();
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await Promise.resolve();
    expect(save).not.toHaveBeenCalled();
    const closeButton = open.querySelector('.close') as HTMLElement;
    closeButton.click();
    expect(cards.isOpen).toBe(true);

    form.hidden = true;
    trustedClick(noteButton);
    expect(form.hidden).toBe(false);
    text.value = 'Vom Leser';
    // The reader's click on save: its submit comes within the click.
    trustedClick(submit);
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('Vom Leser', ['']);
    // The arming lasts for that one submit.
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(save).toHaveBeenCalledTimes(1);
    trustedClick(closeButton);
    expect(cards.isOpen).toBe(false);
  });

  it('the PDF button sits in a closed root and opens the viewer for the reader’s click only', async () => {
    const link =
      '<p><a href="https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/getfile.asp?id=1&type=do">Antrag</a></p>';
    const open = vi.fn();
    const place = () =>
      addPdfButtons(document, 'https://ratsinfo.duesseldorf.de/', { text: 'Öffnen', label: (n) => n }, open);
    document.body.innerHTML = link;
    expect(place()).toBe(1);
    const closed = document.querySelector('[data-ratsmarker-ui="pdf"]') as HTMLElement;
    expect(closed.shadowRoot).toBeNull();
    closed.click();
    expect(open).not.toHaveBeenCalled();

    await loadTestMarks(async () => true);
    document.body.innerHTML = link;
    place();
    const button = document
      .querySelector('[data-ratsmarker-ui="pdf"]')
      ?.shadowRoot?.querySelector('button') as HTMLElement;
    button.click();
    expect(open).not.toHaveBeenCalled();
    trustedClick(button);
    expect(open).toHaveBeenCalledWith('https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/getfile.asp?id=1&type=do');
  });
});
