import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The council page is not the reader. These tests run the extension as readers have it
 * (no `ratsmarker:testMarks`) and act as a hostile page would: from the page's main world,
 * which is where `page.evaluate` runs.
 */
test.use({ testMarks: false });

const MOTION = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711';
const NOTE = 'Vertraulich: mit der Fraktion vor der Sitzung abstimmen, Haushaltsmittel prüfen';
const FORGED = 'Gefälschte Notiz der Seite';

/** What the built-in pack would give away: its code, party, body, date, measure ids and labels. */
function packSecrets(): string[] {
  const lexicon = JSON.parse(readFileSync(new URL('../../packs/kw21/lexicon.json', import.meta.url), 'utf8')) as {
    code: string;
    party: string;
    measures: Record<string, { label: string }>;
  };
  return [
    lexicon.code,
    lexicon.party,
    'Internationale Zusammenarbeit',
    'Kreisvorstand',
    '05.02.2020',
    'Z. 7–8',
    ...Object.keys(lexicon.measures),
    ...Object.values(lexicon.measures).map((m) => m.label),
  ];
}

/** Everything the page's scripts can read: text, attributes and class names (open shadow roots too), highlight names, style sheets. */
function readablePage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        for (const a of el.attributes) out.push(a.name, a.value);
        if (el.shadowRoot) {
          out.push(el.shadowRoot.textContent ?? '');
          visit(el.shadowRoot);
        }
      }
    };
    out.push(document.documentElement.textContent ?? '');
    visit(document);
    for (const name of (CSS.highlights as unknown as Map<string, unknown>).keys()) out.push(name);
    for (const sheet of document.styleSheets) {
      try {
        for (const rule of sheet.cssRules) out.push(rule.cssText);
      } catch {
        out.push(sheet.href ?? '');
      }
    }
    return out;
  });
}

/** The page as the server sent it, so that words the council document itself contains do not count as leaks. */
function pageSource(page: Page): Promise<string> {
  return page.evaluate(async () => (await fetch(location.href)).text());
}

async function leaks(page: Page, secrets: readonly string[]): Promise<string[]> {
  const source = await pageSource(page);
  const readable = (await readablePage(page)).join('\n');
  return secrets.filter((s) => readable.includes(s) && !source.includes(s));
}

async function waitForScan(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('ratsmarker:scan-end').length > 0);
}

