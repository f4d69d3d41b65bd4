import { CouncilPageModel } from './councilPage';
import { expect, test } from './fixtures';

test('the popup shows what Ratsmarker found on the current tab, and a click jumps to it', async ({
  context,
  extensionId,
  openCouncilPage,
}) => {
  // The popup reads the active tab: open it in a background tab first, then the council page in front.
  const popup = await context.newPage();
  const page = await openCouncilPage('http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711');
  await new CouncilPageModel(page).waitForScan();
  await page.bringToFront();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const status = popup.getByTestId('page-status');
  await expect(status).toBeVisible();
  await expect(popup.getByTestId('page-document')).toContainText('AIF/012/2024');
  await expect(popup.getByTestId('page-document')).toContainText('Internationale Zusammenarbeit stärken');
  const toulouse = status.getByRole('button', { name: 'Städtefreundschaft mit Toulouse' });
  await expect(toulouse).toBeVisible();
  await expect(status).toContainText('KW21, Z. 7–8');
  // One passage of that measure: "1 match" in English, "1 Treffer" in German (the browsers of CI run in both).
  await expect(toulouse.locator('xpath=..')).toContainText(/· 1 (match|Treffer)$/);
  await toulouse.click();
  await expect(page.getByRole('button', { name: /^KW21 Z\. 7–8/ })).toBeFocused();
});

test('on a page Ratsmarker has not read, the popup offers to check it', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  const page = await context.newPage();
  await page.goto('http://www.unbekannte-stadt.example/ratsinfo/feindlich/vo0050.asp');
  await page.bringToFront();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('button', { name: /Diese Seite prüfen|Check this page/ })).toBeVisible();
  await expect(
    popup.getByRole('button', { name: /Auf dieser Website immer prüfen|Always check this website/ }),
  ).toBeVisible();
});

test('a page checked on request has its highlights in the pack’s colour', async ({ context, extensionId }) => {
  // A page of a known council host that is no document page: the content script does not run there by itself,
  // and no colours are registered for it. (A site Ratsmarker has no permission for needs the toolbar's
  // activeTab grant, which a test cannot give.)
  const page = await context.newPage();
  await page.route('**/ratsinfo/duesseldorf/aktuelles.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="de"><title>Aktuelles</title><p>Die Städtepartnerschaft mit Toulouse soll mit einem Jugendaustausch belebt werden.</p>',
    }),
  );
  await page.goto('http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/aktuelles.html');
  const popup = await context.newPage();
  await page.bringToFront();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: /Diese Seite prüfen|Check this page/ }).click();
  await expect(popup.getByTestId('page-status')).toBeVisible();
  // The background put the active colour's stylesheet in with the content script, and only that colour's.
  const rm = new CouncilPageModel(page);
  await expect.poll(async () => Object.keys(await rm.highlightedTexts())).toContain('ratsmarker-0');
  expect(await rm.highlightFill(0)).toBe('rgba(255, 214, 10, 0.45)');
  expect(await rm.highlightFill(5)).toBe('rgba(0, 0, 0, 0)');
});
