import type { Page } from '@playwright/test';
import { CouncilPageModel } from './councilPage';
import { expect, test } from './fixtures';

// The motion, and the same document after its item 1 was rewritten (tests/e2e/server.ts, VARIANTS).
const MOTION = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711';
const REWRITTEN = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/neu/vo0050.asp?__kvonr=4711';
const NOTE = 'Partnerschaft Toulouse: Haushaltsmittel für den Jugendaustausch prüfen';

/** Selects, as a reader would with the mouse, the paragraph of the page that holds `words`. */
async function selectParagraphWith(page: Page, words: string) {
  const selected = await page.evaluate((w) => {
    const blocks = [...document.querySelectorAll('p, li, td, div')].filter((e) =>
      e.textContent?.replace(/\s+/g, ' ').includes(w),
    );
    const innermost = blocks.find((b) => !blocks.some((o) => o !== b && b.contains(o)));
    if (!innermost) return '';
    const range = document.createRange();
    range.selectNodeContents(innermost);
    const selection = getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, words);
  expect(selected.replace(/\s+/g, ' ')).toContain(words);
}

test('a note no longer found is re-attached to the passage the reader selects, and keeps its old quote', async ({
  openCouncilPage,
  openPopup,
}) => {
  const page = await openCouncilPage(MOTION);
  const rm = new CouncilPageModel(page);
  await rm.waitForScan();
  await rm.badge(/^KW21 Z\. 7–8/).click();
  await rm
    .card()
    .getByRole('button', { name: /Notiz zu dieser Stelle|Note on this passage/ })
    .click();
  await rm
    .card()
    .getByRole('textbox', { name: /^(Notiz|Note)$/ })
    .fill(NOTE);
  await rm
    .card()
    .getByRole('button', { name: /^(Speichern|Save)$/ })
    .click();
  await expect(rm.card().getByRole('status')).toHaveText(/Notiz gespeichert|Note saved/);

  // The same document, its item 1 rewritten: the note is kept and listed as no longer found.
  await page.goto(REWRITTEN);
  await rm.waitForScan();
  let popup = await openPopup(page);
  let note = popup.getByTestId('note').filter({ hasText: NOTE });
  await expect(note).toContainText(/nicht mehr gefunden|no longer found/);
  const oldQuote = (await note.locator('.note-quote').first().textContent()) ?? '';
  expect(oldQuote).toContain('Toulouse');

  // Without a selection on the page there is nothing to attach to: said so, nothing changes.
  await note.getByRole('button', { name: /Neu zuordnen|Re-attach/ }).click();
  await expect(note.getByRole('status')).toHaveText(/keine Stelle|Nothing of the document text/);

  // The reader selects the rewritten item on the page and re-attaches the note to it.
  await selectParagraphWith(page, 'Bauausschuss prüft die Sanierung der Brücke');
  await note.getByRole('button', { name: /Neu zuordnen|Re-attach/ }).click();
  await expect(note.getByRole('status')).toHaveText(/Notiz neu zugeordnet|Note re-attached/);
  await popup.close();

  // After a reload the note stands on its new passage (a note marker on it), no longer "not found".
  await page.reload();
  await rm.waitForScan();
  await expect(page.getByRole('button', { name: /1 (Notiz|note)/ })).toHaveCount(1);
  popup = await openPopup(page);
  note = popup.getByTestId('note').filter({ hasText: NOTE });
  await expect(note).toBeVisible();
  await expect(note).not.toContainText(/nicht mehr gefunden|no longer found/);
  await expect(note).toContainText('Bauausschuss prüft die Sanierung der Brücke');
  await expect(note).not.toContainText(/Neu zuordnen|Re-attach/);
  // Its history: the quote it was written on.
  await expect(note.locator('.note-history')).toContainText(/(Früher: „|Earlier: “).*Toulouse/);
});