/** The notes in the extension's notebook, read in its service worker (the extension's origin). */
async function storedNotes(context: BrowserContext): Promise<string[]> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('ratsmarker');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('notes')) {
            db.close();
            return resolve([]);
          }
          const all = db.transaction('notes').objectStore('notes').getAll();
          all.onsuccess = () => {
            resolve((all.result as { text: string }[]).map((n) => n.text));
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

const cardHost = (page: Page) => page.locator('[data-ratsmarker-ui="card"]');
const badgeHost = (page: Page) => page.locator('[data-ratsmarker-ui="badge"]').first();

/** The reader, by mouse and keyboard only (trusted input), takes a note on the first matched passage. */
async function readerTakesNote(page: Page, context: BrowserContext) {
  await badgeHost(page).click();
  await expect(cardHost(page)).toHaveCount(1);
  // In the card: the close button, then "Notiz zu dieser Stelle".
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.type(NOTE);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Haushalt');
  // Enter in the tags field submits the form through its save button.
  await page.keyboard.press('Enter');
  await expect.poll(() => storedNotes(context)).toEqual([NOTE]);
  await page.keyboard.press('Escape');
  await expect(cardHost(page)).toHaveCount(0);
}

test('a hostile page cannot open a card, read a note, forge a note or read which measures matched', async ({
  context,
  openCouncilPage,
}) => {
  const page = await openCouncilPage(MOTION);
  await waitForScan(page);
  await readerTakesNote(page, context);

  // The reader opens the card again: it lists the note (found again after a reload). The page tries to read it.
  await page.reload();
  await waitForScan(page);
  await page.waitForTimeout(500);
  await badgeHost(page).click();
  await expect(cardHost(page)).toHaveCount(1);
  const readWhileOpen = await page.evaluate(() => {
    const card = document.querySelector('[data-ratsmarker-ui="card"]');
    return `${card?.shadowRoot?.textContent ?? ''} ${card?.textContent ?? ''}`;
  });
  expect.soft(readWhileOpen).not.toContain(NOTE);
  await page.keyboard.press('Escape');
  await expect(cardHost(page)).toHaveCount(0);

  // The page clicks every badge by script (host and, where it can reach it, the button), as keys too.
  const attack = await page.evaluate(async (forged) => {
    const result = { cardsOpened: 0, formsFound: 0, read: '' };
    const tick = () => new Promise((r) => setTimeout(r, 50));
    for (const host of document.querySelectorAll<HTMLElement>('[data-ratsmarker-ui="badge"]')) {
      host.click();
      const button = host.shadowRoot?.querySelector('button');
      button?.click();
      button?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await tick();
      const card = document.querySelector('[data-ratsmarker-ui="card"]');
      if (!card) continue;
      result.cardsOpened++;
      const root = card.shadowRoot;
      result.read += root?.textContent ?? '';
      // Open the note editor, type, and press save.
      for (const b of root?.querySelectorAll('button') ?? []) if (!b.closest('form')) b.click();
      await tick();
      const form = root?.querySelector('form');
      const text = form?.querySelector('textarea');
      if (!form || !text) continue;
      result.formsFound++;
      text.value = forged;
      text.dispatchEvent(new Event('input', { bubbles: true }));
      form.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      form.requestSubmit();
      form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
      await tick();
    }
    return result;
  }, FORGED);
  // Soft: a failing build shows every way it gave in, not only the first.
  expect.soft(attack.cardsOpened).toBe(0);
  expect.soft(attack.formsFound).toBe(0);
  expect.soft(attack.read).not.toContain(NOTE);
  await page.keyboard.press('Escape');

  // Whatever the page did, the notebook holds the reader's note and nothing else, and the page reads
  // neither the note nor which pack, measures and lines matched.
  await page.waitForTimeout(1000);
  expect.soft(await storedNotes(context)).toEqual([NOTE]);
  expect.soft(await leaks(page, [NOTE, ...packSecrets()])).toEqual([]);
  // No attribute, in the page or any shadow root it can open, marks measures or notes.
  const marking = await page.evaluate(() => {
    const names: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        for (const a of el.attributes) names.push(a.name);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return names.filter((n) => n === 'data-ratsmarker-measures' || n === 'data-notes');
  });
  expect.soft(marking).toEqual([]);
});

test('without the test switch, no pack code, measure, body, date or note is readable from the page', async ({
  context,
  openCouncilPage,
}) => {
  const page = await openCouncilPage(MOTION);
  await waitForScan(page);
  // The extension did its work: badges and highlights are there.
  await expect(page.locator('[data-ratsmarker-ui="badge"]').first()).toBeVisible();
  // Their shadow roots are closed to the page.
  expect(
    await page.evaluate(
      () => [...document.querySelectorAll('[data-ratsmarker-ui]')].filter((h) => h.shadowRoot).length,
    ),
  ).toBe(0);
  await readerTakesNote(page, context);
  await page.reload();
  await waitForScan(page);
  // After the reload the note is anchored again and its marker drawn.
  await page.waitForTimeout(500);
  expect(await leaks(page, [NOTE, ...packSecrets()])).toEqual([]);
  // And with a card open (the reader's, by mouse).
  await badgeHost(page).click();
  await expect(cardHost(page)).toHaveCount(1);
  expect(await leaks(page, [NOTE, ...packSecrets()])).toEqual([]);
});

test('the page hears no message from the extension while it loads and is read', async ({ context, extensionId }) => {
  const page = await context.newPage();
  // A page's script listening to every message posted to its window from its first moment on.
  await page.addInitScript(() => {
    const heard: string[] = [];
    (globalThis as unknown as { __heard: string[] }).__heard = heard;
    addEventListener('message', (e) => heard.push(JSON.stringify(e.data) ?? String(e.data)), true);
  });
  await page.goto(MOTION);
  await waitForScan(page);
  await expect(page.locator('[data-ratsmarker-ui="badge"]').first()).toBeVisible();
  await page.waitForTimeout(300);
  // WXT's content scripts announce themselves with window.postMessage unless told not to: a message with the
  // extension's id that any script of the page could read.
  const heard = await page.evaluate(() => (globalThis as unknown as { __heard: string[] }).__heard);
  expect(heard.filter((m) => m.includes(extensionId) || /ratsmarker|wxt/i.test(m))).toEqual([]);
});

test('by keyboard, with closed shadow roots: Tab reaches a badge, Enter and Space open its card, Tab stays in it, Esc closes, next match steps on', async ({
  context,
  extensionId,
  openCouncilPage,
}) => {
  const page = await openCouncilPage(MOTION);
  await waitForScan(page);
  const focusedUi = () => page.evaluate(() => document.activeElement?.getAttribute('data-ratsmarker-ui') ?? null);
  for (let i = 0; i < 80 && (await focusedUi()) !== 'badge'; i++) await page.keyboard.press('Tab');
  expect(await focusedUi()).toBe('badge');
  await page.keyboard.press('Enter');
  await expect(cardHost(page)).toHaveCount(1);
  expect(await focusedUi()).toBe('card');
  await page.keyboard.press('Tab');
  expect(await focusedUi()).toBe('card');
  await page.keyboard.press('Escape');
  await expect(cardHost(page)).toHaveCount(0);
  expect(await focusedUi()).toBe('badge');
  await page.keyboard.press('Space');
  await expect(cardHost(page)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(cardHost(page)).toHaveCount(0);

  // Next match (the shortcut's message to the tab) steps on from the focused badge, roots closed or not.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const step = () =>
    options.evaluate(async () => {
      type Chrome = {
        tabs: {
          query(q: object): Promise<{ id?: number }[]>;
          sendMessage(tabId: number, m: unknown): Promise<unknown>;
        };
      };
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [tab] = await chrome.tabs.query({ url: '*://ratsinfo.duesseldorf.de/*' });
      await chrome.tabs.sendMessage(tab?.id as number, { id: 1, type: 'stepMatch', data: 1, timestamp: Date.now() });
    });
  const focusedBadge = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-ratsmarker-ui="badge"]')].indexOf(document.activeElement as Element),
    );
  const from = await focusedBadge();
  expect(from).toBeGreaterThanOrEqual(0);
  await step();
  expect(await focusedBadge()).toBe(from + 1);
  await step();
  expect(await focusedBadge()).toBe(from + 2);
});

