import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { CouncilPageModel } from './councilPage';
import { expect, extensionIdOf, launchExtension, test } from './fixtures';

const MOTION = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711';
const NOTE = 'Mit der Fraktion abstimmen: Jugendaustausch 2025 – Haushaltsmittel?';

async function takeNoteOnToulouse(page: Page, text = NOTE) {
  const rm = new CouncilPageModel(page);
  await rm.waitForScan();
  await rm.badge(/^KW21 Z\. 7–8/).click();
  const card = rm.card();
  await card.getByRole('button', { name: /Notiz zu dieser Stelle|Note on this passage/ }).click();
  await card.getByRole('textbox', { name: /^(Notiz|Note)$/ }).fill(text);
  await card.getByRole('textbox', { name: /Schlagworte|Tags/ }).fill('Haushalt, Jugend');
  await card.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  await expect(card.getByRole('status')).toHaveText(/Notiz gespeichert|Note saved/);
}

/** The note marker on the Toulouse badge, as its accessible name and visible count say. */
async function expectNoteMarker(page: Page, count: number) {
  const badge = new CouncilPageModel(page).badge(/^KW21 Z\. 7–8/);
  await expect(badge).toHaveAccessibleName(new RegExp(`${count} (Notiz|note)`));
  await expect(badge.locator('.count')).toHaveText(`✎ ${count}`);
}

test('a note taken on a passage shows in the popup and finds its passage again after a reload', async ({
  openCouncilPage,
  openPopup,
}) => {
  const page = await openCouncilPage(MOTION);
  await takeNoteOnToulouse(page);
  await expectNoteMarker(page, 1);

  const popup = await openPopup(page);
  const note = popup.getByTestId('note').filter({ hasText: NOTE });
  await expect(note).toBeVisible();
  await expect(note).toContainText('Toulouse');
  await expect(note).toContainText('KW21-7');
  await expect(note).toContainText('#Haushalt #Jugend');

  await page.reload();
  await new CouncilPageModel(page).waitForScan();
  await expectNoteMarker(page, 1);
});

test('the same document at another URL finds its notes, also after a small change; a rewritten passage keeps its note as no longer found', async ({
  openCouncilPage,
  openPopup,
}) => {
  const page = await openCouncilPage(MOTION);
  await takeNoteOnToulouse(page);

  await page.goto('http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/druck/vo0050.asp?__kvonr=4711');
  await new CouncilPageModel(page).waitForScan();
  await expectNoteMarker(page, 1);

  await page.goto('http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/neu/vo0050.asp?__kvonr=4711');
  await new CouncilPageModel(page).waitForScan();
  const popup = await openPopup(page);
  const note = popup.getByTestId('note').filter({ hasText: NOTE });
  await expect(note).toBeVisible();
  await expect(note).toContainText(/nicht mehr gefunden|no longer found/);
});

test('page notes: add, edit, delete and undo in the popup; search and filters in all notes', async ({
  openCouncilPage,
  openPopup,
}) => {
  const page = await openCouncilPage(MOTION);
  await takeNoteOnToulouse(page);
  const popup = await openPopup(page);
  await popup
    .getByRole('textbox', { name: /Notiz zu dieser Seite|Note on this page/ })
    .fill('Im Ausschuss am 11.04. nachfragen');
  await popup.getByRole('button', { name: /Notiz speichern|Save note/ }).click();
  const written = popup.getByTestId('note').filter({ hasText: 'Im Ausschuss am 11.04. nachfragen' });
  await expect(written).toContainText(/Seitennotiz|Page note/);
  // While edited, the note's text stands in a text field: find the note by its id.
  const pageNote = popup.locator(`[data-note-id="${await written.getAttribute('data-note-id')}"]`);

  await pageNote.getByRole('button', { name: /Bearbeiten|Edit/ }).click();
  await pageNote.getByRole('textbox', { name: /^(Notiz|Note)$/ }).fill('Im Ausschuss am 11.04. nach den Kosten fragen');
  await pageNote.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  const edited = popup.getByTestId('note').filter({ hasText: 'nach den Kosten fragen' });
  await expect(edited).toBeVisible();

  await edited.getByRole('button', { name: /Löschen|Delete/ }).click();
  await expect(edited).toHaveCount(0);
  await popup.getByRole('button', { name: /Rückgängig|Undo/ }).click();
  await expect(popup.getByTestId('note').filter({ hasText: 'nach den Kosten fragen' })).toBeVisible();

  await popup.getByRole('button', { name: /Alle Notizen|All notes/ }).click();
  await expect(popup.getByTestId('notes-total')).toHaveText(/2/);
  await popup.getByRole('searchbox').fill('kosten');
  await expect(popup.getByTestId('note')).toHaveCount(1);
  await popup.getByRole('searchbox').fill('');
  await popup.getByRole('combobox', { name: /Alle Maßnahmen|All measures/ }).selectOption('KW21-7');
  await expect(popup.getByTestId('note')).toHaveCount(1);
  await expect(popup.getByTestId('note')).toContainText(NOTE);
});

