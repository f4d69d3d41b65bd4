import type { Page } from '@playwright/test';
import { CouncilPageModel } from './councilPage';
import { expect, test } from './fixtures';

// The motion PDF, and its later version with item 1 rewritten (tests/e2e/server.ts, PDF_ROUTES): the same
// Drucksache, so the two share their notes.
const PDF = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/getfile.asp?id=231877&type=do';
const REWRITTEN = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/getfile.asp?id=231899&type=do';
const NOTE = 'Im PDF: Jugendaustausch mit Toulouse im Haushalt nachfragen';

const viewerUrl = (extensionId: string, pdf: string) =>
  `chrome-extension://${extensionId}/viewer.html?file=${encodeURIComponent(pdf)}`;

/** Selects, as a reader would with the mouse, the text layer from the line with `first` to the line with `last`. */
async function selectLines(page: Page, first: string, last: string) {
  const selected = await page.evaluate(
    ([a, b]) => {
      const spans = [...document.querySelectorAll('.textLayer span')];
      const from = spans.find((s) => s.textContent?.includes(a as string));
      const to = spans.find((s) => s.textContent?.includes(b as string));
      if (!from || !to) return '';
      const range = document.createRange();
      range.setStart(from, 0);
      range.setEnd(to, to.childNodes.length);
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    [first, last],
  );
  expect(selected).toContain(first);
  expect(selected).toContain(last);
}

test('a PDF note no longer found is re-attached to the passage the reader selects in the viewer, and keeps its old quote', async ({
  context,
  extensionId,
  openPopup,
}) => {
  const viewer = await context.newPage();
  await viewer.goto(viewerUrl(extensionId, PDF));
  const rm = new CouncilPageModel(viewer);
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

  // The later version of the same Drucksache: item 1 rewritten, the note is kept and listed as no longer found.
  await viewer.goto(viewerUrl(extensionId, REWRITTEN));
  await rm.waitForScan();
  await expect(viewer.locator('.textLayer').first()).toContainText('Bauausschuss');
  let popup = await openPopup(viewer);
  let note = popup.getByTestId('note').filter({ hasText: NOTE });
  await expect(note).toContainText(/nicht mehr gefunden|no longer found/);
  await expect(note.locator('.note-quote').first()).toContainText('Toulouse');

  // The reader selects the rewritten item in the viewer and re-attaches the note to it.
  await selectLines(viewer, '1. Der Bauausschuss', 'Sperrungen.');
  await note.getByRole('button', { name: /Neu zuordnen|Re-attach/ }).click();
  await expect(note.getByRole('status')).toHaveText(/Notiz neu zugeordnet|Note re-attached/);
  await popup.close();

  // After a reload the note stands on its new passage (a note badge on it, page 1), no longer "not found".
  await viewer.reload();
  await rm.waitForScan();
  await expect(viewer.getByRole('button', { name: /1 (Notiz|note)/ })).toHaveCount(1);
  popup = await openPopup(viewer);
  note = popup.getByTestId('note').filter({ hasText: NOTE });
  await expect(note).toBeVisible();
  await expect(note).not.toContainText(/nicht mehr gefunden|no longer found/);
  await expect(note).toContainText('Bauausschuss prüft die Sanierung der Brücke');
  // Its history: the quote it was written on.
  await expect(note.locator('.note-history')).toContainText(/(Früher: „|Earlier: “).*Toulouse/);
});
