import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CouncilPageModel } from './councilPage';
import { expect, test } from './fixtures';

const MOTION = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711';
const PDF_NOTE = 'Im PDF: Bürgerreise mit dem Partnerschaftsverein besprechen.';

/** The viewer showing a PDF from the test hosts. */
async function openViewer(page: Page, extensionId: string, pdfUrl: string) {
  await page.goto(`chrome-extension://${extensionId}/viewer.html?file=${encodeURIComponent(pdfUrl)}`);
  return new CouncilPageModel(page);
}

test('a PDF linked from a council page opens in Ratsmarker with highlights, cards and a note that the popup and the export know', async ({
  context,
  openCouncilPage,
  openPopup,
}) => {
  const page = await openCouncilPage(MOTION);
  await new CouncilPageModel(page).waitForScan();
  // One button per document, beside its text link (SessionNet also shows an icon link to the same file).
  await expect(page.getByRole('button', { name: /in Ratsmarker (öffnen|$)|^Open .* in Ratsmarker$/ })).toHaveCount(2);
  const open = page.getByRole('button', { name: /^(„Antrag“ in Ratsmarker öffnen|Open “Antrag” in Ratsmarker)$/ });
  const [viewer] = await Promise.all([context.waitForEvent('page'), open.click()]);
  const rm = new CouncilPageModel(viewer);
  await rm.waitForScan();
  expect(viewer.url()).toMatch(/\/viewer\.html\?file=.*getfile\.asp/);
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Drucksache 23/0815');
  await expect(viewer.getByRole('status')).toHaveText(/2 (Seiten|pages) · 2 (Treffer|matches)/);

  // The text layer is real text (selectable, findable), and the matched words are painted in it.
  await expect(viewer.locator('.textLayer').first()).toContainText('Eurocities');
  const painted = Object.values(await rm.highlightedTexts()).flat();
  expect(painted).toEqual(expect.arrayContaining(['Toulouse', 'Partner', 'stadt', 'Bürgerreise', 'Eurocities']));
  expect(painted).not.toContain('Bänke');
  // In the active pack's colour, and the viewer styles no other colour's highlights.
  expect(await rm.highlightFill(0)).toBe('rgba(255, 214, 10, 0.45)');
  expect(await rm.highlightFill(5)).toBe('rgba(0, 0, 0, 0)');
  await expect(rm.badges()).toHaveCount(2);

  // By keyboard: the badge is a button; its card names the measure, its lines and the resolution.
  const badge = rm.badge(/^KW21 Z\. 7–8/);
  await badge.focus();
  await viewer.keyboard.press('Enter');
  const card = rm.card();
  await expect(card).toContainText('Toulouse');
  await expect(card).toContainText('KW21, Z. 7–8');
  await expect(card).toContainText(/Kreisvorstand/);
  await card.getByRole('button', { name: /Notiz zu dieser Stelle|Note on this passage/ }).click();
  await card.getByRole('textbox', { name: /^(Notiz|Note)$/ }).fill(PDF_NOTE);
  await card.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  await expect(card.getByRole('status')).toHaveText(/Notiz gespeichert|Note saved/);
  await viewer.keyboard.press('Escape');
  await expect(card).toHaveCount(0);

  // After a reload the note finds its passage again.
  await viewer.reload();
  await rm.waitForScan();
  await expect(rm.badge(/^KW21 Z\. 7–8/)).toHaveAccessibleName(/1 (Notiz|note)/);

  // The popup reads the viewer's tab like a council page: the document, its measures, its notes.
  const popup = await openPopup(viewer);
  await expect(popup.getByTestId('page-document')).toContainText('Drucksache 23/0815');
  await expect(popup.getByRole('button', { name: /Toulouse|Städtepartnerschaft|Partnerschaft/ }).first()).toBeVisible();
  await expect(popup.getByTestId('note').filter({ hasText: PDF_NOTE })).toContainText('Toulouse');

  // And the export names the PDF's page.
  const notes = await openPopup(viewer, '#notes');
  const download = notes.waitForEvent('download');
  await notes.getByRole('button', { name: 'JSON', exact: true }).click();
  const json = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(json.notes).toHaveLength(1);
  expect(json.notes[0]).toMatchObject({
    text: PDF_NOTE,
    document: { number: '23/0815', site: 'ratsinfo.duesseldorf.de' },
    target: { page: 1 },
    measureIds: ['KW21-7'],
  });
  const md = notes.waitForEvent('download');
  await notes.getByRole('button', { name: 'Markdown', exact: true }).click();
  expect(readFileSync(await (await md).path(), 'utf8')).toMatch(/Toulouse.*\((Seite|Page) 1\)/);
});

