import { CouncilPageModel } from './councilPage';
import { expect, test } from './fixtures';

/** The part of the extension API the toolbar test reads in the service worker. */
interface ChromeBadgeApi {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
}

const DUS = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf';
const HAMBURG = 'http://sitzungsdienst-hamburg-mitte.hamburg.de';

test.describe('on a Düsseldorf SessionNet motion with line numbers', () => {
  test('the right blocks carry the right measures, and only those', async ({ openCouncilPage }) => {
    const page = await openCouncilPage(`${DUS}/vo0050.asp?__kvonr=4711`);
    const rm = new CouncilPageModel(page);
    await rm.waitForScan();
    // Item 1 (lines 9–11): the exchange with Toulouse.
    await expect(rm.blocksWith('KW21-7')).toHaveCount(3);
    await expect(rm.blocksWith('KW21-7').first()).toContainText('Die Verwaltung wird');
    // Item 2 (13–16): Eurocities and the Covenant of Mayors; item 3 (18–20): EU funds with the neighbours.
    await expect(rm.blocksWith('KW21-13').filter({ hasText: 'Eurocities' }).first()).toBeVisible();
    await expect(rm.blocksWith('KW21-20').filter({ hasText: 'Interreg' })).toHaveCount(1);
    // Item 4 (benches on the Rhine promenade) touches nothing.
    await expect(page.locator('p', { hasText: 'Rheinuferpromenade' }).first()).not.toHaveAttribute(
      'data-ratsmarker-measures',
    );
    const painted = await rm.highlightedTexts();
    expect(painted['ratsmarker-0']).toContain('Toulouse');
    expect(painted['ratsmarker-4']).toContain('Interreg');
  });

  test('a badge opens the card with the measure, its lines, the resolution and why', async ({ openCouncilPage }) => {
    const page = await openCouncilPage(`${DUS}/vo0050.asp?__kvonr=4711`);
    const rm = new CouncilPageModel(page);
    await rm.waitForScan();
    const badge = rm.badge(/^KW21 Z\. 7–8: .*Toulouse/);
    await expect(badge).toHaveCount(1);
    await badge.click();
    const card = rm.card();
    await expect(card).toBeVisible();
    await expect(card).toContainText('KW21, Z. 7–8');
    await expect(card).toContainText(
      'Die Städtefreundschaft und der Austausch mit Toulouse soll intensiviert und verstetigt werden.',
    );
    await expect(card).toContainText('KW21 Internationale Zusammenarbeit · Kreisvorstand · 05.02.2020');
    await expect(card).toContainText('Toulouse');
    await expect(badge).toHaveAttribute('aria-expanded', 'true');

    // The card never covers the passage it describes.
    const passage = await rm.blocksWith('KW21-7').first().boundingBox();
    const box = await card.boundingBox();
    expect(passage && box).toBeTruthy();
    if (passage && box) {
      const overlap =
        box.x < passage.x + passage.width &&
        passage.x < box.x + box.width &&
        box.y < passage.y + passage.height &&
        passage.y < box.y + box.height;
      expect(overlap).toBe(false);
    }

    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    await expect(badge).toBeFocused();
    await expect(badge).toHaveAttribute('aria-expanded', 'false');
  });

  test('works by keyboard: Tab reaches the badges, Enter opens, a click outside closes', async ({
    openCouncilPage,
  }) => {
    const page = await openCouncilPage(`${DUS}/vo0050.asp?__kvonr=4711`);
    const rm = new CouncilPageModel(page);
    await rm.waitForScan();
    const first = rm.badges().first();
    for (let i = 0; i < 80 && !(await first.evaluate((b) => b.matches(':focus'))); i++)
      await page.keyboard.press('Tab');
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(rm.card()).toBeVisible();
    await page.mouse.click(5, 5);
    await expect(rm.card()).toHaveCount(0);
  });

  test('the toolbar shows the number of matches for the tab', async ({ context, openCouncilPage }) => {
    const page = await openCouncilPage(`${DUS}/vo0050.asp?__kvonr=4711`);
    const rm = new CouncilPageModel(page);
    await rm.waitForScan();
    const worker = context.serviceWorkers()[0];
    await expect
      .poll(async () =>
        worker?.evaluate(async () => {
          const api = (globalThis as unknown as { chrome: ChromeBadgeApi }).chrome;
          const tabs = await api.tabs.query({});
          const texts = await Promise.all(tabs.map((t) => api.action.getBadgeText({ tabId: t.id as number })));
          return texts.filter(Boolean);
        }),
      )
      .toEqual([expect.stringMatching(/^[1-9]\d*$/)]);
  });
});

test('a page without matches gets no badge and keeps its DOM', async ({ openCouncilPage }) => {
  const page = await openCouncilPage(`${HAMBURG}/bi/vo020.asp?VOLFDNR=1020365`);
  const rm = new CouncilPageModel(page);
  await rm.waitForScan();
  await expect(rm.badges()).toHaveCount(0);
  await expect(page.locator('[data-ratsmarker-measures]')).toHaveCount(0);
});

test('a page that loads its text late is still covered', async ({ openCouncilPage }) => {
  const page = await openCouncilPage(`${HAMBURG}/bi/late/vo020.asp?VOLFDNR=1`);
  const rm = new CouncilPageModel(page);
  await rm.waitForScan();
  await expect(rm.blocksWith('KW21-9').first()).toContainText('Deventer', { timeout: 10_000 });
  await expect(rm.blocksWith('KW21-25').first()).toContainText('Welcome-Center');
  await expect(rm.badge(/^KW21 Z\. 9–12/).first()).toBeVisible();
});

test('a page on a council path that is no council system is left alone', async ({ openCouncilPage }) => {
  const page = await openCouncilPage(`${DUS}/blog/vo0050.asp`);
  const rm = new CouncilPageModel(page);
  await rm.waitForScan();
  await page.waitForTimeout(300);
  await expect(rm.badges()).toHaveCount(0);
  await expect(page.locator('[data-ratsmarker-measures]')).toHaveCount(0);
});

test('markup in the page text stays text, and nothing but badges enters the page', async ({ openCouncilPage }) => {
  const errors: string[] = [];
  const page = await openCouncilPage('about:blank');
  page.on('console', (m) => {
    // The test server has no favicon; that 404 is the browser's, not Ratsmarker's.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${DUS}/feindlich/vo0050.asp`);
  const rm = new CouncilPageModel(page);
  await rm.waitForScan();
  await expect(rm.badges()).toHaveCount(2);
  await rm.badges().first().click();
  await expect(rm.card()).toContainText('Toulouse');
  expect(await page.title()).not.toBe('pwned');
  const injected = await page.evaluate(
    () =>
      [...document.querySelectorAll('img, iframe, script, style')].filter((e) => !e.closest('[data-ratsmarker-ui]'))
        .length,
  );
  expect(injected).toBe(0);
  // Without Ratsmarker's badges, card and attributes, the page is as it was served.
  const cleaned = await page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const ui of clone.querySelectorAll('[data-ratsmarker-ui]')) ui.remove();
    for (const el of clone.querySelectorAll('[data-ratsmarker-measures]'))
      el.removeAttribute('data-ratsmarker-measures');
    return clone.querySelector('body')?.textContent;
  });
  const fresh = await page.evaluate(async (url) => {
    const html = await (await fetch(url)).text();
    return new DOMParser().parseFromString(html, 'text/html').body.textContent;
  }, page.url());
  expect(cleaned).toBe(fresh);
  expect(errors).toEqual([]);
});
