// @vitest-environment happy-dom
// The council page's presenters around the document pipeline: what annotatePage wires together.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scanFirst } from '@/components/content/firstScan';
import { createHighlighter } from '@/components/content/highlighter';
import { createMeasureIndex } from '@/components/content/measureIndex';
import { noteTargetsOf } from '@/components/content/noteTargets';
import { createPageEntries, type PageEntry } from '@/components/content/pageEntries';
import { createPageNotes, type PageNotebook } from '@/components/content/pageNotes';
import { rootsToRescan } from '@/components/content/rescanRoots';
import { SCAN_VIEW } from '@/components/content/scanMarks';
import { anchorNotesInSlices } from '@/utils/anchoring/anchorNotes';
import type { PassageBlock } from '@/utils/dom/extractPassages';
import type { Note, NoteTarget } from '@/utils/notes/types';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { activePacksOf } from '@/utils/pipeline/activePacks';
import { matchDocument, type PassageMatches } from '@/utils/pipeline/matchDocument';
import { readWebPage } from '@/utils/pipeline/readWebPage';
import { taskBudget } from '@/utils/pipeline/taskBudget';

const packs = activePacksOf([builtinKw21()]);
const TOULOUSE = 'Die Städtepartnerschaft mit Toulouse soll mit einem Jugendaustausch belebt werden.';
const PLAN = (n: number) => `Der Bebauungsplan Nr. ${n} wird nach Beschluss öffentlich ausgelegt.`;

/** A SessionNet Vorlage of these paragraphs, each with its number in data-i. */
function vorlage(paragraphs: readonly string[]): Document {
  document.title = 'SessionNet | Vorlage';
  document.body.innerHTML = `<h1>Vorlage - 2026/17</h1><div class="smcdocmsword"><div class="WordSection1">${paragraphs
    .map((p, i) => `<p data-i="${i}">${p}</p>`)
    .join('')}</div></div>`;
  return document;
}
const url = new URL('https://ratsinfo.example.de/vo0050.asp?__kvonr=17');
const paragraph = (i: number) => document.querySelector(`[data-i="${i}"]`) as HTMLElement;
const strings = () => (spoken: string, terms: string) => `${spoken}: ${terms}`;

function entriesOf(doc: Document, wrote = () => undefined) {
  return createPageEntries(doc, {
    measures: createMeasureIndex(packs),
    highlighter: createHighlighter(doc),
    badgeName: strings,
    open: () => undefined,
    wrote,
  });
}

/** The passages of the page that match, as the pipeline gives them. */
const matchedOn = (doc: Document) => matchDocument(readWebPage(doc, url).passages(), packs);

afterEach(() => {
  vi.restoreAllMocks();
  performance.clearMarks();
});

