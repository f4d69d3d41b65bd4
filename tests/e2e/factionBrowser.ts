import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { Note } from '../../utils/notes/types';
import { CouncilPageModel } from './councilPage';
import { expect, extensionDir, extensionIdOf, launchExtension } from './fixtures';

/**
 * A faction member's browser for the e2e tests: its own profile with the
 * built extension, the options page, council pages.
 *
 * Headless Chromium shows no permission prompt a test could answer
 * (`permissions.request` waits for ever). The copy of the built extension
 * the members run therefore has the test server's host (127.0.0.1, any
 * port) among its granted hosts: the options page still asks for exactly
 * that host from the click, and the browser answers at once that it is
 * granted. Everything else is the build as readers get it.
 */
export function extensionWithServerHost(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'ratsmarker-faction-')), 'chrome-mv3');
  cpSync(extensionDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

export interface Login {
  server: string;
  database: string;
  user: string;
  password: string;
  author: string;
}

export class Member {
  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    readonly options: Page,
  ) {}

  static async launch(port: number, extension: string): Promise<Member> {
    const context = await launchExtension(port, { extension });
    const id = await extensionIdOf(context);
    const options = await context.newPage();
    // What the options page asks the browser for, to check it names only the server's host.
    await options.addInitScript(() => {
      const asked: unknown[] = [];
      (globalThis as { __permissionRequests?: unknown[] }).__permissionRequests = asked;
      const api = (globalThis as unknown as { chrome: { permissions: { request: (p: unknown) => Promise<boolean> } } })
        .chrome.permissions;
      const request = api.request.bind(api);
      api.request = (p: unknown) => {
        asked.push(p);
        return request(p);
      };
    });
    await options.goto(`chrome-extension://${id}/options.html`);
    return new Member(context, id, options);
  }

  section() {
    return this.options.getByRole('region', { name: /^(Fraktion|Faction)$/ });
  }

  status() {
    return this.options.getByTestId('faction-status');
  }

  async connect(login: Login): Promise<void> {
    const s = this.section();
    await s.getByLabel(/^(Serveradresse|Server address)$/).fill(login.server);
    await s.getByLabel(/^(Datenbank|Database)$/).fill(login.database);
    await s.getByLabel(/^(Benutzername|User name)$/).fill(login.user);
    await s.getByLabel(/^(Passwort|Password)$/).fill(login.password);
    await s.getByLabel(/^(Name, den|Name colleagues)/).fill(login.author);
    await s.getByRole('button', { name: /^(Verbinden|Connect)$/ }).click();
  }

  permissionRequests(): Promise<unknown[]> {
    return this.options.evaluate(() => (globalThis as { __permissionRequests?: unknown[] }).__permissionRequests ?? []);
  }

  async syncNow(): Promise<void> {
    await this.section()
      .getByRole('button', { name: /^(Jetzt abgleichen|Sync now)$/ })
      .click();
  }

  /** The notebook as stored (IndexedDB of the extension's origin, read only). */
  notebook(): Promise<Note[]> {
    return this.options.evaluate(
      () =>
        new Promise<Note[]>((resolve, reject) => {
          const open = indexedDB.open('ratsmarker');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction('notes').objectStore('notes').getAll();
            all.onsuccess = () => {
              resolve(all.result as Note[]);
              db.close();
            };
            all.onerror = () => reject(all.error);
          };
        }),
    );
  }

  async openCouncilPage(url: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(url);
    await new CouncilPageModel(page).waitForScan();
    return page;
  }

  /** The popup for the tab in front (it reads the active tab, so it loads in a background tab). */
  async openPopup(front: Page): Promise<Page> {
    const popup = await this.context.newPage();
    await front.bringToFront();
    await popup.goto(`chrome-extension://${this.extensionId}/popup.html`);
    return popup;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/**
 * Makes the card's next saves carry `shared: true` in the addNote message, as
 * the note editor's switch „Mit der Fraktion teilen“ (part B of issue 17)
 * will: the content script's own `chrome.runtime.sendMessage`, in its
 * isolated world, adds the field. Nothing else of the message changes.
 */
export async function shareCardSaves(page: Page, shared: boolean): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  const world = worlds.find((c) => c.auxData?.type === 'isolated' && /Ratsmarker/.test(c.name));
  if (!world) throw new Error(`no content script world among ${worlds.map((w) => w.name).join(', ')}`);
  const { exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `(() => {
      const runtime = chrome.runtime;
      runtime.__send ??= runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (m, ...rest) =>
        runtime.__send(m && m.type === 'addNote' ? { ...m, data: { ...m.data, shared: ${shared} } } : m, ...rest);
    })()`,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  await cdp.detach();
}

/** Takes a note on the Toulouse passage of the Düsseldorf motion through the card, as a reader does. */
export async function noteOnToulouse(page: Page, text: string): Promise<void> {
  const rm = new CouncilPageModel(page);
  await rm.badge(/^KW21 Z\. 7–8/).click();
  const card = rm.card();
  await card.getByRole('button', { name: /Notiz zu dieser Stelle|Note on this passage/ }).click();
  await card.getByRole('textbox', { name: /^(Notiz|Note)$/ }).fill(text);
  await card.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  await expect(card.getByRole('status')).toHaveText(/Notiz gespeichert|Note saved/);
  await page.keyboard.press('Escape');
}
