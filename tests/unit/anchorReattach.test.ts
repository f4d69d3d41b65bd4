import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorNotes } from '@/utils/anchoring/anchorNotes';
import { joinPassages } from '@/utils/anchoring/joinPassages';
import { offeredPlaces } from '@/utils/anchoring/offeredPlaces';
import { selectionTarget } from '@/utils/anchoring/selectionTarget';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import { addNote } from '@/utils/db/notesStore';
import { reattachNote } from '@/utils/db/reattachNote';
import { RatsmarkerDB } from '@/utils/db/schema';
import { exportNotesJson, parseNotesFile } from '@/utils/export/notesFile';
import { noteDocument } from '@/utils/notes/documentKey';

const PASSAGES = [
  'Der Rat der Stadt beschließt:',
  '1. Die Verwaltung wird beauftragt, den Austausch mit der Partnerstadt Toulouse zu intensivieren.',
  '2. Der Bauausschuss prüft die Sanierung der Brücke und legt einen Zeitplan vor.',
];

describe('selectionTarget', () => {
  it('describes the selected characters in the joined motion text, white space at the ends left out', () => {
    const { text } = joinPassages(PASSAGES);
    // "Bauausschuss prüft" in passage 2, selected with the space before it.
    const at = (PASSAGES[2] as string).indexOf(' Bauausschuss');
    const target = selectionTarget(PASSAGES, [{ passage: 2, start: at, end: at + ' Bauausschuss prüft'.length }]);
    const start = text.indexOf('Bauausschuss prüft');
    expect(target).toEqual({
      quote: describeQuote(text, start, start + 'Bauausschuss prüft'.length),
      position: describePosition(start, start + 'Bauausschuss prüft'.length),
    });
  });

  it('spans passages from the first selected character to the last, and is null for nothing or white space', () => {
    const { text } = joinPassages(PASSAGES);
    const target = selectionTarget(PASSAGES, [
      { passage: 2, start: 0, end: 2 },
      { passage: 1, start: 3, end: (PASSAGES[1] as string).length },
    ]);
    expect(target?.quote.exact).toBe(
      text.slice(text.indexOf('Die Verwaltung'), text.indexOf('Der Bauausschuss')).trim(),
    );
    expect(selectionTarget(PASSAGES, [])).toBeNull();
    expect(selectionTarget(['a  b'], [{ passage: 0, start: 1, end: 3 }])).toBeNull();
  });
});

describe('reattachNote', () => {
  const opened: RatsmarkerDB[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });

  it('puts a lost note on the passage the reader chose, keeps the old target in its history, and it is found there', async () => {
    const db = new RatsmarkerDB('reattach', { indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(db);
    const before = joinPassages(PASSAGES);
    const s = before.text.indexOf('1. Die Verwaltung');
    const e = s + (PASSAGES[1] as string).length;
    const oldTarget = { quote: describeQuote(before.text, s, e), position: describePosition(s, e) };
    const note = await addNote(db, {
      document: noteDocument('https://ratsinfo.example/vo0050.asp?__kvonr=1', {}),
      target: oldTarget,
      text: 'Haushaltsmittel prüfen',
    });

    // Item 1 rewritten: the note is not found any more.
    const passages = [PASSAGES[0] as string, '1. Die Stadt richtet ein Welcome-Center ein.', PASSAGES[2] as string];
    const after = joinPassages(passages);
    expect(anchorNotes([note], after.text, after.starts).orphaned).toEqual([note.id]);

    // The reader selects the rewritten item and re-attaches the note to it.
    const target = selectionTarget(passages, [{ passage: 1, start: 0, end: (passages[1] as string).length }]);
    if (!target) throw new Error('no target');
    const moved = await reattachNote(db, note.id, target, new Date(Date.UTC(2026, 10, 30, 12)));
    expect(moved).toMatchObject({ target, orphaned: false, updated: '2026-11-30T12:00:00.000Z' });
    expect(moved?.history).toEqual([{ target: oldTarget, until: '2026-11-30T12:00:00.000Z' }]);
    // Found by its new quote's words too.
    expect(moved?.terms).toContain('welcome');
    const stored = await db.notes.get(note.id);
    expect(stored).toEqual(moved);
    expect(anchorNotes([stored as typeof note], after.text, after.starts)).toMatchObject({ found: [note.id] });

    // A second re-attach keeps both earlier places, oldest first.
    const again = await reattachNote(db, note.id, oldTarget);
    expect(again?.history?.map((h) => h.target.quote.exact)).toEqual([oldTarget.quote.exact, target.quote.exact]);
    expect(await reattachNote(db, 'missing', target)).toBeUndefined();

    // An export keeps the history, and reads back with it.
    const [read] = parseNotesFile(exportNotesJson([again as typeof note]));
    expect(read?.history).toEqual(again?.history);
  });
});

describe('offeredPlaces', () => {
  it('offers each place a note could stand on when several fit alike, and nothing when it is found', () => {
    const paragraph =
      'Die Verwaltung wird beauftragt, die Kosten des Vorhabens bis zum Herbst zu ermitteln und vorzulegen.';
    const text = `Der Rat beschließt:\n${paragraph}\nBegründung folgt mündlich.`;
    const start = text.indexOf('die Kosten des Vorhabens');
    const end = start + 'die Kosten des Vorhabens'.length;
    const target = { quote: describeQuote(text, start, end), position: describePosition(start, end) };
    expect(offeredPlaces(text, target)).toEqual([]);
    // The paragraph copied in before itself: two places alike, both offered (the one at the old position first).
    const copied = text.replace(paragraph, `${paragraph}\n${paragraph}`);
    const first = copied.indexOf(target.quote.exact);
    const second = copied.indexOf(target.quote.exact, first + 1);
    expect(offeredPlaces(copied, target)).toEqual(
      [first, second].map((s) => ({
        quote: describeQuote(copied, s, s + target.quote.exact.length),
        position: describePosition(s, s + target.quote.exact.length),
      })),
    );
  });
});
