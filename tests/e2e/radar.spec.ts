import { readFileSync } from 'node:fs';
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import { clickShadowButton, type ShadowHost, shadowHosts } from './closedShadow';
import { CouncilPageModel } from './councilPage';
import { launchExtension } from './fixtures';
import { AGENDA_PATH, BARE_AGENDA_PATH, type RadarItemSpec, startRadarServer } from './radarServer';

const AGENDA = `http://ratsinfo.duesseldorf.de${AGENDA_PATH}?__ksinr=4711`;

// The meeting: the numbers in comments are the agenda's TOP numbers.
const ITEMS: RadarItemSpec[] = [
  /* 1 */ { title: 'Eröffnung der Sitzung' },
  /* 2 */ {
    title: 'Städtefreundschaft mit Toulouse verstetigen',
    vorlage: {
      number: 'OB/12/2026',
      paragraphs: [
        'Die Verwaltung wird beauftragt, den Austausch mit der Partnerstadt Toulouse dauerhaft zu verstetigen und jährlich eine Bürgerreise zu organisieren.',
        'Die Kosten werden aus dem Budget des Büros für Internationale Angelegenheiten gedeckt.',
      ],
    },
  },
  /* 3 */ { title: 'Antrag: Partnerschaften stärken', vorlage: { number: 'AN/7/2026', paragraphs: [], pdf: 'motion' } },
  /* 4 */ {
    title: 'Sanierung des Spielplatzes Lindenplatz',
    vorlage: {
      number: 'JUG/3/2026',
      paragraphs: [
        'Der Spielplatz am Lindenplatz wird saniert; die Holzgeräte werden ersetzt und der Fallschutz erneuert.',
      ],
    },
  },
  /* 5 */ { title: 'Bericht der Verwaltung', vorlage: 'missing' },
  /* 6 */ { title: 'Vorlage mit defekter Datei', vorlage: { number: 'KAP/9/2026', paragraphs: [], pdf: 'broken' } },
  /* 7 */ {
    title: 'Beitritt zum Netzwerk Eurocities',
    vorlage: {
      number: 'OB/15/2026',
      paragraphs: [
        'Die Landeshauptstadt tritt dem Städtenetzwerk Eurocities bei und beteiligt sich an dessen Arbeitsgruppen; die Fachverwaltung wird einbezogen.',
      ],
    },
  },
  ...[8, 9, 10, 11].map(
    (n): RadarItemSpec => ({
      title: `Bebauungsplan Nr. ${n}`,
      vorlage: { number: `SPA/${n}/2026`, paragraphs: [`Der Bebauungsplan Nr. ${n} wird als Satzung beschlossen.`] },
      delay: 300,
    }),
  ),
];

// Another meeting whose agenda links no document.
const BARE_ITEMS: RadarItemSpec[] = [
  { title: 'Städtepartnerschaft mit Toulouse: den Jugendaustausch mit der Partnerstadt ausbauen' },
  { title: 'Bebauungsplan Nr. 12' },
];

type Say = (key: string, ...params: string[]) => string;

const test = base.extend<{ radar: Awaited<ReturnType<typeof startRadarServer>>; context: BrowserContext; say: Say }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  radar: async ({}, use) => {
    const radar = await startRadarServer(ITEMS, BARE_ITEMS);
    await use(radar);
    radar.server.close();
  },
  context: async ({ radar }, use) => {
    const context = await launchExtension(radar.port);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // The test contract: rows carry the measure ids only when the extension's own storage says so.
    await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }
      ).chrome.storage.local.set({ 'ratsmarker:testMarks': true }),
    );
    await use(context);
    await context.close();
  },
  // What the extension says, in the language the browser gave it (German with chromium-l10n and LANGUAGE=de).
  say: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const lang = await worker.evaluate(() =>
      (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage(),
    );
    const file = new URL(`../../locales/${lang.startsWith('de') ? 'de' : 'en'}.json`, import.meta.url);
    const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<
      string,
      { message: string; placeholders?: Record<string, { content: string }> }
    >;
    // The extension's message format: $NAME$ stands for the placeholder NAME, whose content is "$1", "$2" …
    await use((key, ...params) => {
      const entry = catalogue[key];
      if (!entry) throw new Error(`no message ${key}`);
      return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
        const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
        return params[Number(content.slice(1)) - 1] ?? '';
      });
    });
  },
});

