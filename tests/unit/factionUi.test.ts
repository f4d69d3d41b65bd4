// @vitest-environment happy-dom
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBadge } from '@/components/content/badge';
import { createCardLayer } from '@/components/content/card';
import { cardNoteLists, showNotes, splitNotes } from '@/components/content/passageNotes';
import { loadTestMarks, resetTestMarks } from '@/components/content/testMarks';
import { colleagueByline } from '@/components/faction/byline';
import { conflictVersions } from '@/components/faction/conflictVersions';
import {
  factionConnected,
  factionStatus,
  readFactionStatus,
  watchFactionStatus,
} from '@/components/faction/factionState';
import { type KeptVersion, keepVersion } from '@/components/faction/keepVersion';
import { findOwnedNotes, ownedBy } from '@/components/faction/noteOwner';
import { resolveChoice } from '@/components/faction/resolveMessage';
import { readSharePacks, setSharePack, sharedByDefault, sharePacks } from '@/components/faction/shareDefaults';
import { NOT_SHARING, shareSwitch } from '@/components/faction/sharing';
import { anchorNotesInSlices } from '@/utils/anchoring/anchorNotes';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import { addNote, findNotes, NoteGoneError } from '@/utils/db/notesStore';
import { RatsmarkerDB, termsOf } from '@/utils/db/schema';
import type { Note } from '@/utils/notes/types';
import { CARD_STRINGS } from './helpers/cardStrings';

/** A click the reader made (happy-dom, like a page's script, only makes untrusted ones). */
function trustedClick(target: Element) {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  target.dispatchEvent(e);
}

const DOC = {
  key: 'rat.example.de|A/1',
  site: 'rat.example.de',
  number: 'A/1',
  url: 'https://rat.example.de/vo0050.asp',
};
function note(id: string, fields: Partial<Note> = {}): Note {
  const base: Omit<Note, 'terms'> = {
    id,
    document: DOC,
    documentKey: DOC.key,
    measureIds: [],
    text: `Notiz ${id}`,
    tags: [],
    created: '2026-11-01T09:00:00.000Z',
    updated: '2026-11-01T09:00:00.000Z',
    ...fields,
  };
  return { ...base, terms: termsOf(base) };
}
const anna = { author: 'Anna Beispiel', user: 'anna' };

const MEASURE = {
  label: 'Städtefreundschaft mit Toulouse',
  reference: 'KW21, Z. 7–8',
  text: 'Die Städtefreundschaft mit Toulouse',
  terms: ['Toulouse'],
  colour: 0,
  source: 'KW21 · Kreisvorstand · 05.02.2020',
};
const badgeOf = () =>
  createBadge(document, [{ short: 'KW21 · Z. 7–8', spoken: 'KW21 Z. 7–8', terms: ['Toulouse'], colour: 0 }], (a) => a);

describe('the badge with colleagues’ notes', () => {
  beforeAll(() => loadTestMarks(async () => true));
  afterAll(() => resetTestMarks());

  it('counts the reader’s and colleagues’ notes apart, each with a marker of its own and in the accessible name', () => {
    const b = badgeOf();
    document.body.append(b.host);
    b.setNotes(1, '1 Notiz', { count: 2, spoken: '2 Notizen der Fraktion' });
    expect(b.button.getAttribute('aria-label')).toBe('KW21 Z. 7–8; 1 Notiz; 2 Notizen der Fraktion');
    expect(b.button.querySelector('.count')?.textContent).toBe('✎ 1');
    expect(b.button.querySelector('.faction')?.textContent).toBe('⚑ 2');
    // Not by colour alone: the markers differ in sign (and frame), and are hidden from the accessible tree.
    expect(b.button.querySelector('.faction')?.getAttribute('aria-hidden')).toBe('true');

    b.setNotes(0, '', { count: 1, spoken: '1 Notiz der Fraktion' });
    expect(b.button.getAttribute('aria-label')).toBe('KW21 Z. 7–8; 1 Notiz der Fraktion');
    expect(b.button.querySelector('.count')).toBeNull();
    b.setNotes(0, '');
    expect(b.button.getAttribute('aria-label')).toBe('KW21 Z. 7–8');
    expect(b.button.querySelector('.faction')).toBeNull();
  });
});

