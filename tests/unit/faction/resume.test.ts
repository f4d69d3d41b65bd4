import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DexieFactionNotes } from '@/utils/db/factionNotes';
import { RatsmarkerDB } from '@/utils/db/schema';
import { type FactionNote, toAnnotationDoc } from '@/utils/faction/annotationDoc';
import type { FactionSettings } from '@/utils/faction/connection';
import { runFactionSync } from '@/utils/faction/runSync';
import { PouchDB } from './nodePouch';
import { startTestCouch, type TestCouch } from './server';

// A first sync of a faction's notes can take longer than the page that runs it lives (Chrome's
// offscreen document closed under it, the browser quit). It must go on where it stopped.
const NOTES = 3_000;
let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch({ members: ['dora', 'carl'] });
  const docs = Array.from({ length: NOTES }, (_, i) => {
    const day = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    const note: FactionNote = {
      id: `carl-${i}`,
      document: { key: 'ratsinfo.example.de|AIF/1', site: 'ratsinfo.example.de', url: 'https://ratsinfo.example.de/1' },
      documentKey: 'ratsinfo.example.de|AIF/1',
      measureIds: [],
      text: `Carls Notiz ${i}`,
      tags: [],
      created: day,
      updated: day,
      author: 'Carl C.',
      user: 'carl',
    };
    return toAnnotationDoc(note, 'carls-device');
  });
  const res = await couch.admin_request('POST', `/${couch.db}/_bulk_docs`, { docs });
  if (res.status !== 201) throw new Error(`seeding: ${res.status}`);
}, 60_000);
afterAll(() => couch?.close());

describe('a first sync cut off halfway', () => {
  it('goes on from its checkpoint in the next run and ends with every note once', async () => {
    const settings: FactionSettings = {
      serverUrl: couch.url,
      database: couch.db,
      auth: { kind: 'password', user: 'dora', password: couch.password },
      authorName: 'Dora D.',
    };
    const db = new RatsmarkerDB('resume', { indexedDB: new IDBFactory(), IDBKeyRange });
    const deps = (fetchFn: typeof fetch) => ({
      loadPouchDB: async () => PouchDB,
      local: new DexieFactionNotes(db, { author: 'Dora D.', user: 'dora' }),
      // The same mirror database on the next run, as the extension's IndexedDB keeps it.
      mirrorOptions: { adapter: 'memory' },
      fetch: fetchFn,
    });

    // The page that syncs goes away after three batches of documents: nothing it asks after that is answered.
    let batches = 0;
    let cut = false;
    const never = new Promise<Response>(() => {});
    const cutOff: typeof fetch = (input, init) => {
      if (cut) return never;
      if (/_bulk_get/.test(String(input)) && ++batches > 3) {
        cut = true;
        return never;
      }
      return fetch(input, init);
    };
    void runFactionSync(settings, { failures: 0 }, 'settingsChanged', deps(cutOff));
    await vi.waitFor(() => expect(cut).toBe(true), { timeout: 60_000, interval: 50 });

    // The next run (the document opened again): it asks the server only for what the first did not get.
    const requests: string[] = [];
    const counting: typeof fetch = (input, init) => {
      requests.push(String(input));
      return fetch(input, init);
    };
    const next = await runFactionSync(settings, { failures: 0 }, 'alarm', deps(counting));
    expect(next.error).toBeUndefined();
    expect(next.result?.received).toBeGreaterThan(0);
    expect(next.result?.received).toBeLessThan(NOTES);
    const changesFeeds = requests.filter((r) => r.includes('/_changes'));
    expect(changesFeeds[0]).toMatch(/since=(?!0(&|$))/);

    // Every note once in the notebook, as Carl's, and nothing sent back to the server.
    const notes = await db.notes.toArray();
    expect(notes).toHaveLength(NOTES);
    expect(new Set(notes.map((n) => n.text)).size).toBe(NOTES);
    expect(notes.every((n) => n.faction?.author === 'Carl C.')).toBe(true);
    expect(next.result?.sent).toBe(0);
    expect((await couch.allDocs()).size).toBe(NOTES);

    // And a run after that has nothing left to do.
    const after = await runFactionSync(settings, { failures: 0 }, 'alarm', deps(fetch));
    expect(after.result).toMatchObject({ received: 0, applied: 0, sent: 0 });
    db.close();
  }, 120_000);
});
