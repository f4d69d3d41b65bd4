import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MOTION } from '../e2e/expectations';
import { FirefoxSession, serve, waitFor } from './firefox';
import { CouncilPage } from './pages/councilPage';

/**
 * A restart needs an installed add-on: BiDi's installExtension is temporary
 * (gone with the browser), so this file installs the build in its own profile
 * and starts Firefox twice on it.
 */
const MENUS = ['ratsmarker-check-page', 'ratsmarker-open-pdf'];
const NOTE = 'Nach dem Neustart noch da?';

let server: Server;
let port: number;
let profile: string;
let firefox: FirefoxSession | undefined;

/** The context menu entries that exist (update() fails for an id that was never created). */
function menus(session: FirefoxSession): Promise<string[]> {
  return session.api(async (api, ids) => {
    const present: string[] = [];
    for (const id of ids)
      await api.contextMenus.update(id, {}).then(
        () => present.push(id),
        () => undefined,
      );
    return present;
  }, MENUS);
}

beforeAll(async () => {
  ({ server, port } = await serve());
  profile = mkdtempSync(join(tmpdir(), 'ratsmarker-profile-'));
  firefox = await FirefoxSession.launch({ port, profile });
});

afterAll(async () => {
  await firefox?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** The built-in pack's colour (slot 0), the only active one: its highlights' style, and no other colour's. */
async function expectOnlyFirstColour(rm: CouncilPage): Promise<void> {
  expect(await rm.highlightFill(0)).toBe('rgba(255, 214, 10, 0.45)');
  expect(await rm.highlightFill(5)).toBe('rgba(0, 0, 0, 0)');
}

test('first start: the context menu entries are there, the highlights have their colour, and a note is taken', async () => {
  if (!firefox) throw new Error('no Firefox');
  expect(await menus(firefox)).toEqual(MENUS);
  const rm = new CouncilPage(await firefox.openPage(MOTION));
  await rm.waitForScan();
  await expectOnlyFirstColour(rm);
  expect(await rm.takeNote(/^KW21 Z\. 7–8/, NOTE, '', 'click')).toMatch(/Notiz gespeichert/);
});

test('after a restart on the same profile: the context menu entries, the highlights’ colour and the note are still there', async () => {
  await firefox?.close();
  firefox = undefined;
  firefox = await FirefoxSession.launch({ port, profile });
  const rm = new CouncilPage(await firefox.openPage(MOTION));
  await rm.waitForScan();
  // The colours' stylesheet is registered with the browser for council pages: there after the restart too.
  await expectOnlyFirstColour(rm);
  await waitFor(
    async () =>
      /1 Notiz/.test(await (await rm.badge(/^KW21 Z\. 7–8/)).evaluate((b) => b.getAttribute('aria-label') ?? '')),
    'the note from before the restart on its badge',
  );
  expect(await menus(firefox)).toEqual(MENUS);
});
