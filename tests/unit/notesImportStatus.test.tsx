// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { h, render } from 'preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AllNotes } from '@/components/notes/AllNotes';
import { db } from '@/components/notes/db';
import de from '../../locales/de.json';

vi.mock('@/components/i18n', () => import('./catalogueI18n'));

const FILE = JSON.stringify({ format: 'ratsmarker-notes', version: 1, notes: [] });

let root: HTMLElement;
beforeAll(async () => {
  await db.open();
});
beforeEach(async () => {
  await db.notes.clear();
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => {
  render(null, root);
});

/** Chooses a file in the notebook's import field, as the file dialog does; it reads once `ready` resolves. */
function choose(name: string, text: string, ready: Promise<void> = Promise.resolve()) {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no import field');
  const file = new File([text], name);
  file.text = () => ready.then(() => text);
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  input.dispatchEvent(new Event('change'));
}
const status = () => root.querySelector('[data-testid="import-status"]')?.textContent ?? '';

describe('importing notes in the notebook', () => {
  it('says at once that the file is being imported, then what the import did', async () => {
    render(h(AllNotes, { packs: [] }), root);
    // The live region is there before its first message, so that a screen reader reads that message out.
    await vi.waitFor(() => expect(root.querySelector('[role="status"][data-testid="import-status"]')).not.toBeNull());
    choose('alt.json', '{"format":"ratsmarker-notes","version":1,"notes":[{"id":');
    // The first import loads the notebook's code: given time on a loaded machine.
    await vi.waitFor(() => expect(status()).toMatch(/^Import fehlgeschlagen/), { timeout: 10_000 });
    let read: () => void = () => undefined;
    choose('notizen.json', FILE, new Promise<void>((resolve) => (read = resolve)));
    // The answer of the import before does not stand for this one while it runs (a big file takes seconds).
    await vi.waitFor(() => expect(status()).toBe(de.popupImporting.message.replace('$NAME$', 'notizen.json')));
    // One import at a time.
    expect(root.querySelector<HTMLInputElement>('input[type="file"]')?.disabled).toBe(true);
    read();
    await vi.waitFor(() => expect(status()).toBe('Import: 0 neu, 0 aktualisiert, 0 übersprungen.'));
    await vi.waitFor(() => expect(root.querySelector<HTMLInputElement>('input[type="file"]')?.disabled).toBe(false));
  });
});