describe('notes on a passage', () => {
  it('splits the reader’s own from colleagues’ and gives these a byline with author and date', () => {
    const notes = [note('m1'), note('f1', { faction: anna, updated: '2026-11-20T10:00:00.000Z' })];
    expect(splitNotes(notes).own.map((n) => n.id)).toEqual(['m1']);
    expect(splitNotes(notes).colleagues.map((n) => n.id)).toEqual(['f1']);
    const lists = cardNoteLists(notes, 'de-DE');
    expect(lists.existing.map((n) => n.id)).toEqual(['m1']);
    expect(lists.colleagues).toEqual([{ text: 'Notiz f1', tags: [], byline: 'Anna Beispiel · 20.11.2026' }]);
    expect(colleagueByline({ faction: anna, updated: 'kaputt' }, 'de-DE')).toBe('Anna Beispiel · kaputt');
  });

  it('says on the card who changed a shared note’s text and when, the reader’s own note and a colleague’s alike', () => {
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
      [key, ...(subs === undefined ? [] : [subs].flat())].join('|')) as typeof fakeBrowser.i18n.getMessage;
    const bernd = { author: 'Bernd B.', user: 'bernd', at: '2026-11-21T10:00:00.000Z' };
    const lists = cardNoteLists(
      [
        note('m1', { shared: true, editedBy: bernd }),
        note('m2'),
        note('f1', { faction: anna, editedBy: { ...bernd, at: '2026-11-22T10:00:00.000Z' } }),
        note('f2', { faction: anna }),
      ],
      'de-DE',
    );
    expect(lists.existing.map((n) => [n.id, n.edited])).toEqual([
      ['m1', 'factionUiEditedBy|Bernd B.|21.11.2026'],
      ['m2', undefined],
    ]);
    expect(lists.colleagues.map((n) => [n.text, n.edited])).toEqual([
      ['Notiz f1', 'factionUiEditedBy|Bernd B.|22.11.2026'],
      ['Notiz f2', undefined],
    ]);
  });

  it('marks a passage’s badge with the count of each, through showNotes', async () => {
    const text = 'Der Austausch mit Toulouse wird intensiviert.';
    const target = { quote: describeQuote(text, 0, text.length), position: describePosition(0, text.length) };
    const setNotes = vi.fn();
    const entry = { matches: [], text, host: document.createElement('span'), button: document.createElement('button') };
    const e = { ...entry, setNotes, notes: [] as Note[] };
    await showNotes(
      [note('m1', { target }), note('f1', { target, faction: anna }), note('f2', { target, faction: anna })],
      { text, starts: [0] },
      { matched: [e], entryAt: () => e, noteOnly: () => e, markers: [] },
      (n) => `${n} Notiz(en)`,
      anchorNotesInSlices,
      async () => undefined,
      (n) => `${n} Notizen der Fraktion`,
    );
    expect(e.notes).toHaveLength(3);
    expect(setNotes).toHaveBeenLastCalledWith(1, '1 Notiz(en)', { count: 2, spoken: '2 Notizen der Fraktion' });
  });
});

describe('the card’s share switch and colleagues’ notes', () => {
  beforeEach(async () => {
    for (const host of document.querySelectorAll('[data-ratsmarker-ui]')) host.remove();
    await loadTestMarks(async () => true);
  });
  afterEach(() => resetTestMarks());

  const openCard = (notes: Parameters<ReturnType<typeof createCardLayer>['open']>[4]) => {
    const b = badgeOf();
    document.body.append(b.host);
    createCardLayer(document).open(
      b.button,
      { top: 0, bottom: 10, left: 0, right: 10 },
      [MEASURE],
      CARD_STRINGS,
      notes,
    );
    const root = [...document.querySelectorAll('[data-ratsmarker-ui="card"]')].at(-1)?.shadowRoot as ShadowRoot;
    const button = (name: string) =>
      [...root.querySelectorAll('button')].find((x) => x.textContent === name) as HTMLElement;
    return { root, button };
  };

  it('lists colleagues’ notes read-only below the reader’s, with author and date', () => {
    const { root } = openCard({
      existing: [{ text: 'Meine Notiz', tags: [] }],
      colleagues: [{ text: 'Annas Notiz', tags: ['Haushalt'], byline: 'Anna Beispiel · 20.11.2026' }],
      save: async () => undefined,
    });
    const lists = [...root.querySelectorAll('ul')];
    expect(lists.map((l) => l.textContent)).toEqual(['Meine Notiz', 'Anna Beispiel · 20.11.2026Annas NotizHaushalt']);
    const headings = [...root.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).toEqual(['Notizen', 'Notizen der Fraktion']);
    expect(lists[1]?.querySelectorAll('button, input, textarea')).toHaveLength(0);
  });

  it('shows under a note who changed its text („bearbeitet von …“), in the reader’s list and the colleagues’', () => {
    const { root } = openCard({
      existing: [{ text: 'Meine Notiz', tags: [], edited: 'bearbeitet von Bernd B., 21.11.2026' }],
      colleagues: [
        {
          text: 'Annas Notiz',
          tags: [],
          byline: 'Anna Beispiel · 20.11.2026',
          edited: 'bearbeitet von Carl C., 22.11.2026',
        },
        { text: 'Annas zweite', tags: [], byline: 'Anna Beispiel · 20.11.2026' },
      ],
      save: async () => undefined,
    });
    const items = [...root.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('.edited')?.textContent)).toEqual([
      'bearbeitet von Bernd B., 21.11.2026',
      'bearbeitet von Carl C., 22.11.2026',
      undefined,
    ]);
    expect(items[1]?.textContent).toBe('Anna Beispiel · 20.11.2026Annas Notizbearbeitet von Carl C., 22.11.2026');
  });

  it('has no switch without a faction', () => {
    const { root } = openCard({ existing: [], save: async () => undefined });
    expect(root.querySelector('input[type="checkbox"]')).toBeNull();
  });

  it('starts as the pack default says, changes only by the reader’s clicks, and saves what it shows', async () => {
    const save = vi.fn(async () => undefined);
    const { root, button } = openCard({ existing: [], share: { initial: false }, save });
    const share = root.querySelector('input[name="shared"]') as HTMLInputElement;
    expect(share.closest('label')?.textContent).toBe('Mit der Fraktion teilen');
    expect(share.checked).toBe(false);
    trustedClick(button('Notiz zu dieser Stelle'));
    // A page's script cannot reach a closed root; where it could, its click changes nothing.
    share.click();
    expect(share.checked).toBe(false);
    trustedClick(share);
    expect(share.checked).toBe(true);
    (root.querySelector('textarea') as HTMLTextAreaElement).value = 'Teilen!';
    trustedClick(root.querySelector('button[type="submit"]') as HTMLElement);
    await vi.waitFor(() => expect(save).toHaveBeenCalledWith('Teilen!', [''], true));
    // After the save the switch starts again where it started.
    await vi.waitFor(() => expect(share.checked).toBe(false));

    const onByDefault = openCard({ existing: [], share: { initial: true }, save });
    expect((onByDefault.root.querySelector('input[name="shared"]') as HTMLInputElement).checked).toBe(true);
  });
});

