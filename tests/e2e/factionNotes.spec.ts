import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { clickShadowButton, type ShadowButton, shadowHosts } from './closedShadow';
import { CouncilPageModel } from './councilPage';
import { expect, test } from './fixtures';

// Faction notes as the reader meets them (issue 17, part B): the share switch, colleagues' notes on the
// page and in the popup, whose notes the list shows, and a conflict the author settles. Colleagues' notes
// and conflicts reach the notebook through the faction's sync; here they come in through the import.

const MOTION = 'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711';
const SHARE = /^(Mit der Fraktion teilen|Share with the faction)$/;

/**
 * What the faction sync stores when the reader connects (its status record) or leaves (null): the only
 * thing the editors read. No server runs here; the sync's own e2e connects to one.
 */
async function setFaction(context: BrowserContext, connected: boolean) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(
    (status) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(i: object): Promise<void> } } } }
      ).chrome.storage.local.set({ factionStatus: status }),
    connected
      ? { server: 'https://couch.example.de', database: 'fraktion', user: 'lena', health: { failures: 0 } }
      : null,
  );
}

/** Every stored note, read in an extension page (the notebook lives in the extension's origin). */
async function storedNotes(extensionPage: Page): Promise<Record<string, unknown>[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('ratsmarker');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('notes').objectStore('notes').getAll();
          all.onsuccess = () => {
            resolve(all.result as Record<string, unknown>[]);
            open.result.close();
          };
        };
      }),
  );
}