test('the background refuses what an extension page may not ask, and data it cannot read', async ({
  context,
  extensionId,
  openCouncilPage,
}) => {
  const council = await openCouncilPage(MOTION);
  await waitForScan(council);
  await readerTakesNote(council, context);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const answers = await options.evaluate(async (motion) => {
    type Chrome = {
      runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string } }> };
      tabs: { query(q: object): Promise<{ id?: number; active: boolean; url?: string }[]> };
    };
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const ask = async (type: string, data: unknown) => {
      const answer = await chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
      return answer?.err ? `refused: ${answer.err.message}` : 'answered';
    };
    const background = (await chrome.tabs.query({ active: false })).find((t) => t.id !== undefined);
    return {
      // Content-script messages from an extension page: not a content script.
      notes: await ask('notesForDocument', motion),
      add: await ask('addNote', { document: { key: motion, site: 's', url: motion }, text: 'Von der falschen Seite' }),
      // checkTab for a tab the reader is not looking at.
      checkOther: await ask('checkTab', background?.id ?? 9999),
      // Data that is not what the message carries.
      viewer: await ask('openViewer', 'javascript:alert(1)'),
      check: await ask('checkTab', 'alle'),
    };
  }, MOTION);
  expect(answers).toEqual({
    notes: expect.stringMatching(/^refused: .*sender/),
    add: expect.stringMatching(/^refused: .*sender/),
    checkOther: expect.stringMatching(/^refused: .*sender/),
    viewer: expect.stringMatching(/^refused: .*invalid data/),
    check: expect.stringMatching(/^refused: .*invalid data/),
  });
  expect(await storedNotes(context)).toEqual([NOTE]);
});

test('the sites list shows the built-in hosts as built in, with nothing to remove, and says what the grant for all council pages grants', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText(/^(Keine\.|None\.)$/)).toBeVisible();
  await expect(options.getByTestId('added-sites')).toHaveCount(0);
  await options
    .getByText(/Ratsinformationssysteme, die Ratsmarker kennt|Council information systems Ratsmarker knows/)
    .click();
  const builtIn = options.getByTestId('built-in-sites');
  await expect(builtIn.getByRole('listitem')).toHaveCount(20);
  await expect(builtIn.getByRole('button')).toHaveCount(0);
  const sites = options.getByRole('region', { name: /^Websites$/ });
  await expect(sites.getByRole('button', { name: /Entfernen|Remove/ })).toHaveCount(0);
  const grant = options.getByRole('button', {
    name: /Alle SessionNet- und ALLRIS-Seiten prüfen|Check all SessionNet and ALLRIS pages/,
  });
  await expect(grant).toHaveAccessibleDescription(/alle[nr]? Seiten auf allen Websites|all pages on all websites/);
});
