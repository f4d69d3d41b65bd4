import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CouncilPageModel } from './councilPage';
import { expect, test } from './fixtures';

const MOTION = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711';
const ST4 = readFileSync(new URL('../fixtures/resolutions/st4_rheinufer.txt', import.meta.url));

async function openOptions(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('pack').first()).toBeVisible();
}

async function openMotion(page: Page) {
  await page.goto(MOTION);
  const rm = new CouncilPageModel(page);
  await rm.waitForScan();
  return rm;
}

test('a second pack added from a file shows its badges; switched off, they go', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  await options.locator('input[type="file"]').setInputFiles({ name: 'st4.txt', mimeType: 'text/plain', buffer: ST4 });
  await expect(options.getByTestId('pack-status')).toContainText('ST4');
  await expect(options.locator('[data-pack-id="ST4"]')).toContainText('ST4 Aufenthaltsqualität am Rhein');

  const page = await context.newPage();
  const rm = await openMotion(page);
  await expect(rm.blocksWith('ST4-2').first()).toContainText('Rheinuferpromenade');
  await expect(rm.badge(/^ST4 Z\. 2–3/)).toBeVisible();
  await expect(rm.badge(/^KW21 Z\. 7–8/)).toBeVisible();
  // Each pack's passages in its own colour (KW21 the first, ST4 the second; slot = colour × 5 + shade), and no
  // style in the page for a colour no active pack has.
  // (The browser's registration follows the packs a moment after they are saved: a page opened sooner is opened again.)
  await expect
    .poll(async () => {
      if ((await rm.highlightFill(5)) !== 'rgba(120, 200, 255, 0.45)') await openMotion(page);
      return [await rm.highlightFill(0), await rm.highlightFill(5), await rm.highlightFill(10)];
    })
    .toEqual(['rgba(255, 214, 10, 0.45)', 'rgba(120, 200, 255, 0.45)', 'rgba(0, 0, 0, 0)']);

  await options.bringToFront();
  await options.locator('[data-pack-id="ST4"]').getByRole('checkbox').uncheck();
  // Pages read the packs from the snapshot the switch writes; a reload before it is written still sees ST4.
  await expect
    .poll(() =>
      options.evaluate(async () => {
        type Local = { get: (key: string) => Promise<Record<string, unknown>> };
        const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
        const { activeSpecs } = await local.get('activeSpecs');
        return (activeSpecs as { specs: { id: string }[] } | undefined)?.specs.map((s) => s.id);
      }),
    )
    .toEqual(['KW21']);
  await page.bringToFront();
  await openMotion(page);
  await expect(rm.blocksWith('ST4-2')).toHaveCount(0);
  await expect(rm.badge(/^KW21 Z\. 7–8/)).toBeVisible();
  // ST4's colour left the council pages with it (the browser's registration follows the packs a moment later).
  await expect.poll(async () => (await openMotion(page)).highlightFill(5)).toBe('rgba(0, 0, 0, 0)');
  expect(await rm.highlightFill(0)).toBe('rgba(255, 214, 10, 0.45)');
});

test('a malformed resolution is refused with the line that is wrong, and nothing is stored', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  const broken = ST4.toString().replace('- 4 •', '- 2 •');
  await options.getByRole('textbox', { name: /^(Beschluss oder Paket-JSON|Resolution or pack JSON)/ }).fill(broken);
  await options.getByRole('button', { name: /^(Hinzufügen|Add)$/ }).click();
  await expect(options.getByTestId('pack-error')).toContainText(/Zeile 12|Line 12/);
  await expect(options.getByTestId('pack')).toHaveCount(1);
});

test('sensitivity: more matches at the "more" end', async ({ context, extensionId }) => {
  const page = await context.newPage();
  let rm = await openMotion(page);
  const budget = page.locator('p', { hasText: 'Haushalts 2024' }).first();
  await expect(budget).not.toHaveAttribute('data-ratsmarker-measures');
  const before = await rm.badges().count();

  const options = await context.newPage();
  await openOptions(options, extensionId);
  await options.getByRole('slider').fill('4');
  await page.bringToFront();
  // The options store the setting and the background then writes the pages' snapshot, a moment after the
  // slider moved: a page opened from then on has more matches.
  await expect
    .poll(async () => {
      rm = await openMotion(page);
      return rm.badges().count();
    })
    .toBeGreaterThan(before);
});

test('the side panel lists the matches by measure and jumps to a passage', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  const page = await context.newPage();
  const rm = await openMotion(page);
  await page.bringToFront();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const group = panel.getByTestId('measure-group').filter({ hasText: 'Städtefreundschaft mit Toulouse' });
  await expect(group).toContainText('KW21, Z. 7–8');
  await group.getByRole('button').first().click();
  await expect(rm.badge(/^KW21 Z\. 7–8/)).toBeFocused();
});

test('no accessibility violations in the popup, options page, side panel and an open card', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const rm = await openMotion(page);
  const pages: Record<string, Page> = {};
  for (const name of ['popup', 'options', 'sidepanel']) {
    const p = await context.newPage();
    await page.bringToFront();
    await p.goto(`chrome-extension://${extensionId}/${name}.html`);
    await p.waitForTimeout(500);
    pages[name] = p;
  }
  for (const [name, p] of Object.entries(pages)) {
    const result = await new AxeBuilder({ page: p }).analyze();
    expect(result.violations.map((v) => `${name}: ${v.id} ${v.help}`)).toEqual([]);
  }
  await page.bringToFront();
  await rm.badge(/^KW21 Z\. 7–8/).click();
  await expect(rm.card()).toBeVisible();
  const card = await new AxeBuilder({ page }).include('[data-ratsmarker-ui="card"]').analyze();
  expect(card.violations.map((v) => `card: ${v.id} ${v.help}`)).toEqual([]);
});