test('the side panel lists the matches of a PDF with their page and margin lines, and jumps to one', async ({
  context,
  extensionId,
}) => {
  const panel = await context.newPage();
  const viewer = await context.newPage();
  const rm = await openViewer(
    viewer,
    extensionId,
    'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/getfile.asp?id=231877&type=do',
  );
  await rm.waitForScan();
  await viewer.bringToFront();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const group = panel.getByTestId('measure-group').filter({ hasText: 'KW21, Z. 7–8' });
  // The motion's own margin numbers are the passage's reference: item 1 stands on lines 5–7 of page 1.
  await expect(group).toContainText(/(S\. 1, Z\. 5–7|p\. 1, l\. 5–7)/);
  await group.getByRole('button').first().click();
  await expect(rm.badge(/^KW21 Z\. 7–8/)).toBeFocused();
});

test('the viewer says plainly what is wrong with a PDF it cannot read', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const base = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/pdf/';
  const cases: [string, RegExp][] = [
    ['scan.pdf', /keine Textebene|no text layer/],
    ['passwort.pdf', /passwortgeschützt|password-protected/],
    ['kaputt.pdf', /beschädigt|broken/],
    ['anmeldung.pdf', /keine PDF-Datei|not to a PDF|does not lead to a PDF/],
    ['fehlt.pdf', /HTTP 404/],
  ];
  for (const [file, message] of cases) {
    await openViewer(page, extensionId, base + file);
    await expect(page.getByRole('alert'), file).toHaveText(message);
  }
  // A site Ratsmarker may not read: the viewer offers to ask for it.
  await openViewer(page, extensionId, 'http://www.unbekannte-stadt.example/dokumente/antrag.pdf');
  await expect(page.getByRole('alert')).toHaveText(/www\.unbekannte-stadt\.example/);
  await expect(
    page.getByRole('button', { name: /Zugriff auf www\.unbekannte-stadt\.example|Allow access to/ }),
  ).toBeVisible();
  // Without an address it explains how to get a PDF in, and a file can be chosen.
  await page.goto(`chrome-extension://${extensionId}/viewer.html`);
  await expect(page.getByRole('alert')).toHaveText(/In Ratsmarker öffnen|Open in Ratsmarker/);
  await expect(page.getByLabel(/PDF-Datei wählen|Choose a PDF file/)).toBeAttached();
});

test('a PDF chosen from disk is read the same way', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/viewer.html`);
  const { plainPdf } = await import('../fixtures/pdf/makePdfs');
  await page.getByLabel(/PDF-Datei wählen|Choose a PDF file/).setInputFiles({
    name: 'vorlage.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(await plainPdf()),
  });
  const rm = new CouncilPageModel(page);
  await rm.waitForScan();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Beschlussvorlage 039\/26/);
  // The subject line and the paragraph both name the Covenant of Mayors (KW21, Z. 13–16).
  await expect(rm.badges()).toHaveCount(2);
  expect(Object.values(await rm.highlightedTexts()).flat()).toContain('Konvent der Bürgermeister');
});

test('the popup offers to open a PDF tab in Ratsmarker', async ({ context, openPopup }) => {
  const page = await context.newPage();
  // A PDF address (here one the server does not have: the viewer then says so).
  await page.goto('http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/pdf/fehlt.pdf');
  const popup = await openPopup(page);
  const [viewer] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('button', { name: /Diese PDF-Datei in Ratsmarker öffnen|Open this PDF in Ratsmarker/ }).click(),
  ]);
  await expect(viewer.getByRole('alert')).toHaveText(/HTTP 404/);
  expect(viewer.url()).toContain(encodeURIComponent('/pdf/fehlt.pdf'));
});

test('the viewer has no accessibility violations, with a card open', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const rm = await openViewer(
    page,
    extensionId,
    'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/getfile.asp?id=231877&type=do',
  );
  await rm.waitForScan();
  await rm.badge(/^KW21 Z\. 7–8/).click();
  await expect(rm.card()).toBeVisible();
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
