import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type FactionHostAnswer,
  type FactionHostRequest,
  factionSettingsItem,
  factionStatusItem,
} from '@/components/background/factionProtocol';
import { createFactionSync, FACTION_ALARM } from '@/components/background/factionSync';
import { addNote } from '@/utils/db/notesStore';
import { DB_NAME, RatsmarkerDB } from '@/utils/db/schema';

const LOGIN = {
  serverUrl: 'https://couch.example.de',
  database: 'fraktion-test',
  user: 'anna',
  password: 'geheim',
  authorName: 'Anna A.',
};

/** A host that answers like the offscreen document, recording what it was asked. */
function fakeHost(answer: (r: FactionHostRequest) => FactionHostAnswer | null = okAnswer) {
  const asked: FactionHostRequest[] = [];
  let release: (() => void) | undefined;
  const host = vi.fn(async (r: FactionHostRequest) => {
    asked.push(r);
    if (hold) await new Promise<void>((resolve) => (release = resolve));
    return answer(r);
  });
  let hold = false;
  return {
    host,
    asked,
    triggers: () => asked.flatMap((r) => (r.factionHost === 'sync' ? [r.trigger] : [r.factionHost])),
    holdNext() {
      hold = true;
    },
    letGo() {
      hold = false;
      release?.();
    },
  };
}

function okAnswer(): FactionHostAnswer {
  return {
    health: { failures: 0, lastAttempt: Date.now() },
    held: false,
    user: 'anna',
    last: { queued: 1, sent: 1, received: 0, conflicts: 0 },
  };
}

const refused = (r: FactionHostRequest): FactionHostAnswer | null =>
  r.factionHost === 'sync'
    ? {
        health: { failures: r.health.failures + 1, lastReason: 'unauthorized', lastAttempt: Date.now() },
        held: false,
        error: { reason: 'unauthorized', params: [] },
      }
    : null;

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no permissions API: the options page has granted the server's host.
  (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: vi.fn(async () => true) };
});

const granted = (yes: boolean) =>
  vi
    .mocked((fakeBrowser.permissions as unknown as { contains: () => Promise<boolean> }).contains)
    .mockResolvedValue(yes);

