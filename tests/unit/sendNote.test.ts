import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { newNoteId, sendNoteReliably, whileWorkerGone } from '@/components/notes/sendNote';
import { addNote, type NewNote } from '@/utils/db/notesStore';
import { RatsmarkerDB } from '@/utils/db/schema';
import { noteDocument } from '@/utils/notes/documentKey';

const note: NewNote = {
  document: noteDocument('http://ratsinfo.example.de/vo0050.asp?__kvonr=1', { number: 'A/1' }),
  text: 'Einmal speichern',
};
const noWait = async () => undefined;
// As Chrome words it when the service worker is gone or went away mid-answer.
const GONE = [
  'Could not establish connection. Receiving end does not exist.',
  'The message port closed before a response was received.',
  'No response',
];

describe('sendNoteReliably', () => {
  it('makes v4 UUIDs without crypto.randomUUID (council pages on http are no secure context)', () => {
    const ids = new Set(Array.from({ length: 500 }, newNoteId));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each(GONE)('sends again, with the same id, when the worker was gone ("%s")', async (message) => {
    const sent: NewNote[] = [];
    await sendNoteReliably(
      note,
      async (n) => {
        sent.push(n);
        if (sent.length < 3) throw new Error(message);
      },
      noWait,
    );
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((n) => n.id)).size).toBe(1);
    expect(sent[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not send again what the store refused, and gives up after a while when the worker stays away', async () => {
    let tries = 0;
    const refused = Object.assign(new Error('errNoteTextTooLong 1000000'), { name: 'NoteRefusedError' });
    await expect(
      sendNoteReliably(note, async () => {
        tries++;
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(tries).toBe(1);
    tries = 0;
    await expect(
      sendNoteReliably(
        note,
        async () => {
          tries++;
          throw new Error(GONE[0]);
        },
        noWait,
      ),
    ).rejects.toThrow(/Receiving end/);
    expect(tries).toBe(6);
  });

  // The first save reached the store, and its answer was lost: said so by the browser, or never heard of.
  it.each([
    ['said lost', () => Promise.reject(new Error('The message port closed before a response was received.'))],
    ['never comes', () => new Promise<void>(() => undefined)],
  ])('stores the note once when the first save reached the store but its answer was lost (%s)', async (_, lost) => {
    const db = new RatsmarkerDB('send', { indexedDB: new IDBFactory(), IDBKeyRange });
    let tries = 0;
    await sendNoteReliably(
      note,
      async (n) => {
        tries++;
        await addNote(db, n);
        if (tries === 1) await lost();
      },
      noWait,
      // How long an answer may take: long enough for the second save's write into fake-indexeddb on a loaded CI
      // machine (at 20 ms it was once given up on, and a third save sent), short enough for "never comes".
      300,
    );
    expect(tries).toBe(2);
    expect((await db.notes.toArray()).map((n) => n.text)).toEqual(['Einmal speichern']);
    db.close();
  });
});

describe('whileWorkerGone', () => {
  it('reads again while the worker was gone and hands back the answer', async () => {
    let tries = 0;
    const answer = await whileWorkerGone(async () => {
      tries++;
      if (tries < 4) throw new Error(GONE[tries % GONE.length]);
      return ['Notiz'];
    }, noWait);
    expect(answer).toEqual(['Notiz']);
    expect(tries).toBe(4);
  });

  it('sends again when no answer comes at all (a worker stopped between taking the message and answering)', async () => {
    let tries = 0;
    const answer = await whileWorkerGone(
      () => {
        tries++;
        // The first message is lost: its promise never settles.
        return tries === 1 ? new Promise<string[]>(() => undefined) : Promise.resolve(['Notiz']);
      },
      noWait,
      20,
    );
    expect(answer).toEqual(['Notiz']);
    expect(tries).toBe(2);
  });
});
