import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, test as base, chromium, type Page } from '@playwright/test';
import { startServer, TEST_HOSTS } from './server';

/** The built extension (`npm run build`). */
export const extensionDir = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
/** Chromium to run: Debian's by default, anything else through RATSMARKER_CHROMIUM. */
export const chromiumPath = process.env.RATSMARKER_CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  /** Opens a URL on one of the test hosts (served from 127.0.0.1). */
  openCouncilPage: (url: string) => Promise<Page>;
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
  context: async ({ port }, use) => {
    if (!existsSync(`${extensionDir}/manifest.json`))
      throw new Error(`No build at ${extensionDir}: run npm run build first.`);
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath,
      headless: true,

      locale: 'de-DE',
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
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
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
  openCouncilPage: async ({ context, extensionId }, use) => {
    void extensionId; // the extension must be up before the first page loads
    await use(async (url) => {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    });
  },
});

export const expect = test.expect;
