import { unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { MOTION, PAGE_EXPECTATIONS } from '../e2e/expectations';
import { expectMarks } from './expectMarks';
import { firefoxForSuite, waitFor } from './firefox';
import { CouncilPage } from './pages/councilPage';
import { Popup } from './pages/extensionPages';

const TOULOUSE = /^KW21 Z\. 7–8/;
const BY_CLICK = 'Mit der Fraktion abstimmen: Jugendaustausch 2025 – Haushaltsmittel?';
const BY_KEYBOARD = 'Toulouse: Besuch der Delegation vorbereiten';

const firefox = firefoxForSuite();

describe('the content script marks the same blocks as in Chromium', () => {
  for (const expected of PAGE_EXPECTATIONS) {
    test(expected.name, async () => {
      const page = await firefox().openPage(expected.url);
      const rm = new CouncilPage(page);
      await rm.waitForScan();
      await expectMarks(rm, expected, 'highlight');
      await page.close();
    });
  }
});

describe('on the Düsseldorf motion: badge, card, note, popup, export, import', () => {
  let rm: CouncilPage;

  beforeAll(async () => {
    rm = new CouncilPage(await firefox().openPage(MOTION));
    await rm.waitForScan();
  });

  test('by keyboard: Tab reaches the badge, Enter opens its card, a note is taken, Esc closes and returns the focus', async () => {
    expect(await rm.takeNote(TOULOUSE, BY_KEYBOARD, 'Delegation', 'keyboard')).toMatch(/Notiz gespeichert/);
    const card = await rm.card();
    expect(card).toContain('KW21, Z. 7–8');
    expect(card).toContain(
      'Die Städtefreundschaft und der Austausch mit Toulouse soll intensiviert und verstetigt werden.',
    );
    expect(card).toContain('KW21 Internationale Zusammenarbeit · Kreisvorstand · 05.02.2020');
    await rm.page.keyboard.press('Escape');
    await rm.waitForCardClosed();
    expect(await rm.focused()).toMatch(TOULOUSE);
    expect(await (await rm.badge(TOULOUSE)).evaluate((b) => b.getAttribute('aria-expanded'))).toBe('false');
  });

  test('by click: the badge opens the card, a note is saved, the badge counts the notes, a click outside closes', async () => {
    expect(await rm.takeNote(TOULOUSE, BY_CLICK, 'Haushalt, Jugend', 'click')).toMatch(/Notiz gespeichert/);
    const badge = await rm.badge(TOULOUSE);
    expect(await badge.evaluate((b) => b.getAttribute('aria-expanded'))).toBe('true');
    await waitFor(
      async () => /\b2 Notiz/.test(await badge.evaluate((b) => b.getAttribute('aria-label') ?? '')),
      'the note count in the badge',
    );
    expect(await badge.evaluate((b) => b.querySelector('.count')?.textContent)).toBe('✎ 2');
    await rm.page.mouse.click(5, 5);
    await rm.waitForCardClosed();
  });

  test('the popup shows the page, its matches and its notes', async () => {
    await rm.page.bringToFront();
    const popup = await Popup.open(firefox());
    const status = await popup.pageStatus();
    expect(status).toContain('AIF/012/2024');
    expect(status).toContain('Städtefreundschaft mit Toulouse');
    expect(status).toContain('KW21, Z. 7–8');
    const note = await popup.waitForNote(BY_CLICK);
    expect(note).toContain('Toulouse');
    expect(note).toContain('KW21-7');
    expect(note).toContain('#Haushalt #Jugend');
    await popup.waitForNote(BY_KEYBOARD);
    // A click on a match in the popup moves the focus to its badge on the page.
    await (await popup.button(/^Städtefreundschaft mit Toulouse$/)).click();
    await waitFor(async () => TOULOUSE.test(await rm.focused()), 'the focus on the Toulouse badge');
    await popup.close();
  });

  test('export in four formats, then import into an emptied notebook', async () => {
    // The notebook needs no tab behind it: opened in front, where its clicks are not slowed like a background
    // tab's. (Opened behind and brought to front, its tab was now and then never reported loaded over BiDi.)
    const popup = await Popup.open(firefox(), '#notes', true);
    await popup.notesTotal(/2/);
    const md = await popup.export('Markdown', /^ratsmarker-notizen-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.text).toContain('AIF/012/2024');
    expect(md.text).toContain('KW21-7 (KW21, Z. 7–8)');
    expect(md.text).toContain(BY_CLICK);
    const csv = await popup.export('CSV', /^ratsmarker-notizen-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.text.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3);
    // A German Firefox: German column names.
    expect(rows[0]?.[7]).toBe('Notiz');
    expect(rows.map((r) => r[7])).toContain(BY_CLICK);
    const anno = await popup.export('Web Annotation', /\.jsonld$/);
    expect(JSON.parse(anno.text)['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    const json = await popup.export('JSON', /^ratsmarker-notizen-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(json.text);
    expect(exported.format).toBe('ratsmarker-notes');
    expect(exported.notes).toHaveLength(2);

    // Both notes deleted, then the export imported: both are back, and find their passage.
    for (const text of [BY_CLICK, BY_KEYBOARD]) {
      await popup.deleteNote(text);
      await waitFor(async () => !(await popup.notes()).some((n) => n.includes(text)), `"${text}" deleted`);
    }
    await popup.notesTotal(/Noch keine Notizen/);
    const file = join(tmpdir(), `ratsmarker-import-${process.pid}.json`);
    writeFileSync(file, json.text);
    try {
      expect(await popup.import(file)).toMatch(/2 neu, 0 aktualisiert, 0 übersprungen/);
      await popup.waitForNote(BY_CLICK);
      await popup.waitForNote(BY_KEYBOARD);
      // A broken file changes nothing and says why.
      writeFileSync(file, '{"format":"ratsmarker-notes","version":1,"notes":[{"id":');
      expect(await popup.import(file)).toMatch(/Import fehlgeschlagen/);
      await popup.notesTotal(/2/);
    } finally {
      unlinkSync(file);
    }
    await popup.close();
    await rm.page.reload();
    await rm.waitForScan();
    await waitFor(
      async () =>
        /\b2 Notiz/.test(await (await rm.badge(TOULOUSE)).evaluate((b) => b.getAttribute('aria-label') ?? '')),
      'the imported notes on their passage',
    );
  });
});
