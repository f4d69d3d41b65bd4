import type { FactionNote } from '@/utils/faction/annotationDoc';
import type { LocalNotes, NoteConflict } from '@/utils/faction/syncEngine';

interface Entry {
  note: FactionNote;
  shared: boolean;
  /** The local change counter when this note was last changed on this device (0: arrived from colleagues). */
  seq: number;
}

/**
 * The notebook side of the sync as the Dexie store will offer it, kept in a
 * Map: a change counter as checkpoint, colleagues' notes stored without
 * counting as local changes, conflicts remembered for the author.
 */
export class MemoryNotebook implements LocalNotes {
  readonly notes = new Map<string, Entry>();
  readonly conflicts = new Map<string, NoteConflict>();
  /** Shared notes deleted or made private here, with the counter when that happened. */
  private readonly gone = new Map<string, number>();
  private seq = 0;
  private clock = Date.parse('2026-11-30T08:00:00Z');

  constructor(readonly author: string) {}

  private tick(): string {
    this.clock += 1_000;
    return new Date(this.clock).toISOString();
  }

  add(text: string, { shared = true, documentKey = 'ratsinfo.example.de|AIF/012/2024' } = {}): FactionNote {
    const now = this.tick();
    const note: FactionNote = {
      id: crypto.randomUUID(),
      document: {
        key: documentKey,
        site: 'ratsinfo.example.de',
        url: 'https://ratsinfo.example.de/vo0050.asp?__kvonr=12',
      },
      documentKey,
      target: {
        quote: { type: 'TextQuoteSelector', exact: 'Städtepartnerschaft', prefix: 'Die ', suffix: ' wird' },
        position: { type: 'TextPositionSelector', start: 4, end: 23 },
      },
      measureIds: ['kw21-7'],
      text,
      tags: ['AIF'],
      created: now,
      updated: now,
      author: this.author,
    };
    this.notes.set(note.id, { note, shared, seq: ++this.seq });
    return note;
  }

  edit(id: string, text: string): void {
    const entry = this.must(id);
    entry.note = { ...entry.note, text, updated: this.tick() };
    entry.seq = ++this.seq;
  }

  setShared(id: string, shared: boolean): void {
    const entry = this.must(id);
    entry.shared = shared;
    entry.seq = ++this.seq;
    if (!shared) this.gone.set(id, this.seq);
    else this.gone.delete(id);
  }

  remove(id: string): void {
    const entry = this.must(id);
    this.notes.delete(id);
    if (entry.shared) this.gone.set(id, ++this.seq);
  }

  text(id: string): string | undefined {
    return this.notes.get(id)?.note.text;
  }

  private must(id: string): Entry {
    const entry = this.notes.get(id);
    if (!entry) throw new Error(`no note ${id}`);
    return entry;
  }

  async sharedChangesSince(checkpoint: string | undefined) {
    const since = Number(checkpoint ?? 0);
    const notes = [...this.notes.values()].filter((e) => e.shared && e.seq > since).map((e) => e.note);
    const deleted = [...this.gone].filter(([, seq]) => seq > since).map(([id]) => id);
    return { notes, deleted, checkpoint: String(this.seq) };
  }

  async applyRemote({ notes, deleted }: { notes: FactionNote[]; deleted: string[] }) {
    for (const note of notes) this.notes.set(note.id, { note, shared: true, seq: this.notes.get(note.id)?.seq ?? 0 });
    for (const id of deleted) if (this.notes.get(id)?.shared) this.notes.delete(id);
  }

  async markConflicts(conflicts: NoteConflict[], settled: string[]) {
    for (const id of settled) this.conflicts.delete(id);
    for (const c of conflicts) this.conflicts.set(c.noteId, c);
  }
}
