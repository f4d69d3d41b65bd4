import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteDocId } from '@/utils/faction/annotationDoc';
import type { SyncHealth } from '@/utils/faction/backoff';
import type { FactionSettings } from '@/utils/faction/connection';
import { type FactionSyncDeps, mirrorName, runFactionSync } from '@/utils/faction/runSync';
import { MemoryNotebook } from './memoryNotebook';
import { PouchDB } from './nodePouch';
import { startTestCouch, type TestCouch } from './server';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch({ members: ['dora', 'emil'] });
}, 30_000);
afterAll(() => couch?.close());

function settingsFor(user: string, over: Partial<FactionSettings> = {}): FactionSettings {
  return {
    serverUrl: couch.url,
    database: couch.db,
    auth: { kind: 'password', user, password: couch.password },
    authorName: user,
    ...over,
  };
}

/** The dependencies as a browser would have them, counting the requests that reach the server. */
function deps(book: MemoryNotebook, clock: { t: number }) {
  const requests: string[] = [];
  const d: FactionSyncDeps = {
    loadPouchDB: async () => PouchDB,
    local: book,
    mirrorOptions: { adapter: 'memory' },
    fetch: (input, init) => {
      requests.push(String(input));
      return fetch(input, init);
    },
    now: () => clock.t,
  };
  return { d, requests };
}

describe('a sync as the extension asks for it', () => {
  it('syncs, and keeps the mirror between syncs so nothing is sent twice', async () => {
    const book = new MemoryNotebook('dora');
    const clock = { t: 0 };
    const { d } = deps(book, clock);
    const note = book.add('Dora teilt');
    const first = await runFactionSync(settingsFor('dora'), { failures: 0 }, 'noteChanged', d);
    expect(first).toMatchObject({ held: false, user: 'dora', result: { queued: 1, sent: 1 }, health: { failures: 0 } });
    const again = await runFactionSync(settingsFor('dora'), first.health, 'alarm', d);
    expect(again.result).toMatchObject({ queued: 0, sent: 0, received: 0 });
    expect((await couch.allDocs()).has(noteDocId(note.id))).toBe(true);
  });

  it('names one mirror per server, database and user, in a name PouchDB cannot take for an address', () => {
    const a = mirrorName(settingsFor('dora', { serverUrl: 'https://couch.example.de' }));
    expect(a).not.toContain('://');
    expect(a).toMatch(/^ratsmarker-faction-/);
    expect(mirrorName(settingsFor('dora', { serverUrl: 'https://couch.example.de', database: 'andere' }))).not.toBe(a);
    expect(mirrorName(settingsFor('emil', { serverUrl: 'https://couch.example.de' }))).not.toBe(a);
  });

  it('after a wrong password sends nothing until the back-off has passed or the settings change', async () => {
    const book = new MemoryNotebook('emil');
    const clock = { t: 1_000_000 };
    const { d, requests } = deps(book, clock);
    const wrong = settingsFor('emil', { auth: { kind: 'password', user: 'emil', password: 'falsch' } });
    let health: SyncHealth = { failures: 0 };
    const refused = await runFactionSync(wrong, health, 'alarm', d);
    expect(refused.error?.reason).toBe('unauthorized');
    expect(refused.error?.message).toMatch(/Anmeldung abgelehnt/);
    health = refused.health;
    const sent = requests.length;
    // Pages opened and notes changed over the next ten minutes: all held back, no request.
    for (let i = 0; i < 50; i++) {
      clock.t += 12_000;
      expect((await runFactionSync(wrong, health, i % 2 ? 'pageOpened' : 'noteChanged', d)).held).toBe(true);
    }
    expect(requests.length).toBe(sent);
    // The reader enters the right password: tried at once, and the counting starts anew.
    const fixed = await runFactionSync(settingsFor('emil'), health, 'settingsChanged', d);
    expect(fixed.error).toBeUndefined();
    expect(fixed.health.failures).toBe(0);
  });

  it('keeps the notebook when the faction’s database is deleted, and says so', async () => {
    const db = 'fraktion-kurzlebig';
    await couch.admin_request('PUT', `/${db}`);
    await couch.admin_request('PUT', `/${db}/_security`, {
      members: { names: [], roles: [couch.role] },
      admins: { names: [], roles: [] },
    });
    const book = new MemoryNotebook('dora');
    const clock = { t: 0 };
    const { d } = deps(book, clock);
    const note = book.add('Bleibt hier');
    const settings = settingsFor('dora', { database: db });
    expect((await runFactionSync(settings, { failures: 0 }, 'manual', d)).error).toBeUndefined();
    await couch.admin_request('DELETE', `/${db}`);
    book.edit(note.id, 'Geändert, während die Datenbank fehlt');
    const gone = await runFactionSync(settings, { failures: 0 }, 'manual', d);
    expect(gone.error?.reason).toBe('databaseMissing');
    expect(book.text(note.id)).toBe('Geändert, während die Datenbank fehlt');
  });
});