/** Notes brought in as a notes file through "Importieren" in the popup (as the sync would write them). */
async function importNotes(popup: Page, notes: object[]) {
  const file = JSON.stringify({ format: 'ratsmarker-notes', version: 1, notes });
  await popup.getByRole('button', { name: /Alle Notizen|All notes/ }).click();
  await popup
    .locator('.import input[type="file"]')
    .setInputFiles({ name: 'notizen.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(popup.getByTestId('import-status')).toContainText(new RegExp(`${notes.length} (neu|new)`));
}

async function openNoteEditor(page: Page) {
  const rm = new CouncilPageModel(page);
  await rm.badge(/^KW21 Z\. 7–8/).click();
  const card = rm.card();
  await card.getByRole('button', { name: /Notiz zu dieser Stelle|Note on this passage/ }).click();
  return card;
}

async function takeNote(page: Page, text: string) {
  const card = await openNoteEditor(page);
  await card.getByRole('textbox', { name: /^(Notiz|Note)$/ }).fill(text);
  await card.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  await expect(card.getByRole('status')).toHaveText(/Notiz gespeichert|Note saved/);
  await page.keyboard.press('Escape');
}

/** A colleague's copy of `note` (same passage), as the faction's sync stores it. */
function colleagueNote(note: Record<string, unknown>, id: string, author: string, text: string, updated: string) {
  const { terms: _terms, orphaned: _orphaned, ...rest } = note;
  return { ...rest, id, text, tags: ['Fraktion'], created: updated, updated, faction: { author, user: author } };
}

test('the share switch shows only with a faction connected, starts off, and a pack shared by default turns it on', async ({
  context,
  extensionId,
  openCouncilPage,
}) => {
  const page = await openCouncilPage(MOTION);
  await new CouncilPageModel(page).waitForScan();
  let card = await openNoteEditor(page);
  await expect(card.getByRole('textbox', { name: /^(Notiz|Note)$/ })).toBeVisible();
  await expect(card.getByRole('checkbox', { name: SHARE })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Connected: the open page shows the switch at once, off for a pack not shared by default.
  await setFaction(context, true);
  await expect(async () => {
    card = await openNoteEditor(page);
    await expect(card.getByRole('checkbox', { name: SHARE })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(card.getByRole('checkbox', { name: SHARE })).not.toBeChecked();
  // The reader switches it by keyboard.
  await card.getByRole('checkbox', { name: SHARE }).focus();
  await page.keyboard.press('Space');
  await expect(card.getByRole('checkbox', { name: SHARE })).toBeChecked();
  await page.keyboard.press('Escape');

  // The options' pack list: "Notizen zu diesem Paket standardmäßig teilen" for KW21.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const kw21 = options.getByTestId('pack').filter({ hasText: /KW21|Internationale Zusammenarbeit/ });
  const byDefault = kw21.getByRole('checkbox', { name: /standardmäßig teilen|Share notes on this pack by default/ });
  await byDefault.check();
  await expect(byDefault).toBeChecked();

  await page.bringToFront();
  await expect(async () => {
    card = await openNoteEditor(page);
    await expect(card.getByRole('checkbox', { name: SHARE })).toBeChecked({ timeout: 1_000 });
  }).toPass();
  await page.keyboard.press('Escape');

  // Left the faction: no switch any more, and the pack default is not offered.
  await setFaction(context, false);
  await options.reload();
  await expect(options.getByTestId('pack').first()).toBeVisible();
  await expect(options.getByRole('checkbox', { name: /standardmäßig teilen/ })).toHaveCount(0);
  await page.bringToFront();
  await expect(async () => {
    card = await openNoteEditor(page);
    await expect(card.getByRole('textbox', { name: /^(Notiz|Note)$/ })).toBeVisible({ timeout: 1_000 });
    await expect(card.getByRole('checkbox', { name: SHARE })).toHaveCount(0, { timeout: 1_000 });
  }).toPass();
});

test('colleagues’ notes: the badge counts them with a marker of its own, the card lists them read-only below the reader’s', async ({
  context,
  openCouncilPage,
  openPopup,
}) => {
  await setFaction(context, true);
  const page = await openCouncilPage(MOTION);
  await new CouncilPageModel(page).waitForScan();
  await takeNote(page, 'Meine eigene Notiz zu Toulouse');
  const popup = await openPopup(page);
  const [mine] = await storedNotes(popup);
  await importNotes(popup, [
    colleagueNote(
      mine as Record<string, unknown>,
      'f1',
      'Anna Beispiel',
      'Annas Notiz: im Ausschuss nachfragen',
      '2026-11-20T10:00:00.000Z',
    ),
    {
      ...colleagueNote(
        mine as Record<string, unknown>,
        'f2',
        'Ben Muster',
        'Bens Notiz: Kosten?',
        '2026-11-21T10:00:00.000Z',
      ),
      // Ben's note, its text changed by Carl.
      editedBy: { author: 'Carl C.', user: 'carl', at: '2026-11-21T10:00:00.000Z' },
    },
  ]);

  await page.bringToFront();
  await page.reload();
  const rm = new CouncilPageModel(page);
  await rm.waitForScan();
  const badge = rm.badge(/^KW21 Z\. 7–8/);
  await expect(badge).toHaveAccessibleName(/1 Notiz\(en\); 2 Notizen der Fraktion$/);
  await expect(badge.locator('.count')).toHaveText('✎ 1');
  await expect(badge.locator('.faction')).toHaveText('⚑ 2');

  await badge.click();
  const card = rm.card();
  const own = card.getByRole('list').first();
  const colleagues = card.getByRole('list').nth(1);
  await expect(own).toContainText('Meine eigene Notiz zu Toulouse');
  await expect(card.getByRole('heading', { name: /Notizen der Fraktion|Faction notes/ })).toBeVisible();
  await expect(colleagues.getByRole('listitem')).toHaveCount(2);
  await expect(colleagues).toContainText('Anna Beispiel · 20.11.2026');
  await expect(colleagues).toContainText('Annas Notiz: im Ausschuss nachfragen');
  await expect(colleagues).toContainText('Ben Muster · 21.11.2026');
  // Who changed a colleague's text, as the popup says it.
  const item = (text: string) => colleagues.getByRole('listitem').filter({ hasText: text });
  await expect(item('Bens Notiz')).toContainText(/bearbeitet von Carl C\., 21\.11\.2026/);
  await expect(item('Annas Notiz')).not.toContainText('bearbeitet von');
  // Read only: nothing in the colleagues' list to edit or press.
  await expect(colleagues.getByRole('button')).toHaveCount(0);
  await expect(colleagues.getByRole('textbox')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('karte-fraktion.png') });
});

test.describe('as readers have it (closed shadow roots)', () => {
  test.use({ testMarks: false });
  test('the page’s scripts learn nothing of colleagues’ notes; the reader sees them', async ({
    context,
    openCouncilPage,
    openPopup,
  }) => {
    await setFaction(context, true);
    const page = await openCouncilPage(MOTION);
    await new CouncilPageModel(page).waitForScan();
    // The reader's own note, taken with mouse and keyboard through the closed card.
    // Waited for: the card comes with the page extras, a moment after the first click.
    const button = async (ui: string, name: RegExp) => {
      const find = async () => (await shadowHosts(page, ui)).flatMap((h) => h.buttons).find((b) => name.test(b.name));
      await expect.poll(find, { message: `${ui} button ${name}` }).toBeDefined();
      return (await find()) as ShadowButton;
    };
    await clickShadowButton(page, await button('badge', /^KW21 Z\. 7–8/));
    await clickShadowButton(page, await button('card', /Notiz zu dieser Stelle/));
    await page.keyboard.type('Private Notiz');
    await clickShadowButton(page, await button('card', /^Speichern$/));
    await expect.poll(async () => (await shadowHosts(page, 'card'))[0]?.text).toContain('Notiz gespeichert');

    const popup = await openPopup(page);
    const [mine] = await storedNotes(popup);
    await importNotes(popup, [
      colleagueNote(
        mine as Record<string, unknown>,
        'f1',
        'Anna Beispiel',
        'Vertraulich aus der Fraktion',
        '2026-11-20T10:00:00.000Z',
      ),
    ]);
    await page.bringToFront();
    await page.reload();
    await new CouncilPageModel(page).waitForScan();
    await expect
      .poll(async () => (await shadowHosts(page, 'badge')).flatMap((h) => h.buttons).map((b) => b.name))
      .toContainEqual(expect.stringMatching(/1 Notiz\(en\); 1 Notiz der Fraktion$/));
    await clickShadowButton(page, await button('badge', /1 Notiz der Fraktion/));
    await expect.poll(async () => (await shadowHosts(page, 'card'))[0]?.text).toContain('Vertraulich aus der Fraktion');

    const seen = await page.evaluate(() => ({
      text: document.documentElement.textContent ?? '',
      html: document.documentElement.outerHTML,
      roots: [...document.querySelectorAll('[data-ratsmarker-ui]')].map((h) => h.shadowRoot !== null),
    }));
    expect(seen.text).not.toContain('Vertraulich');
    expect(seen.text).not.toContain('Anna Beispiel');
    expect(seen.html).not.toContain('Notiz der Fraktion');
    expect(seen.html).not.toContain('⚑');
    expect(seen.roots.length).toBeGreaterThan(0);
    expect(seen.roots.every((open) => !open)).toBe(true);
  });
});

const DOC = {
  key: 'ratsinfo.duesseldorf.de|AIF/012/2024',
  site: 'ratsinfo.duesseldorf.de',
  number: 'AIF/012/2024',
  title: 'Partnerschaft mit Toulouse',
  url: 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711',
};
const pageNote = (id: string, text: string, updated: string, extra: object = {}) => ({
  id,
  document: DOC,
  documentKey: DOC.key,
  measureIds: [],
  text,
  tags: ['Haushalt'],
  created: updated,
  updated,
  ...extra,
});

test('"Alle Notizen": whose notes (Alle / Meine / Fraktion) at 420 × 600, shared ones marked, colleagues’ read only', async ({
  context,
  extensionId,
}) => {
  await setFaction(context, true);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html#notes`);
  await importNotes(popup, [
    pageNote('m1', 'Meine private Notiz', '2026-11-01T09:00:00.000Z'),
    pageNote('m2', 'Meine geteilte Notiz', '2026-11-02T09:00:00.000Z', { shared: true }),
    pageNote('f1', 'Annas Notiz zum Haushalt', '2026-11-03T09:00:00.000Z', {
      faction: { author: 'Anna Beispiel', user: 'anna' },
    }),
  ]);
  const whose = popup.getByRole('group', { name: /Wessen Notizen|Whose notes/ });
  await expect(whose.getByRole('button', { name: /^(Alle|All)$/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(popup.getByTestId('note')).toHaveCount(3);

  const shared = popup.getByTestId('note').filter({ hasText: 'Meine geteilte Notiz' });
  await expect(shared.getByText(/^(geteilt|shared)$/)).toBeVisible();
  await expect(
    popup
      .getByTestId('note')
      .filter({ hasText: 'Meine private Notiz' })
      .getByText(/^geteilt$/),
  ).toHaveCount(0);
  const anna = popup.getByTestId('note').filter({ hasText: 'Annas Notiz' });
  await expect(anna.getByTestId('note-author')).toHaveText(/von Anna Beispiel · 03\.11\.2026 \(Fraktion\)/);
  await expect(anna.getByRole('button', { name: /Bearbeiten|Löschen|Edit|Delete/ })).toHaveCount(0);

  await popup.screenshot({ path: test.info().outputPath('alle-notizen-fraktion-420x600.png') });
  const axe = await new AxeBuilder({ page: popup }).analyze();
  expect(axe.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
  // Nothing wider than the popup: the filter's three buttons fit beside each other.
  const width = await popup.evaluate(() => document.documentElement.clientWidth);
  for (const b of await whose.getByRole('button').all()) {
    const box = await b.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
  }
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

  await whose.getByRole('button', { name: /^(Meine|Mine)$/ }).click();
  await expect(popup.getByTestId('note')).toHaveCount(2);
  await expect(popup.getByTestId('notes-total')).toHaveText(/2/);
  await expect(popup.getByTestId('note').filter({ hasText: 'Annas' })).toHaveCount(0);
  await whose.getByRole('button', { name: /^(Fraktion|Faction)$/ }).click();
  await expect(popup.getByTestId('note')).toHaveCount(1);
  await expect(popup.getByTestId('note')).toContainText('Annas Notiz zum Haushalt');
  // Together with a search: the reader's private note is no colleague's.
  await popup.getByRole('searchbox').fill('private');
  await expect(popup.getByTestId('notes-total')).toHaveText(/keine Notizen|No notes/);
  await whose.getByRole('button', { name: /^(Alle|All)$/ }).click();
  await expect(popup.getByTestId('note')).toHaveCount(1);
  await expect(popup.getByTestId('note')).toContainText('Meine private Notiz');
});

test('a shared note in conflict: the author sees both versions side by side and keeps one', async ({
  context,
  extensionId,
}) => {
  await setFaction(context, true);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html#notes`);
  await importNotes(popup, [
    pageNote('c1', 'Meine Fassung: zustimmen', '2026-11-05T09:00:00.000Z', {
      shared: true,
      conflict: {
        versions: [
          {
            rev: '3-b',
            text: 'Bens Fassung: vertagen',
            tags: ['Vertagung'],
            updated: '2026-11-05T10:00:00.000Z',
            author: 'Ben Muster',
          },
        ],
      },
    }),
  ]);
  const note = popup.getByTestId('note');
  const conflict = note.getByRole('button', { name: /Konflikt: 2 Fassungen|Conflict: 2 versions/ });
  await expect(conflict).toBeVisible();
  await conflict.click();
  const versions = popup.getByRole('dialog', { name: /Konflikt: 2 Fassungen|Conflict: 2 versions/ });
  const here = versions.getByRole('region', { name: /Diese Fassung|This version/ });
  const ben = versions.getByRole('region', { name: /Fassung von Ben Muster|Version by Ben Muster/ });
  await expect(here).toContainText('Meine Fassung: zustimmen');
  await expect(ben).toContainText('Bens Fassung: vertagen');
  await expect(ben).toContainText('#Vertagung');
  // Side by side at the popup's width.
  const [a, b] = [await here.boundingBox(), await ben.boundingBox()];
  expect(Math.abs((a?.y ?? 0) - (b?.y ?? 1))).toBeLessThan(2);
  expect((a?.x ?? 0) + (a?.width ?? 0)).toBeLessThanOrEqual(b?.x ?? 0);
  await popup.screenshot({ path: test.info().outputPath('konflikt-420x600.png') });
  const axe = await new AxeBuilder({ page: popup }).analyze();
  expect(axe.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);

  await ben.getByRole('button', { name: /Diese Fassung behalten|Keep this version/ }).click();
  // The dialog closes once the kept version is written. While it is open, its own versions are text of the note,
  // and the page outside it is inert (its "Konflikt" button out of the accessibility tree): the checks below
  // would pass before anything was written.
  await expect(versions).toHaveCount(0);
  await expect(note).toContainText('Bens Fassung: vertagen');
  await expect(note.getByRole('button', { name: /Konflikt/ })).toHaveCount(0);
  await expect.poll(async () => (await storedNotes(popup))[0]?.text).toBe('Bens Fassung: vertagen');
  const [stored] = await storedNotes(popup);
  expect(stored).toMatchObject({ id: 'c1', text: 'Bens Fassung: vertagen', tags: ['Vertagung'], shared: true });
  expect(stored?.conflict).toBeUndefined();
  expect(Date.parse(String(stored?.updated))).toBeGreaterThan(Date.parse('2026-11-05T09:00:00.000Z'));
});

test('the popup’s editors: the page note and the edit form have the switch with a faction, the edit form starts as the note is', async ({
  context,
  openCouncilPage,
  openPopup,
}) => {
  const page = await openCouncilPage(MOTION);
  await new CouncilPageModel(page).waitForScan();
  let popup = await openPopup(page);
  await expect(popup.getByRole('textbox', { name: /Notiz zu dieser Seite|Note on this page/ })).toBeVisible();
  await expect(popup.getByRole('checkbox', { name: SHARE })).toHaveCount(0);
  await importNotes(popup, [
    pageNote('m2', 'Schon geteilt', '2026-11-02T09:00:00.000Z', {
      shared: true,
      document: { ...DOC, key: 'ratsinfo.duesseldorf.de|x', number: 'x' },
      documentKey: 'ratsinfo.duesseldorf.de|x',
    }),
  ]);

  await setFaction(context, true);
  await popup.close();
  popup = await openPopup(page);
  const pageNoteForm = popup
    .locator('form')
    .filter({ has: popup.getByRole('button', { name: /Notiz speichern|Save note/ }) });
  await expect(pageNoteForm.getByRole('checkbox', { name: SHARE })).not.toBeChecked();

  await popup.getByRole('button', { name: /Alle Notizen|All notes/ }).click();
  const note = popup.locator('[data-note-id="m2"]');
  await note.getByRole('button', { name: /Bearbeiten|Edit/ }).click();
  await expect(note.getByRole('checkbox', { name: SHARE })).toBeChecked();
});
