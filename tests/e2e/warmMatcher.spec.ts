import type { BrowserContext, Page, Worker } from '@playwright/test';
import { CouncilPageModel } from './councilPage';
import { MOTION } from './expectations';
import { expect, test } from './fixtures';
import { LONG_VORLAGE } from './server';

const LONG = `http://ratsinfo.duesseldorf.de${LONG_VORLAGE}`;

/** Every block's marks in page order, the badges, and whether the warm matcher answered, once the scan is over. */
async function scanOf(page: Page) {
  await new CouncilPageModel(page).waitForScan();
  return page.evaluate(() => ({
    marks: [...document.querySelectorAll('[data-ratsmarker-measures]')].map(
      (el) =>
        `${[...document.querySelectorAll('p, li')].indexOf(el as HTMLElement)}:${el.getAttribute('data-ratsmarker-measures')}`,
    ),
    badges: document.querySelectorAll('[data-ratsmarker-ui="badge"]').length,
    warm: performance.getEntriesByName('ratsmarker:warm-match').length > 0,
  }));
}

// The extension's service worker as it runs now (after a stop, the one started anew).
const workerOf = (context: BrowserContext, extensionId: string) =>
  context
    .serviceWorkers()
    .filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`))
    .at(-1) as Worker;

/** The stamp of the snapshot the warm matcher holds, as the background told pages (absent: none runs). */
const warmStamp = (worker: Worker) =>
  worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string[]): Promise<object> } } } })
      .chrome;
    return api.storage.local.get(['warmMatcher', 'pageSnapshotStamp']);
  });

test('after the first council page, the next are matched by the warm matcher, with the same marks', async ({
  context,
  extensionId,
  openCouncilPage,
}) => {
  // The first page of a reading session matches itself, and has the background start the warm matcher.
  const motion = await openCouncilPage(MOTION);
  const own = await scanOf(motion);
  expect(own.warm).toBe(false);
  expect(own.badges).toBeGreaterThan(0);
  const worker = workerOf(context, extensionId);
  await expect
    .poll(async () => {
      const s = (await warmStamp(worker)) as { warmMatcher?: string; pageSnapshotStamp?: string };
      return s.warmMatcher !== undefined && s.warmMatcher === s.pageSnapshotStamp;
    })
    .toBe(true);

  const again = await openCouncilPage(MOTION);
  const warm = await scanOf(again);
  expect(warm.warm).toBe(true);
  expect(warm.marks).toEqual(own.marks);
  expect(warm.badges).toBe(own.badges);

  // A long page, its passages in view first: the same marks as the page's own matching gives.
  const long = await scanOf(await openCouncilPage(LONG));
  expect(long.warm).toBe(true);
  await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } })
      .chrome;
    await api.storage.local.remove('warmMatcher');
  });
  const longOwn = await scanOf(await openCouncilPage(LONG));
  expect(longOwn.warm).toBe(false);
  expect(long.marks).toEqual(longOwn.marks);
  expect(long.badges).toBe(longOwn.badges);
});

test('the warm matcher answers while the service worker is stopped', async ({
  context,
  extensionId,
  openCouncilPage,
}) => {
  const first = await scanOf(await openCouncilPage(MOTION));
  const worker = workerOf(context, extensionId);
  await expect.poll(async () => ((await warmStamp(worker)) as { warmMatcher?: string }).warmMatcher).toBeTruthy();
  const cdp = await context.newCDPSession(await context.newPage());
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const whileStopped = await scanOf(await openCouncilPage(MOTION));
  expect(whileStopped.warm).toBe(true);
  expect(whileStopped.marks).toEqual(first.marks);
});
