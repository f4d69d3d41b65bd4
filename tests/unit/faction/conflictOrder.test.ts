import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { conflictVersions } from '@/components/faction/conflictVersions';
import type { DexieFactionNotes } from '@/utils/db/factionNotes';
import { noteDocId } from '@/utils/faction/annotationDoc';
import { connect } from '@/utils/faction/connection';
import { openRemote, resolveConflict, syncOnce } from '@/utils/faction/syncEngine';
import type { Note } from '@/utils/notes/types';
import { newMirror, PouchDB } from './nodePouch';
import { startTestCouch, type TestCouch } from './server';
import { dexieNotebook } from './testNotebooks';

/**
 * CouchDB shows one version of a note in conflict, the same on every device,
 * and picks it by revision id: arbitrary for the readers. Whichever version
 * wins, each device's notebook keeps the text it last wrote until the author
 * picks, and the picker names that one „this device's“ and the other by its
 * author (and editor) and date.
 *
 * The order is forced by the revisions' generation (a revision id starts with
 * it, and the higher one wins before the hash is compared): the side that
 * wins wrote its version in two steps (two revisions), the other in one.
 */
let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch({ members: ['anna', 'bernd'] });
}, 30_000);
afterAll(() => couch?.close());
beforeEach(() => {
  // The message key and its substitutions stand in for the message.
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
    [key, ...(subs === undefined ? [] : [subs].flat())].join('|')) as typeof fakeBrowser.i18n.getMessage;
});

async function member(user: string, author: string) {
  const session = await connect({
    serverUrl: couch.url,
    database: couch.db,
    auth: { kind: 'password', user, password: couch.password },
    authorName: author,
  });
  const book = dexieNotebook({ author, user });
  const mirror = newMirror(user);
  const remote = openRemote(PouchDB, session);
  return { book, mirror, sync: () => syncOnce({ mirror, remote, local: book.local, session }) };
}

const ANNAS = 'Anna: Antrag mit Änderung unterstützen';
const BERNDS = 'Bernd: Antrag vertagen';

describe.each([
  { winner: 'anna', annasSteps: 2, berndsSteps: 1 },
  { winner: 'bernd', annasSteps: 1, berndsSteps: 2 },
] as const)('a conflict whose winner on the server is $winner’s version', ({ winner, annasSteps, berndsSteps }) => {
  it('each device keeps and labels its own text, the other version carries its author and date; the pick reaches both', async () => {
    const anna = await member('anna', 'Anna A.');
    const bernd = await member('bernd', 'Bernd B.');
    const note = await anna.book.add('Anna: Antrag unterstützen');
    await anna.sync();
    await bernd.sync();

    // Bernd changes Anna's note (synced after each step); then Anna, offline, changes it too.
    for (let i = berndsSteps; i > 0; i--) {
      await bernd.book.edit(note.id, i === 1 ? BERNDS : `${BERNDS} (Entwurf)`);
      expect((await bernd.sync()).error).toBeUndefined();
    }
    await couch.stop();
    try {
      for (let i = annasSteps; i > 0; i--) {
        await anna.book.edit(note.id, i === 1 ? ANNAS : `${ANNAS} (Entwurf)`);
        expect((await anna.sync()).error?.reason).toBe('unreachable');
      }
    } finally {
      await couch.start();
    }
    const a = await anna.sync();
    expect(a.error).toBeUndefined();
    const onServer = (await couch.admin_request('GET', `/${couch.db}/${noteDocId(note.id)}?conflicts=true`)).json;
    expect(onServer._conflicts).toHaveLength(1);
    // The order this case forces.
    expect(onServer.body[0].value).toBe(winner === 'anna' ? ANNAS : BERNDS);
    expect(a.conflicts.map((c) => [c.winner.mine, c.others.map((v) => v.mine)])).toEqual([
      [winner === 'anna', [winner !== 'anna']],
    ]);

    // Anna's notebook holds her text, and the picker shows it as this device's, Bernd's as his change.
    const annas = (await anna.book.db.notes.get(note.id)) as Note;
    expect(annas.text).toBe(ANNAS);
    const shownToAnna = conflictVersions(annas, 'de-DE');
    expect(shownToAnna.map((v) => [v.heading.split('|')[0], v.text])).toEqual([
      ['factionUiVersionHere', ANNAS],
      ['factionUiVersionEditedBy', BERNDS],
    ]);
    expect(shownToAnna[1]?.heading).toMatch(/^factionUiVersionEditedBy\|Anna A\.\|Bernd B\.\|\d/);

    // Bernd sees the conflict with his own text in his notebook, whichever version won.
    await bernd.sync();
    const bernds = (await bernd.book.db.notes.get(note.id)) as Note;
    expect(bernds.text).toBe(BERNDS);
    expect(bernds.faction?.author).toBe('Anna A.');
    expect(bernds.conflict?.versions).toHaveLength(2);
    expect(conflictVersions(bernds, 'de-DE').map((v) => [v.heading.split('|')[0], v.text])).toEqual([
      ['factionUiVersionHere', BERNDS],
      ['factionUiVersionOf', ANNAS],
    ]);

    // Anna keeps her own version (the revision of hers, whichever it is on the server): every device ends on it.
    const kept = shownToAnna[0]?.kept;
    expect(kept?.kind).toBe('other');
    const rev = (kept as { rev: string }).rev;
    const [shown] = a.conflicts;
    expect(rev).toBe(winner === 'anna' ? shown?.winner.rev : shown?.others[0]?.rev);
    const settled = await resolveConflict(anna.mirror, note.id, rev);
    await (anna.book.local as DexieFactionNotes).settle(note.id, settled);
    expect((await anna.sync()).error).toBeUndefined();
    const after = (await couch.admin_request('GET', `/${couch.db}/${noteDocId(note.id)}?conflicts=true`)).json;
    expect([after.body[0].value, after._conflicts]).toEqual([ANNAS, undefined]);
    await bernd.sync();
    const berndsAfter = (await bernd.book.db.notes.get(note.id)) as Note;
    expect([berndsAfter.text, berndsAfter.conflict, berndsAfter.faction?.author]).toEqual([
      ANNAS,
      undefined,
      'Anna A.',
    ]);
    const annasAfter = (await anna.book.db.notes.get(note.id)) as Note;
    expect([annasAfter.text, annasAfter.conflict, annasAfter.faction]).toEqual([ANNAS, undefined, undefined]);
  });
});
