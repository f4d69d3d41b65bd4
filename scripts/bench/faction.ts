/**
 * `npx tsx scripts/bench/faction.ts [notes] [members]` (not part of CI or `npm run bench`)
 *
 * Times the faction sync against PouchDB Server in memory on 127.0.0.1: a
 * faction of 30 members with 50,000 shared notes on the server, then
 *   - first sync: a member's empty mirror takes every note (server → mirror → notebook),
 *   - incremental sync: a member shares 10 new notes (notebook → mirror → server),
 *     and a colleague takes them (one sync each), twice: the first time after a first
 *     sync also walks the pulled notes in the mirror once, the second is the steady state.
 * The mirror runs on PouchDB's memory adapter (the extension uses IndexedDB,
 * slower) and the notebook is the tests' in-memory one (not Dexie).
 */
import { performance } from 'node:perf_hooks';
import { MemoryNotebook } from '../../tests/unit/faction/memoryNotebook';
import { newMirror, PouchDB } from '../../tests/unit/faction/nodePouch';
import { startTestCouch } from '../../tests/unit/faction/server';
import { type FactionNote, toAnnotationDoc } from '../../utils/faction/annotationDoc';
import { connect } from '../../utils/faction/connection';
import { openRemote, syncOnce } from '../../utils/faction/syncEngine';

const NOTES = Number(process.argv[2] ?? 50_000);
const MEMBERS = Number(process.argv[3] ?? 30);
const SEED_BATCH = 2_000;

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
    text: `Notiz ${i}: im Ausschuss nach Kosten, Zeitplan und Beteiligung der Partnerstadt fragen.`,
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