test('search answers from the stored search index, and follows notes changed in the popup and on the page', async ({
  openCouncilPage,
  openPopup,
}) => {
  const page = await openCouncilPage(MOTION);
  await takeNoteOnToulouse(page);
  const popup = await openPopup(page);
  await popup.getByRole('button', { name: /Alle Notizen|All notes/ }).click();
  await popup.waitForFunction(() => performance.getEntriesByName('ratsmarker:search-index-ready').length > 0);
  // The index is kept beside the notes for the next time the popup opens.
  const stored = await popup.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('ratsmarker');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('searchCache').objectStore('searchCache').get('index');
          get.onsuccess = () => {
            resolve((get.result as { index?: { ids: string[] } } | undefined)?.index?.ids.length ?? -1);
            open.result.close();
          };
        };
      }),
  );
  expect(stored).toBe(1);
  const search = popup.getByRole('searchbox');
  await search.fill('fraktion');
  await expect(popup.getByTestId('note')).toHaveCount(1);

  // Edited in the popup: the index is built anew, and the search sees the new words, not the old.
  const note = popup.getByTestId('note').first();
  await note.getByRole('button', { name: /Bearbeiten|Edit/ }).click();
  await note.getByRole('textbox', { name: /^(Notiz|Note)$/ }).fill('Städtepartnerschaft: Kosten klären');
  await note.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  await expect(popup.getByTestId('note')).toHaveCount(0);
  await search.fill('kosten');
  await expect(popup.getByTestId('note')).toHaveCount(1);

  // Taken on the page (through the background) while the popup stays open on a search: it shows up.
  await search.fill('toulouse');
  await expect(popup.getByTestId('note')).toHaveCount(1);
  await page.bringToFront();
  // The card of the first note is still open: close it, and the badge opens it afresh.
  await page.keyboard.press('Escape');
  await expect(new CouncilPageModel(page).card()).toHaveCount(0);
  await takeNoteOnToulouse(page, 'Toulouse: Besuch der Delegation vorbereiten');
  await popup.bringToFront();
  await expect(popup.getByTestId('note')).toHaveCount(2);
  await expect(popup.getByTestId('notes-total')).toHaveText(/\b2\b/);
});

test('export in four formats, and import into a fresh profile', async ({ openCouncilPage, openPopup, port }) => {
  const page = await openCouncilPage(MOTION);
  await takeNoteOnToulouse(page);
  const popup = await openPopup(page, '#notes');
  await expect(popup.getByTestId('notes-total')).toHaveText(/1/);

  const files: Record<string, string> = {};
  for (const format of ['Markdown', 'CSV', 'JSON', 'Web Annotation']) {
    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: format, exact: true }).click();
    const d = await download;
    files[format] = readFileSync(await d.path(), 'utf8');
    expect(d.suggestedFilename()).toMatch(/^ratsmarker-notizen-\d{4}-\d{2}-\d{2}\.(md|csv|json|jsonld)$/);
  }
  expect(files.Markdown).toContain('AIF/012/2024');
  expect(files.Markdown).toContain('> ');
  expect(files.Markdown).toContain('KW21-7 (KW21, Z. 7–8)');
  expect(files.Markdown).toContain(NOTE);

  expect(files.CSV?.startsWith('\uFEFF')).toBe(true);
  // Column names follow the browser's language; the columns' order does not.
  const csv = Papa.parse<string[]>((files.CSV as string).slice(1), { skipEmptyLines: true });
  expect(csv.data).toHaveLength(2);
  expect(csv.data[0]?.[7]).toMatch(/^(Notiz|Note)$/);
  expect(csv.data[1]?.[7]).toBe(NOTE);
  expect(csv.data[1]?.[6]).toBe('KW21, Z. 7–8');

  const json = JSON.parse(files.JSON as string);
  expect(json.format).toBe('ratsmarker-notes');
  expect(json.notes).toHaveLength(1);

  const anno = JSON.parse(files['Web Annotation'] as string);
  expect(anno['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  // The passage as a SpecificResource found by its quote (tests/unit/webAnnotation.test.ts runs the W3C suite).
  expect(anno.first.items[0].target).toMatchObject({
    type: 'SpecificResource',
    selector: { type: 'TextQuoteSelector' },
  });

  // A fresh profile: nothing there until the JSON is imported.
  const fresh = await launchExtension(port);
  try {
    const id = await extensionIdOf(fresh);
    const other = await fresh.newPage();
    await other.goto(`chrome-extension://${id}/popup.html#notes`);
    await expect(other.getByTestId('notes-total')).toHaveText(/Noch keine Notizen|No notes yet/);
    await other
      .locator('input[type="file"]')
      .setInputFiles({ name: 'notizen.json', mimeType: 'application/json', buffer: Buffer.from(files.JSON as string) });
    await expect(other.getByTestId('import-status')).toHaveText(
      /1 (neu|added), 0 (aktualisiert|updated), 0 (übersprungen|skipped)/,
    );
    await expect(other.getByTestId('note').filter({ hasText: NOTE })).toBeVisible();
    // A broken file changes nothing and says why.
    await other.locator('input[type="file"]').setInputFiles({
      name: 'kaputt.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"ratsmarker-notes","version":1,"notes":[{"id":'),
    });
    await expect(other.getByTestId('import-status')).toHaveText(/Import fehlgeschlagen|Import failed/);
    await expect(other.getByTestId('notes-total')).toHaveText(/1/);
    // And the imported note finds its passage on the page.
    const again = await fresh.newPage();
    await again.goto(MOTION);
    await new CouncilPageModel(again).waitForScan();
    await expectNoteMarker(again, 1);
  } finally {
    await fresh.close();
  }
});
