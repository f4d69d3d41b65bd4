import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteDocId } from '@/utils/faction/annotationDoc';
import { connect, type FactionSession } from '@/utils/faction/connection';
import type { PouchDatabase } from '@/utils/faction/pouchTypes';
import { listConflicts, openRemote, resolveConflict, syncOnce } from '@/utils/faction/syncEngine';
import { newMirror, PouchDB } from './nodePouch';
import { startTestCouch, type TestCouch } from './server';
import { type NotebookKind, newNotebook, type TestNotebook } from './testNotebooks';

let couch: TestCouch;

/** A member's browser: the notebook, the mirror beside it and the login. */
interface Member {
  book: TestNotebook;
  mirror: PouchDatabase;
  session: FactionSession;
  sync(): ReturnType<typeof syncOnce>;
}

async function member(kind: NotebookKind, user: string, author: string): Promise<Member> {
  const session = await connect({
    serverUrl: couch.url,
    database: couch.db,
    auth: { kind: 'password', user, password: couch.password },
    authorName: author,
  });
  const book = newNotebook(kind, { author, user });
  const mirror = newMirror(user);
  const remote = openRemote(PouchDB, session);
  return { book, mirror, session, sync: () => syncOnce({ mirror, remote, local: book.local, session }) };
}

const text = async (m: Member, id: string) => (await m.book.get(id))?.text;

