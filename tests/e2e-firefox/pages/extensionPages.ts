import type { ElementHandle, Page } from 'puppeteer-core';
import { type FirefoxSession, waitFor } from '../firefox';
import { findByName, namesOf, textOf, waitForText } from './find';

/** The popup, opened in a background tab (it reads the tab in front, as the toolbar popup does). */
export class Popup {
  constructor(
    readonly page: Page,
    private readonly session: FirefoxSession,
  ) {}

  /** `front`: in a tab in front (the popup's "current tab" is then its own: for the notebook, which needs none). */
  static async open(session: FirefoxSession, hash = '', front = false): Promise<Popup> {
    return new Popup(await session.openExtensionPage(`popup.html${hash}`, front), session);
  }

  button(name: RegExp): Promise<ElementHandle> {
    return findByName(this.page, 'button', name);
  }

  /** The notes shown (their text). */
  notes(): Promise<string[]> {
    return namesOf(this.page, '[data-testid="note"]');
  }

  waitForNote(text: string): Promise<string> {
    return waitFor(
      async () => (await this.notes()).find((n) => n.includes(text)),
      `a note with "${text}" in the popup`,
    );
  }

  /** Clicks „Löschen“ on the note with this text. */
  async deleteNote(text: string): Promise<void> {
    const id = await this.page.evaluate(
      (t) =>
        [...document.querySelectorAll('[data-testid="note"]')]
          .find((n) => n.textContent?.includes(t))
          ?.getAttribute('data-note-id'),
      text,
    );
    if (!id) throw new Error(`no note with "${text}"`);
    await (await findByName(this.page, `[data-note-id="${id}"] button`, /^Löschen$/)).click();
  }

  pageStatus(): Promise<string> {
    return waitForText(this.page, '[data-testid="page-status"]', /\S/);
  }

  notesTotal(text: RegExp): Promise<string> {
    return waitForText(this.page, '[data-testid="notes-total"]', text);
  }

  /** Clicks an export button and returns the file Firefox saved. */
  async export(format: string, file: RegExp): Promise<{ name: string; text: string }> {
    await (await findByName(this.page, 'button', new RegExp(`^${format}$`))).click();
    return this.session.download(file);
  }

  async import(path: string): Promise<string> {
    const input = (await this.page.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
    const before = await textOf(this.page, '[data-testid="import-status"]');
    await input.uploadFile(path);
    // This import's answer: not the "… wird importiert" said while it runs, nor the answer of the import before
    // (still shown until this one's change event is handled). Two imports in a row here never answer alike.
    return waitFor(async () => {
      const t = await textOf(this.page, '[data-testid="import-status"]');
      return t && t !== before && /^Import(?!ing)/.test(t) ? t : undefined;
    }, 'the import’s answer');
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** The options page. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(session: FirefoxSession): Promise<OptionsPage> {
    const options = new OptionsPage(await session.openExtensionPage('options.html', true));
    await waitForText(options.page, '[data-testid="pack"]', 'KW21');
    return options;
  }

  /** Adds a pack from a resolution file through the file chooser; returns what the page says. */
  async addPackFile(path: string): Promise<string> {
    const input = (await this.page.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    return waitForText(this.page, '[data-testid="pack-status"]', /\S/);
  }

  pack(id: string): Promise<string> {
    return waitForText(this.page, `[data-pack-id="${id}"]`, /\S/);
  }

  async switchPack(id: string): Promise<void> {
    const box = await this.page.waitForSelector(`[data-pack-id="${id}"] input[type="checkbox"]`);
    await box?.click();
  }

  /** The sites the reader added (optional host permissions), as listed. */
  addedSites(): Promise<string | undefined> {
    return textOf(this.page, '[data-testid="added-sites"]');
  }
}

/**
 * Firefox's sidebar (sidebar_action) lives in the browser's chrome, which BiDi
 * does not expose; an extension page reaches its document through
 * browser.extension.getViews({ type: 'sidebar' }), as the extension itself could.
 */
export class Sidebar {
  constructor(private readonly session: FirefoxSession) {}

  /** Opens it as the reader's shortcut would: sidebarAction.open() in a real click's handler. */
  async open(): Promise<void> {
    const driver = this.session.driver;
    await driver.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'open-sidebar';
      button.textContent = 'Seitenleiste';
      button.addEventListener('click', () => {
        void (
          globalThis as unknown as { browser: { sidebarAction: { open(): Promise<void> } } }
        ).browser.sidebarAction.open();
      });
      document.body.prepend(button);
    });
    await driver.bringToFront();
    await driver.click('#open-sidebar');
    await driver.evaluate(() => document.getElementById('open-sidebar')?.remove());
  }

  isOpen(): Promise<boolean> {
    return this.session.api((api) => api.sidebarAction.isOpen({}));
  }

  /** The sidebar document's text, once it shows `text`. */
  waitForText(text: RegExp): Promise<string> {
    return waitFor(async () => {
      const shown = await this.session.driver.evaluate(() => {
        const api = (globalThis as unknown as { browser: { extension: { getViews(o: object): Window[] } } }).browser;
        return (api.extension.getViews({ type: 'sidebar' })[0]?.document.body.textContent ?? '').replace(/\s+/g, ' ');
      });
      return text.test(shown) ? shown : undefined;
    }, `the sidebar to show ${text}`);
  }

  /** Clicks the first jump button of the measure group containing `text` (a click from the sidebar's own script). */
  jumpTo(text: string): Promise<void> {
    return this.session.driver.evaluate((t) => {
      const api = (globalThis as unknown as { browser: { extension: { getViews(o: object): Window[] } } }).browser;
      const doc = api.extension.getViews({ type: 'sidebar' })[0]?.document;
      const group = [...(doc?.querySelectorAll('[data-testid="measure-group"]') ?? [])].find((g) =>
        g.textContent?.includes(t),
      );
      const button = group?.querySelector('button');
      if (!button) throw new Error(`no measure group with ${t} in the sidebar`);
      button.click();
    }, text);
  }
}
