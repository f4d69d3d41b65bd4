import type { Server } from 'node:http';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { toAnnotationDoc } from '../../utils/faction/annotationDoc';
import type { Note } from '../../utils/notes/types';
import { MOTION } from '../e2e/expectations';
import { startTestCouch, type TestCouch } from '../unit/faction/server';
import { FirefoxSession, serve, waitFor } from './firefox';
import { findByName, waitForText } from './pages/find';

/**
 * Faction notes in Firefox, where the sync runs in the background page (not
 * an offscreen document): a colleague's note on the server reaches the
 * notebook after „Verbinden“, the reader's change of its text goes back as
 * the colleague's note changed by the reader; „Trennen“ takes it away again
 * and keeps the reader's own notes. The server is express-pouchdb on 127.0.0.1
 * (Firefox sends no 127.0.0.1 request through the suite's proxy).
 */
let server: Server;
let couch: TestCouch;
let firefox: FirefoxSession;

beforeAll(async () => {
  const served = await serve();
  server = served.server;
  couch = await startTestCouch({ members: ['anna', 'bernd'] });
  firefox = await FirefoxSession.launch({ port: served.port });
});

afterAll(async () => {
  await firefox?.close();
  await couch?.close();
  server?.close();
});

function notebook(page: Page): Promise<Note[]> {
  return page.evaluate(
    () =>
      new Promise<Note[]>((resolve, reject) => {
        const open = indexedDB.open('ratsmarker');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('notes').objectStore('notes').getAll();
          all.onsuccess = () => {
            resolve(all.result as Note[]);
            open.result.close();
          };
        };
      }),
  );
}

async function fill(page: Page, id: string, value: string): Promise<void> {
  await page.type(`#${id}`, value);
}

test('connects from the options (the server no added site), brings a colleague’s note into the notebook, sends the reader’s change of its text, and forgets it on „Trennen“', async () => {
  const colleague = toAnnotationDoc({
    id: '7c0f6a52-9d8e-4b1a-8f3e-2b5c4d6e7f80',
    document: { key: 'ratsinfo.example.de|AIF/012/2024', site: 'ratsinfo.example.de', url: MOTION },
    documentKey: 'ratsinfo.example.de|AIF/012/2024',
    measureIds: [],
    text: 'Bernd: Haushaltsmittel im Ausschuss ansprechen',
    tags: [],
    created: '2026-11-30T08:00:00.000Z',
    updated: '2026-11-30T08:00:00.000Z',
    author: 'Bernd B.',
    user: 'bernd',
  });
  expect((await couch.admin_request('PUT', `/${couch.db}/${colleague._id}`, colleague)).status).toBe(201);

  const options = await firefox.openExtensionPage('options.html', true);
  await fill(options, 'faction-server', couch.url);
  await fill(options, 'faction-database', couch.db);
  await fill(options, 'faction-user', 'anna');
  await fill(options, 'faction-password', couch.password);
  await fill(options, 'faction-author', 'Anna A.');
  await (await findByName(options, 'button', /^Verbinden$/)).click();
  await waitForText(options, '[data-testid="faction-status"]', /Verbunden als anna/);
  expect(
    await firefox.api((api, origin) => api.permissions.contains({ origins: [origin] }), 'http://127.0.0.1/*'),
  ).toBe(true);

  const arrived = await waitFor(
    async () => (await notebook(options)).find((n) => n.text.startsWith('Bernd:')),
    'the colleague’s note in the notebook',
  );
  expect(arrived.faction).toEqual({ author: 'Bernd B.', user: 'bernd' });

  // The server's host is the faction's, not a council site the reader added: not listed as one, not read
  // by the content script; the section says what the permission grants.
  await waitForText(options, '[data-testid="faction-permission"]', /Zugriff auf http:\/\/127\.0\.0\.1\/\*/);
  const again = await firefox.openExtensionPage('options.html', true);
  await waitForText(again, '[data-testid="faction-status"]', /Verbunden als anna/);
  expect(await again.$$eval('[data-testid="added-sites"] li', (items) => items.map((li) => li.textContent))).toEqual(
    [],
  );
  await again.close();
  await waitFor(async () => {
    const { addedSites } = await firefox.api((api) => api.storage.local.get('addedSites'));
    return Array.isArray(addedSites) && !addedSites.includes('http://127.0.0.1/*');
  }, 'the server not among the added sites the content script reads');

  // Anna changes the text of Bernd's note in the popup's faction list: sent from the background page
  // as Bernd's note, changed by Anna.
  const popup = await firefox.openExtensionPage('popup.html#notes', true);
  await (await findByName(popup, 'button', /^Text ändern$/)).click();
  await popup.$eval('.note-edit textarea', (t) => {
    (t as HTMLTextAreaElement).value = '';
  });
  await popup.type('.note-edit textarea', 'Anna: im Ausschuss am 3. Dezember');
  await (await findByName(popup, 'button', /^Speichern$/)).click();
  await waitForText(popup, '[data-testid="note-edited-by"]', /bearbeitet von Anna A\./);
  const edited = await waitFor(async () => {
    const doc = (await couch.allDocs()).get(colleague._id);
    return doc?.body?.[0]?.value === 'Anna: im Ausschuss am 3. Dezember' ? doc : undefined;
  }, 'Anna’s change on the server');
  expect(edited.ratsmarker).toMatchObject({ author: 'Bernd B.', user: 'bernd', editor: { name: 'Anna A.' } });
  await popup.close();

  await (await findByName(options, 'button', /^Trennen$/)).click();
  await waitForText(options, '[data-testid="faction-message"]', /Getrennt/);
  await waitFor(async () => (await notebook(options)).length === 0, 'the colleague’s note gone');
  const stored = await firefox.api((api) => api.storage.local.get('factionSettings'));
  expect(stored.factionSettings ?? null).toBeNull();
});
