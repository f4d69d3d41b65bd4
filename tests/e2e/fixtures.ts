import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, test as base, chromium, type Page } from '@playwright/test';
import { startServer, TEST_HOSTS } from './server';

/** The built extension (`npm run build`). */
export const extensionDir = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
/** Chromium to run: Debian's by default, anything else through RATSMARKER_CHROMIUM. */
export const chromiumPath = process.env.RATSMARKER_CHROMIUM ?? '/usr/bin/chromium';

/**
 * A fresh profile with the built extension, the test hosts mapped to the local server, and (unless
 * `testMarks` is false) the test switch set before the first page loads. With a `uiLocale`, Chromium's
 * own language (and so the extension's catalogue) is set through LANGUAGE.
 */
export async function launchExtension(
  port: number,
  {
    testMarks = true,
    uiLocale,
    extension = extensionDir,
  }: { testMarks?: boolean; uiLocale?: string; extension?: string } = {},
): Promise<BrowserContext> {
  if (!existsSync(`${extension}/manifest.json`)) throw new Error(`No build at ${extension}: run npm run build first.`);
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    locale: uiLocale ?? 'de-DE',
    ...(uiLocale ? { env: { ...process.env, LANGUAGE: uiLocale.replace('-', '_') } } : {}),
    acceptDownloads: true,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
      `--host-resolver-rules=${TEST_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`,
    ],
  });
  if (testMarks) await enableTestMarks(context);
  return context;
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/**
 * Turns on the test contract (`data-ratsmarker-measures`, inspectable shadow roots) in the extension's own
 * storage, through its service worker: the only place a page cannot reach.
 */
export async function enableTestMarks(context: BrowserContext): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => {
    type Local = { set(items: Record<string, unknown>): Promise<void> };
    return (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.set({
      'ratsmarker:testMarks': true,
    });
  });
}

export interface ExtensionFixtures {
  /** Set ratsmarker:testMarks before the first page loads (default); false: the extension as readers have it. */
  testMarks: boolean;
  context: BrowserContext;
  extensionId: string;
  /** Opens a URL on one of the test hosts (served from 127.0.0.1). */
  openCouncilPage: (url: string) => Promise<Page>;
  /** Opens the popup for the tab in front (the popup reads the active tab, so it loads in a background tab). */
  openPopup: (front: Page, hash?: string) => Promise<Page>;
}

export const test = base.extend<ExtensionFixtures, { port: number }>({
  port: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const { server, port } = await startServer();
      await use(port);
      server.close();
    },
    { scope: 'worker' },
  ],
  testMarks: [true, { option: true }],
  context: async ({ port, testMarks }, use) => {
    const context = await launchExtension(port, { testMarks });
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  openCouncilPage: async ({ context, extensionId }, use) => {
    void extensionId; // the extension must be up before the first page loads
    await use(async (url) => {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    });
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async (front, hash = '') => {
      const popup = await context.newPage();
      await front.bringToFront();
      await popup.goto(`chrome-extension://${extensionId}/popup.html${hash}`);
      return popup;
    });
  },
});

export const expect = test.expect;