describe('the background’s faction sync', () => {
  it('connects: checks the settings, stores them, sets the alarm and syncs once with the new settings', async () => {
    const h = fakeHost();
    const sync = createFactionSync(h.host);
    const status = await sync.connect(LOGIN);
    expect(h.triggers()).toEqual(['settingsChanged']);
    expect(await factionSettingsItem.getValue()).toMatchObject({ serverUrl: LOGIN.serverUrl, auth: { user: 'anna' } });
    expect(status).toMatchObject({ user: 'anna', server: LOGIN.serverUrl, health: { failures: 0 } });
    expect(status?.lastSync).toEqual(expect.any(String));
    expect(await fakeBrowser.alarms.get(FACTION_ALARM)).toMatchObject({ periodInMinutes: 5 });
  });

  it('stores nothing for settings it cannot use, or without the server’s host granted', async () => {
    const h = fakeHost();
    const sync = createFactionSync(h.host);
    const insecure = await sync.connect({ ...LOGIN, serverUrl: 'http://couch.example.de' });
    expect(insecure?.error).toEqual({ reason: 'insecure', params: ['couch.example.de'] });
    granted(false);
    await expect(sync.connect(LOGIN)).rejects.toThrow();
    expect(await factionSettingsItem.getValue()).toBeNull();
    expect(h.asked).toEqual([]);
  });

  it('after a refused login holds back pages and alarms, lets the reader’s „Jetzt abgleichen“ through', async () => {
    const h = fakeHost(refused);
    const sync = createFactionSync(h.host);
    const status = await sync.connect({ ...LOGIN, password: 'falsch' });
    expect(status?.error?.reason).toBe('unauthorized');
    const stop = sync.start();
    sync.pageOpened('ratsinfo.example.de|A/1');
    sync.pageOpened('ratsinfo.example.de|A/2');
    await fakeBrowser.alarms.onAlarm.trigger({ name: FACTION_ALARM, scheduledTime: Date.now() });
    await sync.syncNow();
    expect(h.triggers()).toEqual(['settingsChanged', 'manual']);
    expect((await factionStatusItem.getValue())?.health.failures).toBe(2);
    stop();
  });

  it('keeps the changes the server refused in the status until another refusal, beside the last sync’s figures', async () => {
    let refusedNow: FactionHostAnswer['refused'] = [{ noteId: 'n1', reason: 'Only its author deletes a shared note.' }];
    const h = fakeHost((r) => (r.factionHost === 'sync' ? { ...okAnswer(), refused: refusedNow } : null));
    const sync = createFactionSync(h.host);
    await sync.connect(LOGIN);
    const first = await factionStatusItem.getValue();
    expect(first?.refused?.notes).toEqual([{ noteId: 'n1', reason: 'Only its author deletes a shared note.' }]);
    expect(first?.error).toBeUndefined();
    // A later sync without one: the refusal stays in view (it is not retried, the server would refuse it again).
    refusedNow = undefined;
    await sync.syncNow();
    expect((await factionStatusItem.getValue())?.refused).toEqual(first?.refused);
    refusedNow = [{ noteId: 'n2', reason: 'x' }];
    await sync.syncNow();
    expect((await factionStatusItem.getValue())?.refused?.notes).toEqual([{ noteId: 'n2', reason: 'x' }]);
  });

  it('asks once per document opened within two minutes, and lets asks made during a sync join the next one', async () => {
    const h = fakeHost();
    const sync = createFactionSync(h.host);
    await sync.connect(LOGIN);
    h.holdNext();
    sync.pageOpened('ratsinfo.example.de|A/1');
    await vi.waitFor(() => expect(h.asked).toHaveLength(2));
    sync.pageOpened('ratsinfo.example.de|A/1');
    sync.pageOpened('ratsinfo.example.de|A/2');
    const manual = sync.syncNow();
    h.letGo();
    await manual;
    // The first page's sync, then one for the second page and the reader's ask together (the stronger trigger).
    expect(h.triggers()).toEqual(['settingsChanged', 'pageOpened', 'manual']);
  });

  it('syncs on the alarm and when a shared note is written, not when a private one is', async () => {
    // The notebook created first (its creation tells every listener that everything changed).
    const db = new RatsmarkerDB(DB_NAME, { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const h = fakeHost();
    const sync = createFactionSync(h.host);
    await sync.connect(LOGIN);
    const stop = sync.start();
    await fakeBrowser.alarms.onAlarm.trigger({ name: FACTION_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(() => expect(h.triggers()).toEqual(['settingsChanged', 'alarm']));

    const document = {
      key: 'ratsinfo.example.de|A/1',
      site: 'ratsinfo.example.de',
      url: 'https://ratsinfo.example.de/a',
    };
    await addNote(db, { document, text: 'Privat' });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(h.triggers()).toEqual(['settingsChanged', 'alarm']);
    await addNote(db, { document, text: 'Geteilt', shared: true });
    await expect.poll(() => h.triggers(), { timeout: 5_000 }).toEqual(['settingsChanged', 'alarm', 'noteChanged']);
    stop();
    db.close();
  });

  it('disconnects: login, status and alarm gone, the host forgets the mirror and colleagues’ notes', async () => {
    const h = fakeHost();
    const sync = createFactionSync(h.host);
    await sync.connect(LOGIN);
    await sync.disconnect();
    expect(h.triggers()).toEqual(['settingsChanged', 'forget']);
    expect(await factionSettingsItem.getValue()).toBeNull();
    expect(await factionStatusItem.getValue()).toBeNull();
    expect(await fakeBrowser.alarms.get(FACTION_ALARM)).toBeUndefined();
    // Nothing left to sync with.
    await sync.syncNow();
    expect(h.asked).toHaveLength(2);
  });

  it('settles a conflict in the host, then syncs', async () => {
    const h = fakeHost();
    const sync = createFactionSync(h.host);
    await sync.connect(LOGIN);
    await sync.resolve('note-1', '3-abc');
    expect(h.asked.at(-2)).toMatchObject({ factionHost: 'resolve', noteId: 'note-1', rev: '3-abc' });
    expect(h.triggers().at(-1)).toBe('manual');
  });
});
