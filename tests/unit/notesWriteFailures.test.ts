// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { h, render } from 'preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/components/notes/db';
import { NoteItem } from '@/components/notes/NoteItem';
import { PageNotes } from '@/components/notes/PageNotes';
import { UndoToast } from '@/components/notes/UndoToast';
import { lastDeleted } from '@/components/notes/undo';
import { addNote, updateNote } from '@/utils/db/notesStore';
import { noteDocument } from '@/utils/notes/documentKey';
import type { Note } from '@/utils/notes/types';
import de from '../../locales/de.json';
import en from '../../locales/en.json';
import { lang } from './catalogueI18n';
import { injectWriteFaults } from './writeFaults';

vi.mock('@/components/i18n', () => import('./catalogueI18n'));

const faults = injectWriteFaults(db);
const doc = noteDocument('https://ratsinfo.example.de/vo0050.asp?__kvonr=1', { number: 'A/1', title: 'Radweg' });
const dump = async () => JSON.stringify(await db.notes.orderBy('id').toArray());
const msg = (catalogue: typeof de, key: keyof typeof de) => catalogue[key].message;

let root: HTMLElement;
beforeAll(async () => {
  await db.open();
});
beforeEach(async () => {
  faults.quota = false;
  if (!db.isOpen()) await db.open();
  await db.notes.clear();
  lastDeleted.value = undefined;
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => {
  render(null, root);
});

const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
function button(name: string): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent?.trim() === name);
  if (!b) throw new Error(`no button ${name} in ${root.innerHTML}`);
  return b;
}
async function failureShown(): Promise<string> {
  return vi.waitFor(() => {
    const text = byTestId('write-failure')?.textContent;
    if (!text) throw new Error('no failure shown yet');
    return text;
  });
}

type Fault = 'quota' | 'closed';
/** Makes the next writes fail, as a full store or a database closed under the popup. */
function breakStore(fault: Fault) {
  if (fault === 'quota') faults.quota = true;
  else db.close();
}
const reason = (fault: Fault, c: typeof de) => msg(c, fault === 'quota' ? 'errStorageFull' : 'errStorageClosed');

/** Reads the store (reopening a closed database) after the fault is gone. */
async function storeAfter() {
  faults.quota = false;
  if (!db.isOpen()) await db.open();
  return dump();
}

const cases = (['de', 'en'] as const).flatMap((l) => (['quota', 'closed'] as const).map((f) => [l, f] as const));

describe.each(cases)('popup writes in %s with a %s store', (language, fault) => {
  const catalogue = language === 'de' ? de : en;
  beforeEach(() => {
    lang.current = language;
  });

  it('a page note: says why in the reader’s language, keeps the text, writes nothing', async () => {
    render(h(PageNotes, { document: doc }), root);
    const before = await dump();
    const [text, tags] = [root.querySelector('textarea'), root.querySelector('input')] as [
      HTMLTextAreaElement,
      HTMLInputElement,
    ];
    type(text, 'Im Ausschuss nachfragen: <b>Kosten</b> \u202Eabc');
    type(tags, 'Haushalt');
    breakStore(fault);
    button(msg(catalogue, 'popupAddNote')).click();
    const shown = await failureShown();
    expect(shown).toContain(reason(fault, catalogue));
    expect(shown.startsWith(msg(catalogue, 'popupSaveFailed').split(' ')[0] as string)).toBe(true);
    expect(text.value).toBe('Im Ausschuss nachfragen: <b>Kosten</b> \u202Eabc');
    expect(tags.value).toBe('Haushalt');
    expect(await storeAfter()).toBe(before);
    // Saved again once the store takes it: the same text, once.
    button(msg(catalogue, 'popupAddNote')).click();
    await vi.waitFor(async () => expect(await db.notes.count()).toBe(1));
    expect((await db.notes.toArray())[0]?.text).toBe('Im Ausschuss nachfragen: <b>Kosten</b> \u202Eabc');
  });

  it('an edit: says why, keeps the edited text in the editor, writes nothing', async () => {
    const note = await addNote(db, { document: doc, text: 'Alt', tags: ['Europa'] });
    render(h(NoteItem, { note, showDocument: false }), root);
    button(msg(catalogue, 'popupEdit')).click();
    await vi.waitFor(() => expect(root.querySelector('textarea')).not.toBeNull());
    const text = root.querySelector('textarea') as HTMLTextAreaElement;
    type(text, 'Neu geschrieben');
    const before = await dump();
    breakStore(fault);
    button(msg(catalogue, 'popupSave')).click();
    expect(await failureShown()).toContain(reason(fault, catalogue));
    expect(text.value).toBe('Neu geschrieben');
    expect(root.querySelector('textarea')).toBe(text);
    expect(await storeAfter()).toBe(before);
  });

  it('a delete: says why and leaves the note', async () => {
    const note = await addNote(db, { document: doc, text: 'Bleibt' });
    render(h(NoteItem, { note, showDocument: false }), root);
    const before = await dump();
    breakStore(fault);
    button(msg(catalogue, 'popupDelete')).click();
    expect(await failureShown()).toContain(reason(fault, catalogue));
    expect(lastDeleted.value).toBeUndefined();
    expect(await storeAfter()).toBe(before);
  });

  it('an undo: says why, keeps the note offered, and brings it back once the store takes it', async () => {
    const note = await addNote(db, { document: doc, text: 'Zurückholen' });
    render(h('div', null, h(NoteItem, { note, showDocument: false }), h(UndoToast, { onChange: undefined })), root);
    button(msg(catalogue, 'popupDelete')).click();
    await vi.waitFor(() => expect(lastDeleted.value?.id).toBe(note.id));
    const before = await dump();
    breakStore(fault);
    button(msg(catalogue, 'popupUndo')).click();
    expect(await failureShown()).toContain(reason(fault, catalogue));
    expect(lastDeleted.value?.id).toBe(note.id);
    expect(await storeAfter()).toBe(before);
    button(msg(catalogue, 'popupUndo')).click();
    await vi.waitFor(async () => expect(await db.notes.get(note.id)).toEqual(note));
  });
});

