import { CouncilPageModel } from './councilPage';
import { DUS, PAGE_EXPECTATIONS } from './expectations';
import { expect, test } from './fixtures';
import { LONG_VORLAGE } from './server';

/** The part of the extension API the toolbar test reads in the service worker. */
interface ChromeBadgeApi {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
}

for (const expected of PAGE_EXPECTATIONS) {
  test(`marks the expected blocks: ${expected.name}`, async ({ openCouncilPage }) => {
    const page = await openCouncilPage(expected.url);
    const rm = new CouncilPageModel(page);
    await rm.waitForScan();
    for (const m of expected.marked) {
      // A page that loads its text late is covered a little later.
      await expect(rm.blocksWith(m.measure).filter({ hasText: m.text }).first()).toBeVisible({ timeout: 10_000 });
      if (m.total !== undefined) await expect(rm.blocksWith(m.measure)).toHaveCount(m.total);
      if (m.withText !== undefined)
        await expect(rm.blocksWith(m.measure).filter({ hasText: m.text })).toHaveCount(m.withText);
    }
    for (const text of expected.unmarked ?? [])
      await expect(page.locator('p', { hasText: text }).first()).not.toHaveAttribute('data-ratsmarker-measures');
    if (expected.badge) await expect(rm.badge(expected.badge).first()).toBeVisible();
    if (expected.badges === 0) {
      await page.waitForTimeout(300);
      await expect(page.locator('[data-ratsmarker-measures]')).toHaveCount(0);
    }
    if (expected.badges !== undefined) await expect(rm.badges()).toHaveCount(expected.badges);
    const painted = await rm.highlightedTexts();
    for (const [name, word] of Object.entries(expected.painted ?? {})) expect(painted[name]).toContain(word);
  });
}

test('a badge never makes its line taller: the text below it does not move', async ({ openCouncilPage }) => {
  // A Vorlage in Word's HTML export at the browser's normal line height, where a taller pill showed.
  const page = await openCouncilPage(`http://ratsinfo.duesseldorf.de${LONG_VORLAGE}`);
  const rm = new CouncilPageModel(page);
  await rm.waitForScan();
  await expect(rm.badges().first()).toBeVisible();
  // Each badge's paragraph with the badge and without it: the same height, or a line more where the badge did
  // not fit on the last line (a pill taller than the text's line pushed every line below it down 2 px).
  const growths = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-ratsmarker-ui="badge"]')].map((host) => {
      const block = host.closest('p, li, td, div') as HTMLElement;
      const withBadge = block.getBoundingClientRect().height;
      host.style.display = 'none';
      const without = block.getBoundingClientRect().height;
      host.style.display = '';
      return { growth: withBadge - without, font: Number.parseFloat(getComputedStyle(block).fontSize) };
    }),
  );
  expect(growths.length).toBeGreaterThan(5);
  for (const { growth, font } of growths)
    expect(growth < 0.5 || growth > font, `a paragraph ${growth} px taller`).toBe(true);
});

test.describe('on a Düsseldorf SessionNet motion with line numbers', () => {
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
