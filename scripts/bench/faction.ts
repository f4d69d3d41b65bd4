/**
 * `npx tsx scripts/bench/faction.ts [notes] [members] [--popup-only]` (not part of CI or `npm run bench`;
 * the popup part needs a build: `npx wxt build`)
 *
 * Times the faction sync against PouchDB Server in memory on 127.0.0.1: a
 * faction of 30 members with 50,000 shared notes on the server, then
 *   - first sync: a member's empty mirror takes every note (server → mirror → notebook),
 *   - incremental sync: a member shares 10 new notes (notebook → mirror → server),
 *     and a colleague takes them (one sync each), twice: the first time after a first
 *     sync also walks the pulled notes in the mirror once, the second is the steady state.
 * The mirror runs on PouchDB's memory adapter (the extension uses IndexedDB,
 * slower) and the notebook is the tests' in-memory one (not Dexie).
 *
 * Then the popup at that size, in headless Chromium with the built extension:
 * the same notes as colleagues' notes in the extension's notebook (Dexie),
 * with 500 of the reader's own, and a faction connected:
 *   - first useful render of "Alle Notizen" (navigation to the first note's text painted, Element Timing),
 *   - "Fraktion" and "Meine" pressed: click to the new count on screen ("Fraktion" first while the
 *     search index is read back at idle after the first render, and again once it is there),
 *   - a search among the faction's notes, typed at once (database indexes) and once the search index is built.
 */
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { extensionIdOf, launchExtension } from '../../tests/e2e/fixtures';
import { MemoryNotebook } from '../../tests/unit/faction/memoryNotebook';
import { newMirror, PouchDB } from '../../tests/unit/faction/nodePouch';
import { startTestCouch } from '../../tests/unit/faction/server';
import { termsOf } from '../../utils/db/schema';
import { type FactionNote, toAnnotationDoc } from '../../utils/faction/annotationDoc';
import { connect } from '../../utils/faction/connection';
import { openRemote, syncOnce } from '../../utils/faction/syncEngine';
import type { Note } from '../../utils/notes/types';
import { clearNotes, makeNotes, seedNotes } from './notebook';

const NOTES = Number(process.argv[2] ?? 50_000);
const MEMBERS = Number(process.argv[3] ?? 30);
const SEED_BATCH = 2_000;
const POPUP_ONLY = process.argv.includes('--popup-only');
const POPUP_RUNS = 5;

function seedNote(i: number): FactionNote {
  const author = `Mitglied ${(i % MEMBERS) + 1}`;
  const day = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const doc = `ratsinfo.example.de|AIF/${String(i % 400).padStart(3, '0')}/2026`;
  return {
    id: crypto.randomUUID(),
    document: {
      key: doc,
      site: 'ratsinfo.example.de',
      number: doc.split('|')[1],
      url: `https://ratsinfo.example.de/vo0050.asp?__kvonr=${i % 400}`,
    },
    documentKey: doc,
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Städtepartnerschaften und kommunale Entwicklungszusammenarbeit',
        prefix: 'Die Stadt fördert ',
        suffix: ' mit Partnerstädten im',
      },
      position: { type: 'TextPositionSelector', start: 120 + (i % 900), end: 183 + (i % 900) },
    },
    measureIds: [`kw21-${i % 20}`],
    text: `Notiz ${i}: im Ausschuss nach Kosten, Zeitplan und Beteiligung der Partnerstadt ${i % 13 === 0 ? 'Toulouse ' : ''}fragen.`,
    tags: ['AIF', `Sitzung ${i % 12}`],
    created: day,
    updated: day,
    author,
    user: `member${(i % MEMBERS) + 1}`,
  };
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await run();
  console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  return out;
}

async function measureSync() {
  const couch = await startTestCouch({ members: ['anna', 'bernd'], outsiders: [] });
  try {
    await timed(`seeding ${NOTES} notes of ${MEMBERS} members (admin _bulk_docs, not measured as sync)`, async () => {
      for (let from = 0; from < NOTES; from += SEED_BATCH) {
        const docs = [];
        for (let i = from; i < Math.min(NOTES, from + SEED_BATCH); i++)
          docs.push(toAnnotationDoc(seedNote(i), `device-${i % MEMBERS}`));
        const res = await couch.admin_request('POST', `/${couch.db}/_bulk_docs`, { docs });
        if (res.status !== 201) throw new Error(`seeding failed: ${res.status}`);
      }
    });

    const member = async (user: string) => {
      const session = await connect({
        serverUrl: couch.url,
        database: couch.db,
        auth: { kind: 'password', user, password: couch.password },
        authorName: user,
      });
      const book = new MemoryNotebook(user);
      const mirror = newMirror(user);
      const remote = openRemote(PouchDB, session);
      return { book, sync: () => syncOnce({ mirror, remote, local: book, session }) };
    };
    const anna = await member('anna');
    const bernd = await member('bernd');

    const first = await timed(`first sync, ${NOTES} shared notes into an empty mirror and notebook`, () => anna.sync());
    if (first.error || first.applied !== NOTES) throw new Error(`first sync: ${first.error?.reason} ${first.applied}`);
    await timed('bernd’s first sync (same, second member)', () => bernd.sync());

    // The first push after a first sync walks every note the pull wrote into the mirror (locally, to
    // find this device's own writes among them) once; the second round shows the steady state.
    for (const round of ['first', 'second']) {
      for (let i = 0; i < 10; i++) bernd.book.add(`Neue Notiz ${round} ${i}`);
      const push = await timed(
        `incremental sync (${round} after the first sync), 10 new notes shared (bernd → server)`,
        () => bernd.sync(),
      );
      if (push.sent !== 10) throw new Error(`pushed ${push.sent}`);
      const pull = await timed(
        `incremental sync (${round} after the first sync), 10 new notes taken (server → anna)`,
        () => anna.sync(),
      );
      if (pull.applied !== 10) throw new Error(`applied ${pull.applied}`);
    }
    await timed('sync with nothing new (anna)', () => anna.sync());
  } finally {
    await couch.close();
  }
}

