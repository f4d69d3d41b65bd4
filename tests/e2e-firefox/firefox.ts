import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { MOTION } from '../e2e/expectations';
import { startServer } from '../e2e/server';

/** Firefox to run: Debian's ESR by default, anything else through RATSMARKER_FIREFOX. */
export const firefoxPath = process.env.RATSMARKER_FIREFOX ?? '/usr/bin/firefox-esr';
/** The Firefox build (`npm run build:firefox`). */
export const firefoxBuild = fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));
/** The gecko id from wxt.config.ts; Firefox keys an extension's fixed UUID by it. */
export const GECKO_ID = 'ratsmarker@ratsmarker.invalid';
/** Fixed, so the extension's pages have known addresses (moz-extension://UUID/…). */
export const EXTENSION_UUID = '5b1f3c2e-7a43-4c1e-9d1a-2f6f3b0e4a11';
export const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;

/** The extension API as the tests call it in an extension page (the part they use). */
export interface ExtensionApi {
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
  tabs: { create(o: { url: string; active?: boolean }): Promise<{ id?: number }> };
  contextMenus: { update(id: string, o: object): Promise<void> };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  sidebarAction: { getPanel(o: object): Promise<string>; isOpen(o: object): Promise<boolean>; open(): Promise<void> };
  extension: { getViews(o: { type: string }): Window[] };
  i18n: { getUILanguage(): string };
}

export interface LaunchOptions {
  /** The local server's port (the suite's server), reached through Firefox's proxy settings. */
  port: number;
  /** A profile kept between launches: the extension is then installed in it (as a user's would be), not temporarily. */
  profile?: string;
  /** Another build of the extension (a changed copy of the Firefox build). */
  extensionDir?: string;
}

/**
 * One headless Firefox ESR in German, driven over WebDriver BiDi, with the
 * extension installed and a driver tab on one of its pages. Council hosts
 * reach the local server through an HTTP proxy pref: every http:// request
 * goes to 127.0.0.1:port with the full URL, which the server reads by path.
 */
export class FirefoxSession {
  private constructor(
    readonly browser: Browser,
    /** Where Firefox saves downloads. */
    readonly downloads: string,
    /** An extension page (the PDF viewer) with the extension API: the tests' handle on browser.*. */
    readonly driver: Page,
  ) {}

