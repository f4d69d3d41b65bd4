import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FactionNote, noteDocId, toAnnotationDoc } from '@/utils/faction/annotationDoc';
import { connect } from '@/utils/faction/connection';
import { openRemote, syncOnce } from '@/utils/faction/syncEngine';
import { MemoryNotebook } from './memoryNotebook';
import { newMirror, PouchDB } from './nodePouch';
import { startTestCouch, type TestCouch } from './server';
import { dexieNotebook } from './testNotebooks';

// The design document the README gives a faction: every member may change the text of every shared
// note (named as its editor), only its author deletes it or gives it away.
const DESIGN = JSON.parse(
  readFileSync(new URL('../../../utils/faction/ratsmarker-design.json', import.meta.url), 'utf8'),
);

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch({ members: ['anna', 'bernd'] });
  const put = await couch.admin_request('PUT', `/${couch.db}/${DESIGN._id}`, DESIGN);
  expect(put.status).toBe(201);
}, 30_000);
afterAll(() => couch?.close());

async function as(user: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${couch.url}/${couch.db}/${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${user}:${couch.password}`).toString('base64')}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { rev?: string; reason?: string } };
}

const annas: FactionNote = {
  id: 'n1',
  document: { key: 'ratsinfo.example.de|AIF/1', site: 'ratsinfo.example.de', url: 'https://ratsinfo.example.de/1' },
  documentKey: 'ratsinfo.example.de|AIF/1',
  measureIds: [],
  text: 'Annas Notiz',
  tags: [],
  created: '2026-11-30T08:00:00.000Z',
  updated: '2026-11-30T08:00:00.000Z',
  author: 'Anna A.',
  user: 'anna',
};

describe('validate_doc_update for a faction’s database', () => {
  it('lets a colleague change the text as its editor, and only the author delete or give away the note', async () => {
    const doc = toAnnotationDoc(annas, 'annas-device');
    expect((await as('bernd', 'PUT', doc._id, doc)).status).toBe(403);
    const created = await as('anna', 'PUT', doc._id, doc);
    expect(created.status).toBe(201);

    const byBernd = (over: Partial<FactionNote>) => ({
      ...toAnnotationDoc({ ...annas, text: 'Bernd ergänzt', updated: '2026-11-30T09:00:00.000Z', ...over }, 'bd'),
      _rev: created.json.rev,
    });
    const editor = { author: 'Bernd B.', user: 'bernd', at: '2026-11-30T09:00:00.000Z' };
    // Without naming himself as the editor, or as the note's author: refused.
    expect((await as('bernd', 'PUT', doc._id, byBernd({}))).status).toBe(403);
    expect(
      (await as('bernd', 'PUT', doc._id, byBernd({ author: 'Bernd B.', user: 'bernd', editedBy: editor }))).status,
    ).toBe(403);
    const edited = await as('bernd', 'PUT', doc._id, byBernd({ editedBy: editor }));
    expect(edited.status).toBe(201);

    // Deleting is Anna's.
    expect((await as('bernd', 'DELETE', `${doc._id}?rev=${edited.json.rev}`)).status).toBe(403);
    expect((await as('anna', 'DELETE', `${doc._id}?rev=${edited.json.rev}`)).status).toBe(200);
  });
});

describe('changes the server refuses, as the sync reports them', () => {
  it('a colleague’s deletion of the author’s note is refused: reported with the server’s reason, the note stays on the server', async () => {
    const login = (user: string, author: string) =>
      connect({
        serverUrl: couch.url,
        database: couch.db,
        auth: { kind: 'password', user, password: couch.password },
        authorName: author,
      });
    // Anna's notebook is the extension's (her notes name her login); Bernd's the reference one, which lets him
    // delete his copy of her note (the extension's does not send such a deletion at all).
    const annasBook = dexieNotebook({ author: 'Anna A.', user: 'anna' });
    const annasMirror = newMirror('anna');
    const annasSession = await login('anna', 'Anna A.');
    const anna = {
      book: annasBook,
      sync: () =>
        syncOnce({
          mirror: annasMirror,
          remote: openRemote(PouchDB, annasSession),
          local: annasBook.local,
          session: annasSession,
        }),
    };
    const berndsSession = await login('bernd', 'Bernd B.');
    const berndsMirror = newMirror('bernd');
    const bernd = {
      book: new MemoryNotebook('Bernd B.'),
      sync: () =>
        syncOnce({
          mirror: berndsMirror,
          remote: openRemote(PouchDB, berndsSession),
          local: bernd.book,
          session: berndsSession,
        }),
    };
    const note = await anna.book.add('Nur Anna löscht diese Notiz');
    expect(await anna.sync()).toMatchObject({ sent: 1, refused: [], error: undefined });
    await bernd.sync();
    expect(bernd.book.text(note.id)).toBe('Nur Anna löscht diese Notiz');

    // Bernd's notebook lets him delete his copy (the reference notebook does not know whose a note is).
    bernd.book.remove(note.id);
    const b = await bernd.sync();
    expect(b.error).toBeUndefined();
    expect(b.refused).toEqual([{ noteId: note.id, reason: 'Only its author deletes a shared note.' }]);
    expect(b.sent).toBe(0);
    expect((await couch.allDocs()).get(noteDocId(note.id))?.body[0].value).toBe('Nur Anna löscht diese Notiz');
    // Said once: the next sync sends nothing again and reports nothing.
    expect(await bernd.sync()).toMatchObject({ sent: 0, refused: [] });
  });
});