describe('faction state and the per-pack default', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the status part A stores; anything unreadable is "not connected"', async () => {
    expect(readFactionStatus(undefined)).toEqual({ connected: false });
    expect(readFactionStatus({ connected: 'yes' })).toEqual({ connected: false });
    expect(readFactionStatus({ connected: true, user: 'lena' })).toEqual({ connected: true, user: 'lena' });
    // The sync's own status record: a server named is a faction set up (null once the reader left it).
    const record = { server: 'https://couch.example.de', database: 'fraktion', user: null, health: { failures: 2 } };
    expect(readFactionStatus(record)).toEqual({ connected: true });
    expect(readFactionStatus({ ...record, user: 'lena', error: { reason: 'unreachable' } })).toEqual({
      connected: true,
      user: 'lena',
    });
    // The name colleagues see, for the reader's changes to their notes.
    expect(readFactionStatus({ ...record, user: 'lena', author: 'Lena L.' })).toEqual({
      connected: true,
      user: 'lena',
      author: 'Lena L.',
    });
    expect(readFactionStatus({ ...record, server: '' })).toEqual({ connected: false });
    expect(readFactionStatus(null)).toEqual({ connected: false });
    expect(await factionConnected()).toBe(false);
    const seen = vi.fn();
    const stop = watchFactionStatus(seen);
    await fakeBrowser.storage.local.set({ factionStatus: { connected: true, user: 'lena' } });
    expect(await factionStatus()).toEqual({ connected: true, user: 'lena' });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith({ connected: true, user: 'lena' }));
    stop();
    await fakeBrowser.storage.local.set({ factionStatus: null });
    expect(await factionConnected()).toBe(false);
  });

  it('keeps the packs shared by default, and a passage starts shared when one of its measures is of such a pack', async () => {
    await setSharePack('kw21', true);
    await setSharePack('st4', true);
    await setSharePack('kw21', false);
    expect(await sharePacks()).toEqual(['st4']);
    expect(readSharePacks('st4')).toEqual([]);
    const packOf = (id: string) => (id.startsWith('KW21') ? 'kw21' : id.startsWith('ST4') ? 'st4' : undefined);
    expect(sharedByDefault(['KW21-7', 'ST4-2'], packOf, ['st4'])).toBe(true);
    expect(sharedByDefault(['KW21-7', 'X'], packOf, ['st4'])).toBe(false);
    expect(shareSwitch(NOT_SHARING, ['ST4-2'], packOf)).toEqual({});
    expect(shareSwitch({ connected: true, packs: ['st4'] }, ['ST4-2'], packOf)).toEqual({ share: { initial: true } });
    expect(shareSwitch({ connected: true, packs: [] }, ['ST4-2'], packOf)).toEqual({ share: { initial: false } });
  });
});

