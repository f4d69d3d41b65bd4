import type { Page } from '@playwright/test';
import { CouncilPageModel } from './councilPage';
import { expect, test } from './fixtures';

const MOTION = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711';
// Saves per tab; every other one meets a worker already stopped, the rest one being stopped as the save goes out.
const SAVES_PER_TAB = 6;

/** Opens the note form on the Toulouse passage's card (the card opens once and stays). */
async function noteForm(page: Page) {
  const rm = new CouncilPageModel(page);
  const card = rm.card();
  if ((await card.count()) === 0) await rm.badge(/^KW21 Z\. 7–8/).click();
  await card.getByRole('button', { name: /Notiz zu dieser Stelle|Note on this passage/ }).click();
  return card;
}

/** Every note text in the store, as an extension page reads it. */
async function storedTexts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('ratsmarker');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('notes').objectStore('notes').getAll();
          all.onsuccess = () => {
            resolve((all.result as { text: string }[]).map((n) => n.text));
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test('notes saved from two tabs while the service worker is stopped or being stopped arrive, each once', async ({
  context,
  extensionId,
  openCouncilPage,
}) => {
  test.setTimeout(180_000);
  // An extension page (in the extension's storage partition) to stop its worker from and to read the store.
  const reader = await context.newPage();
  await reader.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabs = [await openCouncilPage(MOTION), await openCouncilPage(MOTION)];
  for (const tab of tabs) await new CouncilPageModel(tab).waitForScan();
  // The DevTools protocol stops the extension's service worker as Chrome does after 30 s idle.
  const cdp = await context.newCDPSession(reader);
  await cdp.send('ServiceWorker.enable');
  const stopWorkers = () => cdp.send('ServiceWorker.stopAllWorkers');
  // How often the worker was stopped and started again, as the protocol reports it.
  const seen = { stopped: 0, running: 0 };
  let last = '';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) || v.runningStatus === last) continue;
      last = v.runningStatus;
      if (v.runningStatus === 'stopped' || v.runningStatus === 'running') seen[v.runningStatus]++;
    }
  });

  const written: string[] = [];
  for (let i = 0; i < SAVES_PER_TAB * 2; i++) {
    const tab = tabs[i % 2] as Page;
    await tab.bringToFront();
    const card = await noteForm(tab);
    const text = `Notiz ${i} aus Tab ${(i % 2) + 1}: Toulouse nachfragen`;
    await card.getByRole('textbox', { name: /^(Notiz|Note)$/ }).fill(text);
    const save = card.getByRole('button', { name: /^(Speichern|Save)$/ });
    if (i % 4 < 2) {
      // Stopped before the save goes out.
      await stopWorkers();
      await save.click();
    } else {
      // Stopped again and again while the save is on its way, being written or answered.
      const stopForAWhile = async () => {
        for (const end = Date.now() + 1_500; Date.now() < end; ) {
          await stopWorkers();
          await tab.waitForTimeout(20);
        }
      };
      await Promise.all([save.click(), stopForAWhile()]);
    }
    await expect(card.getByRole('status')).toHaveText(/Notiz gespeichert|Note saved/, { timeout: 20_000 });
    written.push(text);
  }
  // The worker was really stopped and started again, for every save.
  expect(seen.stopped).toBeGreaterThanOrEqual(SAVES_PER_TAB * 2);
  expect(seen.running).toBeGreaterThanOrEqual(SAVES_PER_TAB * 2);

  const stored = await storedTexts(reader);
  const counts = new Map<string, number>();
  for (const t of stored) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const text of written) expect(counts.get(text), text).toBe(1);
  expect(stored).toHaveLength(written.length);
});

test('the background stamps the settings with their version on start', async ({ context, extensionId }) => {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  await expect
    .poll(
      () =>
        worker?.evaluate(async () => {
          const api = (
            globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<unknown> } } } }
          ).chrome;
          return api.storage.local.get('settingsVersion');
        }),
      { timeout: 30_000 },
    )
    .toEqual({ settingsVersion: 1 });
});

test('the card says when the store refuses a note, keeps the text, and stores nothing', async ({
  context,
  extensionId,
  openCouncilPage,
}) => {
  const page = await openCouncilPage(MOTION);
  await new CouncilPageModel(page).waitForScan();
  const card = await noteForm(page);
  // One character beyond what a note may hold (utils/notes/limits.ts): the store refuses it.
  const tooLong = `Zu lang: ${'x'.repeat(1_000_000)}`;
  const field = card.getByRole('textbox', { name: /^(Notiz|Note)$/ });
  await field.fill(tooLong);
  await card.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  await expect(card.getByRole('status')).toHaveText(/Die Notiz konnte nicht gespeichert werden|could not be saved/);
  expect(await field.inputValue()).toBe(tooLong);
  const reader = await context.newPage();
  await reader.goto(`chrome-extension://${extensionId}/popup.html`);
  expect(await storedTexts(reader)).toEqual([]);
});
