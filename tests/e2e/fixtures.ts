import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, test as base, chromium } from '@playwright/test';

/** The built extension (`npm run build`). */
export const extensionDir = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
/** Chromium to run: Debian's by default, anything else through RATSMARKER_CHROMIUM. */
export const chromiumPath = process.env.RATSMARKER_CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionFixtures {
  /** Extra Chromium flags for a test (host resolver rules, certificates). */
  chromiumArgs: string[];
  context: BrowserContext;
  extensionId: string;
}

export const test = base.extend<ExtensionFixtures>({
  chromiumArgs: [[], { option: true }],
  context: async ({ chromiumArgs }, use) => {
    if (!existsSync(`${extensionDir}/manifest.json`))
      throw new Error(`No build at ${extensionDir}: run npm run build first.`);
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath,
      headless: true,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        ...chromiumArgs,
      ],
    });
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
});

export const expect = test.expect;