  static async launch(options: LaunchOptions): Promise<FirefoxSession> {
    if (!existsSync(firefoxPath))
      throw new Error(
        `No Firefox at ${firefoxPath}: apt-get install firefox-esr firefox-esr-l10n-de (or set RATSMARKER_FIREFOX).`,
      );
    const extensionDir = options.extensionDir ?? firefoxBuild;
    if (!existsSync(`${extensionDir}/manifest.json`))
      throw new Error(`No build at ${extensionDir}: run npm run build:firefox first.`);
    const downloads = mkdtempSync(join(tmpdir(), 'ratsmarker-downloads-'));
    if (options.profile) {
      // An add-on in the profile's extensions folder (a proxy file naming the build) is installed
      // on startup and stays installed across restarts; BiDi's installExtension is temporary.
      mkdirSync(join(options.profile, 'extensions'), { recursive: true });
      writeFileSync(join(options.profile, 'extensions', GECKO_ID), extensionDir);
    }
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      ...(options.profile ? { userDataDir: options.profile } : {}),
      extraPrefsFirefox: {
        'intl.locale.requested': 'de',
        'intl.accept_languages': 'de-DE, de',
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': options.port,
        'network.proxy.no_proxies_on': '',
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        // The profile's own add-on is unsigned: ESR allows that when asked to.
        'xpinstall.signatures.required': false,
        // Optional host permissions are granted without the doorhanger a headless browser cannot show.
        'extensions.webextOptionalPermissionPrompts': false,
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
        // No reputation lookups for downloads: there is no network to ask, only a timeout to wait for.
        'browser.safebrowsing.downloads.enabled': false,
        'browser.safebrowsing.downloads.remote.enabled': false,
      },
    });
    try {
      if (!options.profile) await browser.installExtension(extensionDir);
      const session = new FirefoxSession(browser, downloads, await openDriver(browser));
      // Without its language pack Firefox stays English (while the pages still say lang="de").
      const language = await session.api((api) => api.i18n.getUILanguage());
      if (!language.startsWith('de'))
        throw new Error(`Firefox speaks "${language}", not German: apt-get install firefox-esr-l10n-de`);
      return session;
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  /** Runs a function with the extension API in the driver page (its arguments as JSON). */
  api<T, A extends unknown[]>(fn: (api: ExtensionApi, ...args: A) => Promise<T> | T, ...args: A): Promise<T> {
    // A string, evaluated by the browser itself: the extension page's CSP (no eval) does not apply.
    return this.driver.evaluate(`(${fn.toString()})(globalThis.browser, ...${JSON.stringify(args)})`) as Promise<T>;
  }

  /** Opens a URL in a new tab in front. */
  async openPage(url: string): Promise<Page> {
    const page = await this.browser.newPage();
    await page.goto(url);
    return page;
  }

  /**
   * Opens one of the extension's pages in a new tab (BiDi may not navigate to
   * moz-extension://, the extension may: tabs.create from the driver page).
   * In the background by default, so that the tab in front stays the popup's "current tab".
   */
  async openExtensionPage(path: string, active = false): Promise<Page> {
    return this.newPageFrom(
      () => this.api((api, url, front) => api.tabs.create({ url, active: front }), extensionUrl(path), active),
      path,
    );
  }

  /** The page a user action opens in a new tab (found by its address, which BiDi reports late for extension pages). */
  async newPageFrom(action: () => Promise<unknown>, pathPart: string): Promise<Page> {
    const before = new Set(await this.browser.pages());
    await action();
    for (let i = 0; i < 100; i++) {
      for (const page of await this.browser.pages()) {
        if (before.has(page)) continue;
        const href = await page
          .evaluate(() => (document.readyState === 'complete' ? location.href : ''))
          .catch(() => '');
        if (href.includes(pathPart)) return page;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no new tab with ${pathPart}`);
  }

  /**
   * The file Firefox saved in the downloads folder under a name like `name`, once complete
   * (Firefox writes into `<name>.part` beside an empty placeholder, then moves it over).
   */
  download(name: RegExp): Promise<{ name: string; text: string }> {
    return waitFor(async () => {
      const files = readdirSync(this.downloads);
      const file = files.find((f) => name.test(f) && !files.includes(`${f}.part`));
      if (!file || statSync(join(this.downloads, file)).size === 0) return undefined;
      return { name: file, text: readFileSync(join(this.downloads, file), 'utf8') };
    }, `a download named ${name}`);
  }

  async close(): Promise<void> {
    await this.browser.close();
    rmSync(this.downloads, { recursive: true, force: true });
  }
}

/**
 * The first extension page: the PDF viewer opened by a click on a council
 * page's "In Ratsmarker öffnen" (BiDi cannot open moz-extension:// itself).
 * Before any page the tests look at, it sets the test contract
 * (`ratsmarker:testMarks`: content scripts write data-ratsmarker-measures).
 */
async function openDriver(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(MOTION);
  // Before the test switch the page's badges and buttons sit in closed shadow roots, out of the reach of
  // selectors: a click on the button's host lands on the button, as a reader's click does.
  const open = await page.waitForSelector('[data-ratsmarker-ui="pdf"]', { timeout: 30_000 });
  const before = new Set(await browser.pages());
  await open?.click();
  let driver: Page | undefined;
  for (let i = 0; i < 150 && !driver; i++) {
    for (const p of await browser.pages()) {
      if (before.has(p)) continue;
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(extensionUrl('viewer.html'))) driver = p;
    }
    if (!driver) await new Promise((r) => setTimeout(r, 100));
  }
  if (!driver) throw new Error('the PDF viewer did not open from the council page');
  await driver.evaluate(async () => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    await api.storage.local.set({ 'ratsmarker:testMarks': true });
  });
  await page.close();
  return driver;
}

/** Polls until `probe` returns something (not undefined/false), or fails naming `what`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeout = 15_000,
): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as T;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (${last})` : ''}`);
}

/** The local server for one spec file. */
export async function serve(): Promise<{ server: Server; port: number }> {
  return startServer();
}

/**
 * A copy of the Firefox build whose content scripts see no CSS Custom
 * Highlight API, as in Firefox before 140 (the manifest allows 128): a
 * script placed before Ratsmarker's in the same content-script sandbox
 * hides `Highlight` and `CSS.highlights` there (the page keeps them).
 */
export function buildWithoutHighlightApi(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratsmarker-no-highlight-api-'));
  cpSync(firefoxBuild, dir, { recursive: true });
  writeFileSync(
    join(dir, 'no-highlight-api.js'),
    "Object.defineProperty(window, 'Highlight', { value: undefined });\n" +
      "Object.defineProperty(CSS, 'highlights', { value: undefined });\n",
  );
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  for (const script of manifest.content_scripts) script.js.unshift('no-highlight-api.js');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/**
 * One Firefox with the built extension, and the test server, for the tests of a
 * file: started before them, closed after them. `options` is called in the
 * start-up, so a changed build can be made there.
 */
export function firefoxForSuite(options: () => Omit<LaunchOptions, 'port'> = () => ({})): () => FirefoxSession {
  let server: Server | undefined;
  let firefox: FirefoxSession | undefined;
  beforeAll(async () => {
    const served = await serve();
    server = served.server;
    firefox = await FirefoxSession.launch({ ...options(), port: served.port });
  });
  afterAll(async () => {
    await firefox?.close();
    server?.close();
  });
  return () => {
    if (!firefox) throw new Error('Firefox did not start');
    return firefox;
  };
}
