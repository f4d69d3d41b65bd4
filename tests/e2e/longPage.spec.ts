import type { Page } from '@playwright/test';
import { CouncilPageModel } from './councilPage';
import { expect, test } from './fixtures';
import { LONG_VORLAGE } from './server';

const LONG = `http://ratsinfo.duesseldorf.de${LONG_VORLAGE}`;

/** Every block's marks in page order, and the badges, once the page's first scan is over. */
async function marksOf(page: Page) {
  await new CouncilPageModel(page).waitForScan();
  return page.evaluate(() => ({
    marks: [...document.querySelectorAll('[data-ratsmarker-measures]')].map(
      (el) =>
        `${[...document.querySelectorAll('p')].indexOf(el as HTMLParagraphElement)}:${el.getAttribute('data-ratsmarker-measures')}`,
    ),
    badges: document.querySelectorAll('[data-ratsmarker-ui="badge"]').length,
    early:
      (performance.getEntriesByName('ratsmarker:scan-view')[0] as PerformanceMark | undefined)?.detail?.early === true,
  }));
}

test('a long Vorlage: the passages in view come before the rest is read, with the same marks and one badge a passage', async ({
  context,
  openCouncilPage,
}) => {
  // The reader's window: the passages at the top are painted before the rest of the page is read.
  const page = await openCouncilPage(LONG);
  const inWindow = await marksOf(page);
  expect(inWindow.early).toBe(true);
  expect(inWindow.badges).toBeGreaterThan(0);
  // A window that holds the whole page: read to its end, then matched in order.
  const tall = await context.newPage();
  await tall.setViewportSize({ width: 1280, height: 30_000 });
  await tall.goto(LONG);
  const whole = await marksOf(tall);
  expect(whole.early).toBe(false);
  expect(inWindow.marks).toEqual(whole.marks);
  expect(inWindow.badges).toBe(whole.badges);
  // One badge a matched passage: as many badges as blocks with marks (each paragraph is one passage here).
  expect(inWindow.badges).toBe(inWindow.marks.length);
});