/** A colleague's note as the faction sync stores it in the notebook. */
function colleaguesNote(i: number): Note {
  const { author, user, ...fields } = seedNote(i);
  const base = { ...fields, shared: true, faction: { author, ...(user !== undefined ? { user } : {}) } };
  return { ...base, terms: termsOf(base) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** In the popup: ms from the navigation to the paint of the first note's text. */
const firstNoteText = () =>
  new Promise<number>((resolve) => {
    new PerformanceObserver((list, observer) => {
      for (const e of list.getEntries() as unknown as { identifier: string; renderTime: number }[])
        if (e.identifier === 'ratsmarker-note') {
          observer.disconnect();
          resolve(e.renderTime);
          return;
        }
    }).observe({ type: 'element', buffered: true });
  });

/** ms from `act` (a click or a search typed) to the list's count changing on screen. */
async function untilCountChanges(page: Page, act: 'click' | 'type', target: string): Promise<number> {
  return page.evaluate(
    ([act, target]) =>
      new Promise<number>((resolve) => {
        const count = document.querySelector('[data-testid="notes-total"]') as HTMLElement;
        const was = count.textContent;
        const t0 = performance.now();
        if (act === 'click') {
          const button = [...document.querySelectorAll<HTMLButtonElement>('.owner-choice')].find((b) =>
            new RegExp(target).test(b.textContent ?? ''),
          );
          if (!button) throw new Error(`no button ${target}`);
          button.click();
        } else {
          const search = document.querySelector('input[type="search"]') as HTMLInputElement;
          search.value = target;
          search.dispatchEvent(new Event('input', { bubbles: true }));
        }
        const check = () =>
          count.textContent !== was ? resolve(performance.now() - t0) : requestAnimationFrame(check);
        requestAnimationFrame(check);
      }),
    [act, target] as const,
  );
}

async function measurePopup() {
  const context = await launchExtension(1);
  try {
    const id = await extensionIdOf(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Connected as far as the popup can tell (the status the sync writes); no server is needed to show the list.
    await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(i: object): Promise<void> } } } }
      ).chrome.storage.local.set({
        factionStatus: {
          server: 'https://couch.example.de',
          database: 'fraktion',
          user: 'anna',
          health: { failures: 0 },
        },
      }),
    );
    const page = await context.newPage();
    // tsx names the functions handed to the page with a helper of its own, which the page lacks.
    await page.addInitScript('globalThis.__name = (f) => f');
    const popup = `chrome-extension://${id}/popup.html#notes`;
    await page.goto(popup);
    await page.getByTestId('notes-total').waitFor();
    await clearNotes(page);
    await timed(`writing ${NOTES} colleagues' notes and 500 own into the notebook (not measured)`, async () => {
      await seedNotes(
        page,
        Array.from({ length: NOTES }, (_, i) => colleaguesNote(i)),
      );
      await seedNotes(page, makeNotes(500));
    });
    const figures: Record<string, number[]> = {
      'first useful render ms': [],
      '"Fraktion" pressed ms': [],
      '"Meine" pressed ms': [],
      'search "toulouse" among the faction’s, typed at once ms': [],
      'search "toulouse" among the faction’s, index built ms': [],
      '"Fraktion" pressed again, index built ms': [],
    };
    const add = (key: string, ms: number) => figures[key]?.push(ms);
    for (let r = 0; r < POPUP_RUNS; r++) {
      await page.goto('about:blank');
      await page.goto(popup);
      add('first useful render ms', await page.evaluate(firstNoteText));
      await page.getByRole('group', { name: /Wessen Notizen|Whose notes/ }).waitFor();
      add('"Fraktion" pressed ms', await untilCountChanges(page, 'click', '^(Fraktion|Faction)$'));
      add('search "toulouse" among the faction’s, typed at once ms', await untilCountChanges(page, 'type', 'toulouse'));
      await untilCountChanges(page, 'type', '');
      await page.waitForFunction(() => performance.getEntriesByName('ratsmarker:search-index-ready').length > 0, {
        timeout: 120_000,
      });
      add('search "toulouse" among the faction’s, index built ms', await untilCountChanges(page, 'type', 'toulouse'));
      await untilCountChanges(page, 'type', '');
      add('"Meine" pressed ms', await untilCountChanges(page, 'click', '^(Meine|Mine)$'));
      // The first press above comes while the popup reads its search index back (idle, after the first render).
      add('"Fraktion" pressed again, index built ms', await untilCountChanges(page, 'click', '^(Fraktion|Faction)$'));
    }
    console.log(
      `popup with ${NOTES} colleagues' notes of ${MEMBERS} members and 500 own (median of ${POPUP_RUNS}; first open cold):`,
    );
    for (const [key, ms] of Object.entries(figures))
      console.log(
        `  ${key}: ${median(ms).toFixed(0)} (cold ${ms[0]?.toFixed(0)}; all ${ms.map((x) => x.toFixed(0)).join(', ')})`,
      );
  } finally {
    await context.close();
  }
}

if (!POPUP_ONLY) await measureSync();
await measurePopup();