describe('an edit meets a newer change made in another tab', () => {
  beforeEach(() => {
    lang.current = 'de';
  });
  async function editAgainstOtherTab(): Promise<{ note: Note; theirs: Note; text: HTMLTextAreaElement }> {
    const note = await addNote(db, { document: doc, text: 'Erste Fassung' }, new Date('2024-03-01T09:00:00Z'));
    render(h(NoteItem, { note, showDocument: false }), root);
    button(de.popupEdit.message).click();
    await vi.waitFor(() => expect(root.querySelector('textarea')).not.toBeNull());
    const text = root.querySelector('textarea') as HTMLTextAreaElement;
    type(text, 'Meine Fassung');
    // Another tab saves its edit while this editor is open.
    const theirs = (await updateNote(db, note.id, { text: 'Ihre Fassung' })) as Note;
    button(de.popupSave.message).click();
    await vi.waitFor(() => expect(byTestId('note-conflict')).not.toBeNull());
    return { note, theirs, text };
  }

  it('does not overwrite it: asks which to keep, showing theirs; the store still holds theirs', async () => {
    const { theirs, text } = await editAgainstOtherTab();
    expect(byTestId('note-conflict')?.textContent).toContain('Ihre Fassung');
    expect(byTestId('note-conflict')?.textContent).toContain('in einem anderen Tab oder Fenster geändert');
    expect(text.value).toBe('Meine Fassung');
    expect(await db.notes.get(theirs.id)).toEqual(theirs);
  });

  it('is seen also when the list shows their change while the reader types (live query)', async () => {
    const note = await addNote(db, { document: doc, text: 'Erste Fassung' }, new Date('2024-03-01T09:00:00Z'));
    render(h(PageNotes, { document: doc }), root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="note"]')).not.toBeNull());
    button(de.popupEdit.message).click();
    const text = await vi.waitFor(() => {
      const field = root.querySelector<HTMLTextAreaElement>('[data-testid="note"] textarea');
      if (!field) throw new Error('no editor yet');
      return field;
    });
    type(text, 'Meine Fassung');
    const theirs = (await updateNote(db, note.id, { text: 'Ihre Fassung' })) as Note;
    // The live list has handed the newer note to the open editor.
    await new Promise((resolve) => setTimeout(resolve, 300));
    button(de.popupSave.message).click();
    await vi.waitFor(() => expect(byTestId('note-conflict')?.textContent).toContain('Ihre Fassung'));
    expect(await db.notes.get(note.id)).toEqual(theirs);
  });

  it('"keep mine" writes the reader’s text over theirs', async () => {
    const { note } = await editAgainstOtherTab();
    button(de.popupKeepMine.message).click();
    await vi.waitFor(async () => expect((await db.notes.get(note.id))?.text).toBe('Meine Fassung'));
    expect(root.querySelector('textarea')).toBeNull();
  });

  it('"take theirs" writes nothing and closes the editor', async () => {
    const { theirs } = await editAgainstOtherTab();
    button(de.popupTakeTheirs.message).click();
    await vi.waitFor(() => expect(root.querySelector('textarea')).toBeNull());
    expect(await db.notes.get(theirs.id)).toEqual(theirs);
  });

  it('a note deleted in another tab: says so, keeps the text, and "keep mine" brings it back with it', async () => {
    const note = await addNote(db, { document: doc, text: 'Erste Fassung' });
    render(h(NoteItem, { note, showDocument: false }), root);
    button(de.popupEdit.message).click();
    await vi.waitFor(() => expect(root.querySelector('textarea')).not.toBeNull());
    const text = root.querySelector('textarea') as HTMLTextAreaElement;
    type(text, 'Meine Fassung');
    await db.notes.delete(note.id);
    button(de.popupSave.message).click();
    await vi.waitFor(() => expect(byTestId('note-conflict')?.textContent).toContain('gelöscht'));
    expect(text.value).toBe('Meine Fassung');
    expect(await db.notes.count()).toBe(0);
    button(de.popupKeepMine.message).click();
    await vi.waitFor(async () => expect((await db.notes.get(note.id))?.text).toBe('Meine Fassung'));
  });
});