describe('the page’s entries (createPageEntries)', () => {
  it('puts a badge after each matched passage’s text, tells the watcher, and takes it out again', () => {
    const doc = vorlage([PLAN(1), TOULOUSE, PLAN(2), TOULOUSE]);
    let writes = 0;
    const entries = entriesOf(doc, () => {
      writes++;
    });
    const added = entries.present(matchedOn(doc));
    expect(added).toHaveLength(2);
    expect(writes).toBe(1);
    for (const i of [1, 3]) expect(paragraph(i).lastElementChild?.getAttribute('data-ratsmarker-ui')).toBe('badge');
    expect(paragraph(0).querySelector('[data-ratsmarker-ui]')).toBeNull();
    entries.remove(added[0] as PageEntry);
    expect(paragraph(1).querySelector('[data-ratsmarker-ui]')).toBeNull();
    expect(entries.matched).toEqual([added[1]]);
  });

  it('builds badges without writing into the page, and puts all of them in with one commit', () => {
    const doc = vorlage([PLAN(1), TOULOUSE, PLAN(2), TOULOUSE]);
    let writes = 0;
    const entries = entriesOf(doc, () => {
      writes++;
    });
    const before = doc.body.innerHTML;
    const [first, second] = matchedOn(doc) as PassageMatches<PassageBlock>[];
    const ready = [
      ...entries.prepare([first as PassageMatches<PassageBlock>]),
      ...entries.prepare([second as PassageMatches<PassageBlock>]),
    ];
    expect(doc.body.innerHTML).toBe(before);
    expect(ready.every((e) => !e.host.isConnected && e.ranges.length > 0)).toBe(true);
    expect(entries.matched).toEqual([]);
    expect(writes).toBe(0);
    entries.commit(ready);
    for (const i of [1, 3]) expect(paragraph(i).lastElementChild?.getAttribute('data-ratsmarker-ui')).toBe('badge');
    expect(entries.matched).toEqual(ready);
    expect(writes).toBe(1);
  });

  it('survives a page that changed between its reading and its badges going in', () => {
    const doc = vorlage([PLAN(1), TOULOUSE, PLAN(2), TOULOUSE]);
    const entries = entriesOf(doc);
    const found = matchedOn(doc) as PassageMatches<PassageBlock>[];
    // The page's scripts shortened one matched paragraph's text after it was read (the text map reads the text as
    // it is now: no range beyond its end), and removed the other before the badges went in.
    (paragraph(1).firstChild as Text).data = 'Die';
    const ready = entries.prepare(found);
    expect(ready).toHaveLength(2);
    expect(ready[0]?.ranges.every((r) => r.range.endOffset <= 3)).toBe(true);
    paragraph(3).remove();
    entries.commit(ready);
    expect(ready[0]?.host.isConnected).toBe(true);
    expect(ready[1]?.host.isConnected).toBe(false);
  });

  it('lists the passages in page order, whatever order they were presented in', () => {
    const doc = vorlage([TOULOUSE, PLAN(1), TOULOUSE]);
    const entries = entriesOf(doc);
    const [first, last] = matchedOn(doc);
    entries.present([last as PassageMatches<PassageBlock>]);
    entries.present([first as PassageMatches<PassageBlock>]);
    expect(entries.inPageOrder().map((e) => e.passage.blocks[0]?.getAttribute('data-i'))).toEqual(['0', '2']);
  });

  it('gives a passage with notes but no match a badge that is not among the matches', () => {
    const doc = vorlage([PLAN(1)]);
    const entries = entriesOf(doc);
    const marker = entries.noteMarker(readWebPage(doc, url).passages()[0] as PassageBlock);
    expect(paragraph(0).contains(marker.host)).toBe(true);
    expect(entries.matched).toEqual([]);
  });
});

describe('what to read again after the page changed (rootsToRescan)', () => {
  it('takes off the passages a changed block touches, and reads their blocks again', () => {
    const doc = vorlage([TOULOUSE, PLAN(1), TOULOUSE]);
    const entries = entriesOf(doc);
    entries.present(matchedOn(doc));
    const [first, second] = entries.matched as PageEntry[];
    const roots = rootsToRescan([paragraph(2)], entries.matched, entries.remove);
    expect(roots).toEqual([paragraph(2)]);
    expect(entries.matched).toEqual([first]);
    expect(second?.host.isConnected).toBe(false);
  });

  it('takes off a passage whose text left the page, and keeps only the outermost blocks', () => {
    const doc = vorlage([TOULOUSE, PLAN(1), TOULOUSE]);
    const entries = entriesOf(doc);
    entries.present(matchedOn(doc));
    (paragraph(0).firstChild as Text).remove();
    const section = doc.querySelector('.WordSection1') as Element;
    const roots = rootsToRescan([paragraph(1), section], entries.matched, entries.remove);
    expect(roots).toEqual([section]);
    expect(entries.matched).toEqual([]);
  });
});