describe('whose notes the list shows', () => {
  const opened: RatsmarkerDB[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });
  const freshDb = () => {
    const db = new RatsmarkerDB('test', { indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(db);
    return db;
  };

  it('filters by owner, with the other conditions, and pages the result', async () => {
    const db = freshDb();
    const notes = [
      ...Array.from({ length: 5 }, (_, i) => note(`m${i}`, { updated: `2026-11-0${i + 1}T09:00:00.000Z` })),
      ...Array.from({ length: 4 }, (_, i) =>
        note(`f${i}`, { faction: anna, tags: i % 2 ? ['Haushalt'] : [], updated: `2026-11-1${i}T09:00:00.000Z` }),
      ),
    ];
    await db.notes.bulkAdd(notes);
    const find = (q: Parameters<typeof findNotes>[1]) => findNotes(db, q);
    expect(ownedBy(notes[0] as Note, 'mine')).toBe(true);
    expect(ownedBy(notes[5] as Note, 'mine')).toBe(false);
    expect((await findOwnedNotes(find, { offset: 0, limit: 3 }, 'all')).total).toBe(9);
    const faction = await findOwnedNotes(find, { offset: 1, limit: 2 }, 'faction');
    expect(faction.total).toBe(4);
    expect(faction.notes.map((n) => n.id)).toEqual(['f2', 'f1']);
    const mine = await findOwnedNotes(find, { offset: 0, limit: 10 }, 'mine');
    expect(mine.notes.map((n) => n.id)).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
    const tagged = await findOwnedNotes(find, { tag: 'Haushalt' }, 'faction');
    expect(tagged.notes.map((n) => n.id)).toEqual(['f3', 'f1']);
    expect((await findOwnedNotes(find, { tag: 'Haushalt' }, 'mine')).total).toBe(0);
  });

  it('a conflict: versions this device’s first, then the others newest first; keeping one writes it and ends the conflict', async () => {
    const db = freshDb();
    const stored = await addNote(db, { id: 'c1', document: DOC, text: 'Meine Fassung', tags: ['a'] });
    const conflict = {
      versions: [
        { rev: '2-b', text: 'Bens Fassung', tags: ['b'], updated: '2026-11-02T09:00:00.000Z', author: 'Ben' },
        { rev: '2-c', text: '', tags: [], updated: '2026-11-03T09:00:00.000Z', author: 'Cem', deleted: true },
      ],
    };
    await db.notes.put({ ...stored, shared: true, conflict });
    // The message key stands in for the message.
    fakeBrowser.i18n.getMessage = ((key: string) => key) as typeof fakeBrowser.i18n.getMessage;
    const withConflict = (await db.notes.get('c1')) as Note;
    const shown = conflictVersions(withConflict, 'de-DE');
    expect(shown.map((v) => [v.key, v.text, v.deleted])).toEqual([
      ['here', 'Meine Fassung', false],
      ['2-c', '', true],
      ['2-b', 'Bens Fassung', false],
    ]);
    expect(shown.map((v) => v.kept.kind)).toEqual(['here', 'deleted', 'other']);
    // The sync is told the server's revision of the kept version; a version only on this device has none.
    expect(shown.map((v) => resolveChoice('c1', v.kept))).toEqual([
      undefined,
      { noteId: 'c1', rev: '2-c' },
      { noteId: 'c1', rev: '2-b' },
    ]);
    // When the server's versions include this device's (its current one), that one is shown once, as this device's.
    const winner = {
      rev: '2-a',
      text: 'Meine Fassung',
      tags: ['a'],
      updated: '2026-11-01T10:00:00.000Z',
      author: 'Ich',
    };
    const all = conflictVersions({ ...withConflict, conflict: { versions: [winner, ...conflict.versions] } }, 'de-DE');
    expect(all.map((v) => v.key)).toEqual(['2-a', '2-c', '2-b']);
    expect(resolveChoice('c1', (all[0] as { kept: KeptVersion }).kept)).toEqual({ noteId: 'c1', rev: '2-a' });

    const kept = await keepVersion(db, 'c1', shown[2]?.kept as Exclude<KeptVersion, { kind: 'deleted' }>);
    expect(kept).toMatchObject({ text: 'Bens Fassung', tags: ['b'], shared: true });
    expect(kept.conflict).toBeUndefined();
    expect(kept.terms).toContain('bens');
    expect(Date.parse(kept.updated)).toBeGreaterThan(Date.parse(stored.updated));
    expect(await db.notes.get('c1')).toEqual(kept);

    // Keeping this device's version writes it again (so the sync sends it) and ends the conflict too.
    await db.notes.put({ ...kept, conflict });
    const again = await keepVersion(db, 'c1', { kind: 'here' });
    expect(again).toMatchObject({ text: 'Bens Fassung' });
    expect(again.conflict).toBeUndefined();

    await db.notes.delete('c1');
    await expect(keepVersion(db, 'c1', { kind: 'here' })).rejects.toBeInstanceOf(NoteGoneError);
  });
});