/** The agenda with the radar at work, as the reader sees it. */
class AgendaPage {
  constructor(readonly page: Page) {}
  async panel(): Promise<ShadowHost | undefined> {
    return (await shadowHosts(this.page, 'radar'))[0];
  }
  async chips(): Promise<ShadowHost[]> {
    return shadowHosts(this.page, 'radar-chips');
  }
  async waitUntilChecked(total: number, say: Say) {
    await expect
      .poll(async () => (await this.panel())?.text ?? '', { timeout: 30_000 })
      .toContain(say('radarDone', String(total)));
  }
  measuresOfRow(n: number) {
    return this.page
      .locator('tbody tr')
      .nth(n - 1)
      .getAttribute('data-ratsmarker-measures');
  }
}

test('the agenda shows which items touch the resolution, reading at most two documents at a time', async ({
  context,
  radar,
  say,
}) => {
  const page = await context.newPage();
  await page.goto(AGENDA);
  const agenda = new AgendaPage(page);
  await agenda.waitUntilChecked(ITEMS.length, say);

  // The right rows carry the right measures; the others none.
  expect(await agenda.measuresOfRow(2)).toBe('KW21-7');
  expect((await agenda.measuresOfRow(3))?.split(' ').sort()).toEqual(['KW21-13', 'KW21-7']);
  expect(await agenda.measuresOfRow(7)).toBe('KW21-13');
  for (const n of [1, 4, 5, 6, 8, 9, 10, 11]) expect(await agenda.measuresOfRow(n), `TOP ${n}`).toBeNull();

  // Polite to the server: never more than two document requests at once.
  expect(radar.log.mostInFlight).toBeLessThanOrEqual(2);
  expect(radar.log.mostInFlight).toBeGreaterThan(0);

  // The summary, and each item's state in the reader's words.
  const panel = await agenda.panel();
  expect(panel?.text).toContain(say('radarSummary', '3', '11', 'KW21'));
  expect(panel?.buttons.map((b) => b.text)).toEqual([
    say('radarJump', '2', 'Städtefreundschaft mit Toulouse verstetigen'),
    say('radarJump', '3', 'Antrag: Partnerschaften stärken'),
    say('radarJump', '7', 'Beitritt zum Netzwerk Eurocities'),
    say('radarExport'),
  ]);
  const chips = await agenda.chips();
  expect(chips).toHaveLength(ITEMS.length);
  expect(chips[0]?.text).toBe(say('radarNoDocument'));
  expect(chips[1]?.buttons.map((b) => b.text)).toEqual(['KW21 · Z. 7–8']);
  expect(chips[2]?.buttons.map((b) => b.text)).toEqual(['KW21 · Z. 7–8', 'KW21 · Z. 13–16']);
  expect(chips[3]?.text).toBe('');
  expect(chips[4]?.text).toBe(say('radarNotChecked', say('radarFailure_notFound')));
  expect(chips[5]?.text).toBe(say('radarNotChecked', say('radarFailure_brokenPdf')));

  // A chip opens the card with the matched passage and a way into the PDF at its page.
  const pdfChip = chips[2]?.buttons[1];
  if (!pdfChip) throw new Error('no chip');
  await clickShadowButton(page, pdfChip);
  await expect.poll(async () => (await shadowHosts(page, 'card'))[0]?.text ?? '').toContain('Eurocities');
  const card = (await shadowHosts(page, 'card'))[0];
  expect(card?.links[0]?.text).toBe(say('radarOpenPdfPage', '1'));
  expect(card?.links[0]?.href).toMatch(/\/viewer\.html\?file=.*getfile\.asp.*#page=\d$/);
  await page.keyboard.press('Escape');

  // The viewer opens at the page the link names.
  const viewer = await context.newPage();
  await viewer.goto((card?.links[0]?.href ?? '').replace(/#page=\d+$/, '#page=2'));
  await viewer.waitForFunction(() => performance.getEntriesByName('ratsmarker:scan-end').length > 0);
  expect(await viewer.evaluate(() => document.activeElement?.getAttribute('data-page'))).toBe('2');
  await viewer.close();

  // The reader's note on the Vorlage of TOP 2, as the content script keys it (site and number); the briefing
  // asks the background for the notes on the documents this agenda's radar read, and only those.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(
    (notes) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ratsmarker');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('notes', 'readwrite');
          for (const note of notes) tx.objectStore('notes').put(note);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [
      ['ratsinfo.duesseldorf.de|OB/12/2026', 'OB/12/2026', 'Im Ausschuss nach den Kosten der Bürgerreise fragen'],
      ['ratsinfo.duesseldorf.de|XY/1/2026', 'XY/1/2026', 'Notiz zu einem anderen Dokument'],
    ].map(([key, number, text], i) => ({
      id: `radar-e2e-${i}`,
      document: { key, site: 'ratsinfo.duesseldorf.de', number, url: `http://ratsinfo.duesseldorf.de/${number}` },
      documentKey: key,
      measureIds: [],
      text,
      tags: [],
      created: '2026-12-01T08:00:00.000Z',
      updated: '2026-12-01T08:00:00.000Z',
      terms: [],
    })),
  );

  // The briefing holds the items, the matched passages and the reader's notes, and says why items were not checked.
  const exportButton = panel?.buttons.at(-1);
  if (!exportButton) throw new Error('no export button');
  const [download] = await Promise.all([page.waitForEvent('download'), clickShadowButton(page, exportButton)]);
  expect(download.suggestedFilename()).toMatch(/^Sitzungsvorbereitung-.*\.md$/);
  const briefing = readFileSync(await download.path(), 'utf8');
  expect(briefing).toContain(`# ${say('briefingTitle')}: Ausschuss für Europa und Internationales - 03.12.2026`);
  expect(briefing).toContain(`## ${say('briefingItem')} 2: Städtefreundschaft mit Toulouse verstetigen`);
  expect(briefing).toContain('> Die Verwaltung wird beauftragt, den Austausch mit der Partnerstadt Toulouse');
  expect(briefing).toContain('### KW21, Z. 13–16');
  expect(briefing).toContain(`*${say('briefingNotChecked')}: ${say('radarFailure_notFound')}*`);
  expect(briefing).toContain('Im Ausschuss nach den Kosten der Bürgerreise fragen');
  expect(briefing).not.toContain('Notiz zu einem anderen Dokument');

  // A second visit shows the last reading at once, asks conditionally and downloads nothing unchanged.
  const downloads = radar.log.downloads.length;
  const asked = radar.log.requests.length;
  const SLOW = 2500;
  for (const item of ITEMS) item.delay = SLOW;
  await page.reload();
  await expect.poll(() => agenda.measuresOfRow(2), { timeout: 5000 }).toBe('KW21-7');
  expect((await agenda.panel())?.text).not.toContain(say('radarDone', String(ITEMS.length)));
  // Every item the cache knew (all but the one without a document and the missing one) was on the page
  // before the server could answer the first conditional request.
  const cached = await page.evaluate(() => {
    const mark = performance.getEntriesByName('ratsmarker:radar-cached')[0] as PerformanceMark | undefined;
    return { at: performance.timeOrigin + (mark?.startTime ?? Number.NaN), items: mark?.detail?.items };
  });
  expect(cached.items).toBe(9);
  expect(cached.at).toBeLessThan((radar.log.requests[asked]?.at ?? Number.POSITIVE_INFINITY) + SLOW);
  expect(await agenda.measuresOfRow(3)).toBe('KW21-7 KW21-13');
  expect((await agenda.chips())[5]?.text).toBe(say('radarNotChecked', say('radarFailure_brokenPdf')));
  await agenda.waitUntilChecked(ITEMS.length, say);
  for (const item of ITEMS) item.delay = item.title.startsWith('Bebauungsplan') ? 300 : 0;
  expect(radar.log.downloads.length).toBe(downloads);
  // Every document the radar read (nine Vorlage pages, two PDFs) was asked for conditionally.
  expect(radar.log.unchanged.length).toBe(11);
  expect(await agenda.measuresOfRow(2)).toBe('KW21-7');

  // The reader switches the resolution off and on again in the options while the agenda is open: the rows
  // follow, matched anew from what was read, and the server is asked nothing.
  const askedBefore = radar.log.requests.length;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
  const kw21 = options.locator('[data-pack-id="KW21"]').getByRole('checkbox');
  await kw21.uncheck();
  await expect.poll(() => agenda.measuresOfRow(2)).toBeNull();
  expect(await agenda.measuresOfRow(3)).toBeNull();
  expect((await agenda.chips())[1]?.buttons).toEqual([]);
  await kw21.check();
  await expect.poll(() => agenda.measuresOfRow(3)).toBe('KW21-7 KW21-13');
  expect(await agenda.measuresOfRow(2)).toBe('KW21-7');
  expect((await agenda.chips())[2]?.buttons.map((b) => b.text)).toEqual(['KW21 · Z. 7–8', 'KW21 · Z. 13–16']);
  expect((await agenda.panel())?.text).toContain(say('radarSummary', '3', '11', 'KW21'));
  expect(radar.log.requests.length).toBe(askedBefore);

  // The options say what the cache holds and empty it; the next visit then reads everything again.
  const section = options.getByRole('region', { name: say('optionsRadar') });
  await expect(section).toContainText(say('optionsRadarSize', '11', '').split(',')[0] ?? '');
  await section.getByRole('button', { name: say('optionsRadarClear') }).click();
  await expect(section.getByRole('status')).toHaveText(say('optionsRadarCleared'));
  await expect(section).toContainText(say('optionsRadarSize', '0', '0'));
  await page.reload();
  await agenda.waitUntilChecked(ITEMS.length, say);
  expect(radar.log.downloads.length).toBe(downloads + 11);
});

test('leaving the agenda stops the requests', async ({ context, radar }) => {
  for (const item of ITEMS) item.delay = 1500;
  const page = await context.newPage();
  await page.goto(AGENDA);
  await expect.poll(() => radar.log.requests.length, { timeout: 15_000 }).toBeGreaterThan(0);
  await page.goto('about:blank');
  const left = Date.now();
  await page.waitForTimeout(4000);
  expect(radar.log.requests.filter((r) => r.at > left + 200)).toEqual([]);
  expect(radar.log.requests.length).toBeLessThan(ITEMS.length);
});

test('an agenda none of whose items links a document is read on the page, as any council page', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`http://ratsinfo.duesseldorf.de${BARE_AGENDA_PATH}?__ksinr=4712`);
  // The agenda script found no documents and had the background bring the content script, which read the titles.
  await expect
    .poll(() => page.locator('[data-ratsmarker-measures*="KW21-7"]').count(), { timeout: 15_000 })
    .toBeGreaterThan(0);
  expect(await shadowHosts(page, 'radar')).toEqual([]);
  // Its highlights have their colours: the content script's style sheet came with it.
  const colour = await page.evaluate(() => {
    const probe = document.createElement('mark');
    probe.className = 'ratsmarker-mark ratsmarker-0';
    document.body.append(probe);
    return getComputedStyle(probe).backgroundColor;
  });
  expect(colour).not.toBe('rgba(0, 0, 0, 0)');
  // And the Custom Highlight API's: the active pack's colour (none is registered for agendas), only that one.
  expect(await new CouncilPageModel(page).highlightFill(0)).toBe('rgba(255, 214, 10, 0.45)');
  expect(await new CouncilPageModel(page).highlightFill(5)).toBe('rgba(0, 0, 0, 0)');
});