// The same cases against the reference notebook (a Map) and the extension's Dexie store.
describe.each(['MemoryNotebook', 'Dexie'] as const)(
  'faction sync through a real CouchDB-compatible server (%s)',
  (kind) => {
    let anna: Member;
    let bernd: Member;
    // A server of its own for each notebook: the cases change its users and documents.
    afterAll(() => couch?.close());
    beforeAll(async () => {
      couch = await startTestCouch({ members: ['anna', 'bernd', 'carl'] });
      anna = await member(kind, 'anna', 'Anna A.');
      bernd = await member(kind, 'bernd', 'Bernd B.');
    }, 30_000);

    it('brings A’s shared note to B after one sync each, and A’s private note never to the server', async () => {
      const shared = await anna.book.add('Im Ausschuss nach den Kosten fragen.');
      const secret = await anna.book.add('Privat: mit Bernd vorher klären.', { shared: false });
      const a = await anna.sync();
      expect(a).toMatchObject({ queued: 1, sent: 1, error: undefined });

      const onServer = await couch.allDocs();
      expect(onServer.has(noteDocId(shared.id))).toBe(true);
      expect(onServer.has(noteDocId(secret.id))).toBe(false);
      expect(JSON.stringify([...onServer.values()])).not.toContain('Privat');
      expect(onServer.get(noteDocId(shared.id))).toMatchObject({
        type: 'Annotation',
        ratsmarker: { author: 'Anna A.' },
      });
      // The mirror holds only what may leave the device.
      expect((await anna.mirror.allDocs()).rows.map((r) => r.id)).toEqual([noteDocId(shared.id)]);

      const b = await bernd.sync();
      expect(b).toMatchObject({ received: 1, applied: 1, error: undefined });
      expect(await bernd.book.get(shared.id)).toEqual(shared);
      expect(await bernd.book.get(secret.id)).toBeUndefined();

      // Nothing new: nothing written either way, and A’s own note is not handed back to A.
      expect(await anna.sync()).toMatchObject({ queued: 0, sent: 0, applied: 0 });
    });

    it('replicates edits and deletions, and a note switched back to private leaves the server but not its author', async () => {
      const note = await anna.book.add('Erster Stand');
      const later = await anna.book.add('Wird wieder privat');
      await anna.sync();
      await bernd.sync();
      expect(await text(bernd, note.id)).toBe('Erster Stand');

      await anna.book.edit(note.id, 'Zweiter Stand');
      await anna.book.setShared(later.id, false);
      await anna.sync();
      await bernd.sync();
      expect(await text(bernd, note.id)).toBe('Zweiter Stand');
      expect(await bernd.book.get(later.id)).toBeUndefined();
      expect(await text(anna, later.id)).toBe('Wird wieder privat');
      expect((await couch.allDocs()).has(noteDocId(later.id))).toBe(false);

      await anna.book.remove(note.id);
      expect(await anna.sync()).toMatchObject({ queued: 1, deleted: 0 });
      expect(await bernd.sync()).toMatchObject({ deleted: 1 });
      expect(await bernd.book.get(note.id)).toBeUndefined();
      expect((await couch.allDocs()).has(noteDocId(note.id))).toBe(false);
    });

    it('queues notes while the server is down and sends each exactly once when it is back', async () => {
      await couch.stop();
      try {
        const taken = [
          await anna.book.add('Offline 1'),
          await anna.book.add('Offline 2'),
          await anna.book.add('Offline 3'),
        ];
        const offline = await anna.sync();
        expect(offline.queued).toBe(3);
        expect(offline.error?.reason).toBe('unreachable');
        // Asked again while still down: nothing is queued twice.
        expect(await anna.sync()).toMatchObject({
          queued: 0,
          error: expect.objectContaining({ reason: 'unreachable' }),
        });
        await couch.start();
        const back = await anna.sync();
        expect(back).toMatchObject({ sent: 3, error: undefined });
        expect(await anna.sync()).toMatchObject({ queued: 0, sent: 0 });
        const onServer = await couch.allDocs();
        for (const n of taken) expect(onServer.get(noteDocId(n.id))?.body[0].value).toBe(n.text);
        expect([...onServer.values()].filter((d) => d.body[0].value.startsWith('Offline'))).toHaveLength(3);
        await bernd.sync();
        expect((await bernd.book.texts()).filter((t) => t.startsWith('Offline'))).toHaveLength(3);
      } finally {
        await couch.start().catch(() => {});
      }
    });

    it('keeps both versions of a note edited by two people, shows the conflict and settles it with the one picked', async () => {
      const note = await anna.book.add('Vorschlag: Antrag unterstützen');
      await anna.sync();
      await bernd.sync();

      await bernd.book.edit(note.id, 'Zweite Hand: Antrag ablehnen');
      await bernd.sync();
      // Anna edits the same note offline.
      await couch.stop();
      await anna.book.edit(note.id, 'Anna: Antrag mit Änderung unterstützen');
      expect((await anna.sync()).error?.reason).toBe('unreachable');
      await couch.start();

      const a = await anna.sync();
      expect(a.error).toBeUndefined();
      expect(a.conflicts).toHaveLength(1);
      const versions = (await anna.book.conflictTexts(note.id)) ?? [];
      expect(versions.map((v) => v.text).sort()).toEqual([
        'Anna: Antrag mit Änderung unterstützen',
        'Zweite Hand: Antrag ablehnen',
      ]);
      // The server keeps both revisions too.
      const onServer = await couch.admin_request('GET', `/${couch.db}/${noteDocId(note.id)}?conflicts=true`);
      expect(onServer.json._conflicts).toHaveLength(1);

      const annas = versions.find((v) => v.text?.startsWith('Anna'));
      expect(annas).toBeDefined();
      const kept = await resolveConflict(anna.mirror, note.id, annas?.rev as string);
      expect(kept?.text).toBe('Anna: Antrag mit Änderung unterstützen');
      expect(await listConflicts(anna.mirror)).toEqual([]);
      await anna.sync();
      expect(await anna.book.conflictTexts(note.id)).toBeUndefined();

      const settled = await couch.admin_request('GET', `/${couch.db}/${noteDocId(note.id)}?conflicts=true`);
      expect(settled.json._conflicts).toBeUndefined();
      expect(settled.json.body[0].value).toBe('Anna: Antrag mit Änderung unterstützen');
      await bernd.sync();
      expect(await text(bernd, note.id)).toBe('Anna: Antrag mit Änderung unterstützen');
      expect(await listConflicts(bernd.mirror)).toEqual([]);
    });

    it('settles a conflict with the version CouchDB shows, on the server and every device', async () => {
      const note = await anna.book.add('Ausgangstext');
      await anna.sync();
      await bernd.sync();
      // Both edit before either has the other's change; Anna's push meets Bernd's revision on the server.
      await bernd.book.edit(note.id, 'Fassung der zweiten Hand');
      await anna.book.edit(note.id, 'Annas Fassung');
      await bernd.sync();
      const a = await anna.sync();
      const conflict = a.conflicts.find((c) => c.noteId === note.id);
      expect(conflict?.others).toHaveLength(1);
      const shown = conflict?.winner;
      expect(await resolveConflict(anna.mirror, note.id, shown?.rev as string)).toEqual(shown?.note);
      await anna.sync();
      await bernd.sync();
      const onServer = await couch.admin_request('GET', `/${couch.db}/${noteDocId(note.id)}?conflicts=true`);
      expect(onServer.json._conflicts).toBeUndefined();
      expect(onServer.json.body[0].value).toBe(shown?.note?.text);
      expect(await text(bernd, note.id)).toBe(shown?.note?.text);
      expect(await listConflicts(bernd.mirror)).toEqual([]);
    });

    it('a colleague’s edit reaches the author under the colleague’s name, and the author’s own next edit is the author’s again', async () => {
      const note = await anna.book.add('Annas Entwurf');
      await anna.sync();
      await bernd.sync();
      await bernd.book.edit(note.id, 'Bernd: ergänzt um die Kosten');
      expect(await bernd.sync()).toMatchObject({ queued: 1, sent: 1, error: undefined });
      const onServer = (await couch.allDocs()).get(noteDocId(note.id));
      // Still Anna's note (creator, author), with Bernd as its editor.
      expect(onServer.creator.name).toBe('Anna A.');
      expect(onServer.ratsmarker.author).toBe('Anna A.');
      if (kind === 'Dexie')
        expect(onServer.ratsmarker).toMatchObject({ user: 'anna', editor: { name: 'Bernd B.', user: 'bernd' } });

      await anna.sync();
      const atAnna = await anna.book.get(note.id);
      expect(atAnna).toMatchObject({ text: 'Bernd: ergänzt um die Kosten', author: 'Anna A.' });
      if (kind === 'Dexie') {
        expect(atAnna?.editedBy).toMatchObject({ author: 'Bernd B.', user: 'bernd' });
        await anna.book.edit(note.id, 'Anna: Kosten geprüft');
        expect((await anna.book.get(note.id))?.editedBy).toBeUndefined();
        await anna.sync();
        await bernd.sync();
        expect(await bernd.book.get(note.id)).toMatchObject({ text: 'Anna: Kosten geprüft', author: 'Anna A.' });
        expect((await bernd.book.get(note.id))?.editedBy).toBeUndefined();
      }
    });

    it('skips documents that are not readable notes, with a reason, and takes the rest', async () => {
      const good = await anna.book.add('Lesbar');
      await anna.sync();
      await couch.admin_request('PUT', `/${couch.db}/${noteDocId('kaputt')}`, { type: 'Annotation', body: 'x' });
      await couch.admin_request('PUT', `/${couch.db}/_design/fremd`, { views: {} });
      await couch.admin_request('PUT', `/${couch.db}/anderes-werkzeug`, { type: 'Annotation' });
      const b = await bernd.sync();
      expect(b.error).toBeUndefined();
      expect(b.skipped).toEqual([{ id: noteDocId('kaputt'), reason: expect.any(String) }]);
      expect(await text(bernd, good.id)).toBe('Lesbar');
    });

    it('reports a password changed on the server as a refused login and keeps what was queued', async () => {
      const carl = await member(kind, 'carl', 'Carl C.');
      const note = await carl.book.add('Carl teilt');
      // The faction's administrator sets a new password; Carl's browser still has the old one.
      const user = await couch.admin_request('GET', '/_users/org.couchdb.user:carl');
      await couch.admin_request('PUT', '/_users/org.couchdb.user:carl', { ...user.json, password: 'neu' });
      const refused = await carl.sync();
      expect(refused.error?.reason).toBe('unauthorized');
      expect(refused.queued).toBe(1);
      expect((await couch.allDocs()).has(noteDocId(note.id))).toBe(false);
      expect((await carl.mirror.allDocs()).rows.map((r) => r.id)).toContain(noteDocId(note.id));
      expect(await text(carl, note.id)).toBe('Carl teilt');
    });
  },
);