describe('where a note stands on a page (noteTargetsOf)', () => {
  it('quotes the passage in the motion text, at its place among the passages joined', () => {
    const doc = vorlage([PLAN(1), TOULOUSE]);
    const page = readWebPage(doc, url);
    const { motionText, targetOf } = noteTargetsOf(page);
    const { text } = motionText();
    const passage = page.passages()[1] as PassageBlock;
    const target = targetOf(passage);
    expect(target.quote.exact).toBe(TOULOUSE);
    expect(text.slice(target.position.start, target.position.end)).toBe(TOULOUSE);
    expect(target.position.start).toBeGreaterThan(0);
  });

  it('quotes a passage no longer on the page on its own', () => {
    const doc = vorlage([PLAN(1), TOULOUSE]);
    const page = readWebPage(doc, url);
    const passage = page.passages()[1] as PassageBlock;
    paragraph(1).remove();
    const target = noteTargetsOf(page).targetOf(passage);
    expect(target.position).toMatchObject({ start: 0, end: TOULOUSE.length });
    expect(target.quote.exact).toBe(TOULOUSE);
  });
});

describe('the reader’s notes on a page (createPageNotes)', () => {
  const KEY = 'ratsinfo.example.de|2026/17';
  const noteOn = (id: string, target: NoteTarget): Note => ({
    id,
    document: { key: KEY, site: 'ratsinfo.example.de', url: url.href },
    documentKey: KEY,
    target,
    measureIds: [],
    text: `Notiz ${id}`,
    tags: [],
    created: '2026-12-02T08:00:00Z',
    updated: '2026-12-02T08:00:00Z',
    terms: [],
  });
  const badgeOf = (i: number) => paragraph(i).querySelector('[data-ratsmarker-ui="badge"]');

  function setUp(paragraphs: string[], notesOf: (targets: (i: number) => NoteTarget) => Note[], faction = false) {
    const doc = vorlage(paragraphs);
    const page = readWebPage(doc, url);
    const { motionText, targetOf } = noteTargetsOf(page);
    const targets = (i: number) => targetOf(page.passages()[i] as PassageBlock);
    const notes = notesOf(targets);
    const anchored: { found: string[]; orphaned: string[] }[] = [];
    const loaded: string[] = [];
    let writes = 0;
    const notebook: PageNotebook = {
      load: async (key) => {
        loaded.push(key);
        return notes;
      },
      anchored: (found, orphaned) => anchored.push({ found, orphaned }),
      spoken: (count) => `${count} Notizen`,
      ...(faction
        ? {
            faction: {
              locale: 'de',
              sharing: async () => ({ connected: true, packs: ['kw21'] }),
              spoken: (n: number) => `${n} der Fraktion`,
            },
          }
        : {}),
    };
    const entries = entriesOf(doc);
    entries.present(matchedOn(doc));
    const pageNotes = createPageNotes({
      notebook,
      documentKey: KEY,
      motionText,
      entries,
      anchorer: async () => anchorNotesInSlices,
      wrote: () => {
        writes++;
      },
    });
    return { pageNotes, entries, anchored, loaded, writes: () => writes, notes };
  }

  it('finds the page’s notes again, counts them on their passage’s badge and tells the notebook what it found', async () => {
    const t = setUp([PLAN(1), TOULOUSE, PLAN(2)], (at) => [noteOn('a', at(1)), noteOn('b', at(1))]);
    await t.pageNotes.refresh();
    expect(t.loaded).toEqual([KEY]);
    expect(t.anchored).toEqual([{ found: ['a', 'b'], orphaned: [] }]);
    const matched = t.entries.matched[0] as PageEntry;
    expect(matched.notes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(badgeOf(1)?.getAttribute('data-ratsmarker-ui')).toBe('badge');
    expect(t.writes()).toBe(1);
  });

  it('gives a passage with notes but no match a badge of its own, once however often it refreshes', async () => {
    const t = setUp([PLAN(1), TOULOUSE], (at) => [noteOn('a', at(0))]);
    await t.pageNotes.refresh();
    await t.pageNotes.refresh();
    expect(paragraph(0).querySelectorAll('[data-ratsmarker-ui="badge"]')).toHaveLength(1);
    expect(t.entries.matched).toHaveLength(1);
  });

  it('leaves notes taken in the PDF viewer to the PDF, and reports none where the page has none of its own', async () => {
    const t = setUp([TOULOUSE], (at) => [noteOn('pdf', { ...at(0), page: 3 })]);
    await t.pageNotes.refresh();
    expect(t.anchored).toEqual([]);
    expect((t.entries.matched[0] as PageEntry).notes).toEqual([]);
  });

  it('names a note whose passage is gone as not found, and reads the faction’s sharing with the notes', async () => {
    const t = setUp(
      [PLAN(1), TOULOUSE],
      (at) => [
        noteOn('gone', {
          ...at(1),
          quote: { ...at(1).quote, exact: 'Ein Absatz, den es auf dieser Seite nicht mehr gibt.' },
        }),
      ],
      true,
    );
    expect(t.pageNotes.sharing().connected).toBe(false);
    await t.pageNotes.refresh();
    expect(t.anchored).toEqual([{ found: [], orphaned: ['gone'] }]);
    expect(t.pageNotes.sharing()).toEqual({ connected: true, packs: ['kw21'] });
  });
});

describe('the first scan of a page (scanFirst)', () => {
  const run = async (doc: Document) => {
    const calls: string[][] = [];
    const entries = entriesOf(doc);
    await scanFirst(
      doc,
      { page: readWebPage(doc, url), packs, threshold: undefined, budget: taskBudget(20), sliceMs: 20 },
      {
        present: (found) => {
          calls.push(found.map((f) => f.passage.blocks[0]?.getAttribute('data-i') ?? '?'));
          return entries.present(found);
        },
        prepare: (found) => {
          calls.push(found.map((f) => f.passage.blocks[0]?.getAttribute('data-i') ?? '?'));
          return entries.prepare(found);
        },
        commit: (ready) => {
          calls.push(['commit', ...ready.map((e) => e.passage.blocks[0]?.getAttribute('data-i') ?? '?')]);
          entries.commit(ready);
        },
        remove: entries.remove,
      },
    );
    return { calls, entries };
  };

  it('presents a page that fits in a slice in one go, and marks that the highlights in view are in', async () => {
    const doc = vorlage([PLAN(1), TOULOUSE, PLAN(2), TOULOUSE]);
    const { calls } = await run(doc);
    expect(calls).toEqual([
      ['1', '3'],
      ['commit', '1', '3'],
    ]);
    expect(performance.getEntriesByName(SCAN_VIEW)).toHaveLength(1);
  });

  it('on a long page, paints the passages in view before the rest is read, each passage once', async () => {
    const paragraphs = Array.from({ length: 80 }, (_, i) => (i === 1 || i === 70 ? TOULOUSE : PLAN(i)));
    const doc = vorlage(paragraphs);
    // Laid out as a browser would: each paragraph 40 px below the one before, the page 80 windows tall.
    vi.spyOn(globalThis, 'innerHeight', 'get').mockReturnValue(100);
    Object.defineProperty(doc.documentElement, 'scrollHeight', { configurable: true, value: 8_000 });
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const i = Number(this.closest('[data-i]')?.getAttribute('data-i') ?? 0);
      return { top: i * 40, bottom: i * 40 + 30, left: 0, right: 500, width: 500, height: 30 } as DOMRect;
    });
    const { calls, entries } = await run(doc);
    // The passage in view went in first; the rest was prepared and committed once.
    expect(calls).toEqual([['1'], ['70'], ['commit', '70']]);
    expect(entries.matched).toHaveLength(2);
    const view = performance.getEntriesByName(SCAN_VIEW) as PerformanceMark[];
    expect(view.map((m) => m.detail)).toEqual([{ early: true }]);
  });
});
