import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { MOTION } from '../e2e/expectations';
import { firefoxForSuite, waitFor } from './firefox';
import { CouncilPage } from './pages/councilPage';
import { OptionsPage, Sidebar } from './pages/extensionPages';
import { findByName, textOf, waitForText } from './pages/find';

const ST4 = fileURLToPath(new URL('../fixtures/resolutions/st4_rheinufer.txt', import.meta.url));
const TOULOUSE = /^KW21 Z\. 7–8/;
const UNKNOWN_SITE = 'http://www.unbekannte-stadt.example';

const firefox = firefoxForSuite();

async function openMotion(): Promise<CouncilPage> {
  const rm = new CouncilPage(await firefox().openPage(MOTION));
  await rm.waitForScan();
  return rm;
}

test('"In Ratsmarker öffnen" on a council page opens the PDF in the viewer, with highlights, badges and cards', async () => {
  const page = await openMotion();
  const open = await findByName(page.page, '[data-ratsmarker-ui] >>> button', /^„Antrag“ in Ratsmarker öffnen$/);
  const viewer = new CouncilPage(await firefox().newPageFrom(() => open.click(), 'viewer.html?file='));
  await viewer.waitForScan();
  expect(await viewer.page.evaluate(() => location.href)).toMatch(/\/viewer\.html\?file=.*getfile\.asp/);
  expect(await textOf(viewer.page, 'h1')).toBe('Drucksache 23/0815');
  await waitForText(viewer.page, '[role="status"]', /2 Seiten · 2 Treffer/);
  // The text layer is real text, and the matched words are painted in it.
  await waitForText(viewer.page, '.textLayer', 'Eurocities');
  const painted = Object.values(await viewer.highlightedTexts()).flat();
  expect(painted).toEqual(expect.arrayContaining(['Toulouse', 'Partner', 'stadt', 'Bürgerreise', 'Eurocities']));
  expect(painted).not.toContain('Bänke');
  // In the active pack's colour; the viewer styles no other colour's highlights.
  expect(await viewer.highlightFill(0)).toBe('rgba(255, 214, 10, 0.45)');
  expect(await viewer.highlightFill(5)).toBe('rgba(0, 0, 0, 0)');
  expect(await viewer.badges()).toHaveLength(2);
  // By keyboard: the badge is a button; its card names the measure, its lines and the resolution.
  await (await viewer.badge(TOULOUSE)).focus();
  await viewer.page.keyboard.press('Enter');
  const card = await viewer.waitForCard('Toulouse');
  expect(card).toContain('KW21, Z. 7–8');
  expect(card).toContain('Kreisvorstand');
  await viewer.page.keyboard.press('Escape');
  await viewer.waitForCardClosed();
  await viewer.page.close();
  await page.page.close();
});

test('the options page adds a pack from a file: its badges show; switched off, they go', async () => {
  const options = await OptionsPage.open(firefox());
  expect(await options.addPackFile(ST4)).toContain('ST4');
  expect(await options.pack('ST4')).toContain('ST4 Aufenthaltsqualität am Rhein');

  const page = await openMotion();
  expect((await page.blocksWith('ST4-2')).some((t) => t.includes('Rheinuferpromenade'))).toBe(true);
  await page.badge(/^ST4 Z\. 2–3/);
  await page.badge(TOULOUSE);

  await options.page.bringToFront();
  await options.switchPack('ST4');
  // Pages read the packs from the snapshot the switch writes.
  await waitFor(async () => {
    const { activeSpecs } = await firefox().api((api) => api.storage.local.get('activeSpecs'));
    const ids = (activeSpecs as { specs: { id: string }[] } | undefined)?.specs.map((s) => s.id);
    return ids?.join() === 'KW21';
  }, 'ST4 switched off in the packs the pages read');
  await page.page.bringToFront();
  await page.page.reload();
  await page.waitForScan();
  await page.badge(TOULOUSE);
  expect(await page.blocksWith('ST4-2')).toEqual([]);
  expect((await page.badges()).filter((b) => b.startsWith('ST4'))).toEqual([]);
  await page.page.close();
  await options.page.close();
});

test('the sidebar (sidebar_action) lists the matches of the tab in front by measure and jumps to a passage', async () => {
  const page = await openMotion();
  const sidebar = new Sidebar(firefox());
  await sidebar.open();
  expect(await sidebar.isOpen()).toBe(true);
  expect(await firefox().api((api) => api.sidebarAction.getPanel({}))).toMatch(/\/sidepanel\.html$/);
  // The sidebar follows the tab in front.
  await page.page.bringToFront();
  const shown = await sidebar.waitForText(/Städtefreundschaft mit Toulouse/i);
  expect(shown).toContain('KW21, Z. 7–8');
  await sidebar.jumpTo('KW21, Z. 7–8');
  await waitFor(async () => TOULOUSE.test(await page.focused()), 'the focus on the Toulouse badge');
  await page.page.close();
});

test('an added site (optional host permission): granted from the viewer, its PDFs and its council pages are read', async () => {
  const origins = [`${UNKNOWN_SITE}/*`];
  expect(await firefox().api((api, o) => api.permissions.contains({ origins: o }), origins)).toBe(false);
  // A council page there is not read before.
  const page = new CouncilPage(await firefox().openPage(`${UNKNOWN_SITE}/ratsinfo/feindlich/vo0050.asp`));
  await new Promise((r) => setTimeout(r, 500));
  expect(await page.badges()).toEqual([]);

  // The viewer cannot fetch a PDF from the site and offers to ask for it; a click asks.
  const pdf = encodeURIComponent(`${UNKNOWN_SITE}/dokumente/antrag.pdf`);
  const viewer = new CouncilPage(await firefox().openExtensionPage(`viewer.html?file=${pdf}`, true));
  await waitForText(viewer.page, '[role="alert"]', 'www.unbekannte-stadt.example');
  await (await findByName(viewer.page, 'button', /^Zugriff auf www\.unbekannte-stadt\.example erlauben$/)).click();
  await waitFor(() => firefox().api((api, o) => api.permissions.contains({ origins: o }), origins), 'the permission');
  // Granted, the viewer loads the PDF again and reads it.
  await viewer.waitForScan();
  await waitFor(async () => (await viewer.badges()).length > 0 || undefined, 'badges in the PDF from the added site');
  await viewer.page.close();

  // The page open as the site was added gets the content script at once, and its highlights their colour.
  await page.page.bringToFront();
  await waitFor(async () => (await page.badges()).length === 2 || undefined, 'badges on the page open as it was added');
  await waitFor(
    async () => (await page.highlightFill(0)) === 'rgba(255, 214, 10, 0.45)' || undefined,
    'the highlights’ colour on the page open as its site was added',
  );

  // The site's council pages are read from then on (a content script registered for the added site).
  await page.page.reload();
  await page.waitForScan();
  await waitFor(async () => (await page.badges()).length === 2 || undefined, 'badges on the added site');
  // Their highlights have the pack's colour there too: its stylesheet is registered for the added site once the
  // background has written the site list, which may come a moment after the permission.
  await waitFor(async () => {
    if ((await page.highlightFill(0)) === 'rgba(255, 214, 10, 0.45)') return true;
    await page.page.reload();
    return undefined;
  }, 'the highlights’ colour on the added site');
  const options = await OptionsPage.open(firefox());
  expect(await options.addedSites()).toContain('www.unbekannte-stadt.example');
  await options.page.close();
  await page.page.close();
});
