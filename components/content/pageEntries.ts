import type { PassageBlock } from '@/utils/dom/extractPassages';
import type { MeasureMatch } from '@/utils/matcher/matchPassages';
import { createBadge } from './badge';
import type { Highlighter } from './highlighter';
import type { createMeasureIndex } from './measureIndex';
import { inDocumentOrder } from './pageOrder';
import { type PaintedRange, paint, rangesOfMatches } from './paintMatches';
import type { PassageEntry } from './passageEntry';
import { writeTestMarks } from './testMarks';

/** A passage with a badge on a council page: its blocks and painted ranges besides what every surface has. */
export interface PageEntry extends PassageEntry {
  passage: PassageBlock;
  ranges: PaintedRange[];
}

/** Registering the ranges with the highlighter (CSS Custom Highlight API or <mark>s), as a User Timing measure. */
export const PAINT_MEASURE = 'ratsmarker:paint';

interface EntryOptions {
  measures: ReturnType<typeof createMeasureIndex>;
  highlighter: Highlighter;
  /** The badge's accessible name, looked up when the first badge needs it. */
  badgeName: () => (spoken: string, terms: string) => string;
  /** A badge was clicked. */
  open: (entry: PageEntry) => void;
  /** After Ratsmarker wrote into the page (the change watcher leaves those writes alone). */
  wrote: () => void;
}

/**
 * What Ratsmarker has put into a council page: the matched passages with
 * their badges and highlights (and the test contract's marks), put in and
 * taken out again. Each badge goes after the passage's last text.
 */
export function createPageEntries(doc: Document, { measures, highlighter, badgeName, open, wrote }: EntryOptions) {
  const matched: PageEntry[] = [];

  const blockIds = (block: Element) => {
    const ids = new Set<string>();
    for (const a of matched) if (a.passage.blocks.includes(block)) for (const m of a.matches) ids.add(m.id);
    return ids;
  };

  /** A badge for `matches` (none: a note marker only), built but not yet in the page; its click opens the card. */
  const buildEntry = (passage: PassageBlock, matches: MeasureMatch[], ranges: PaintedRange[]): PageEntry => {
    const { host, button, setNotes } = createBadge(doc, measures.badgeMeasures(matches), badgeName());
    const entry: PageEntry = { passage, text: passage.text, matches, ranges, host, button, setNotes, notes: [] };
    button.addEventListener('click', () => open(entry));
    return entry;
  };

  /** Puts a built badge at the end of its passage (after its last text, as it stands now). */
  const insertBadge = (entry: PageEntry) => {
    const lastNode = (entry.passage.segments.at(-1) as PassageBlock['segments'][number]).node;
    lastNode.parentNode?.insertBefore(entry.host, lastNode.nextSibling);
  };

  /**
   * Matched passages made ready to go in: their ranges read and their badges built. Writes nothing into the
   * page (commit does), so the page may have turns in between at no cost to it. Every range of what one commit
   * puts in is read here before any of it is painted (the <mark> fallback splits text nodes); passages never
   * share a text node, and rescans wait for the first scan, so ranges read for other commits stay right too.
   */
  const prepare = (found: readonly { passage: PassageBlock; measures: MeasureMatch[] }[]): PageEntry[] =>
    found.map((f) => buildEntry(f.passage, f.measures, rangesOfMatches(doc, f.passage, f.measures, measures.slotOf)));

  /** Puts prepared passages in, in one go: badges, highlights and the test contract's marks. */
  const commit = (ready: readonly PageEntry[]): void => {
    const touched = new Set<Element>();
    for (const e of ready) {
      for (const b of e.passage.blocks) touched.add(b);
      insertBadge(e);
    }
    matched.push(...ready);
    // Timed on its own: whether the Custom Highlight API is what a big page costs (the benchmark reads it).
    const painting = performance.now();
    for (const e of ready) paint(highlighter, e.ranges);
    performance.measure(PAINT_MEASURE, { start: painting, end: performance.now() });
    writeTestMarks(touched, blockIds);
    wrote();
  };

  /** Presents matched passages at once: prepared and committed in the same task. */
  const present = (found: readonly { passage: PassageBlock; measures: MeasureMatch[] }[]): PageEntry[] => {
    const ready = prepare(found);
    commit(ready);
    return ready;
  };

  const remove = (a: PageEntry) => {
    for (const r of a.ranges) highlighter.remove(r.slot, r.range);
    a.host.remove();
    matched.splice(matched.indexOf(a), 1);
    writeTestMarks(a.passage.blocks, blockIds);
  };

  return {
    /** The matched passages, in the order they were presented. */
    matched,
    present,
    prepare,
    commit,
    remove,
    /** A badge that carries notes only (a passage with notes and no match); not among `matched`. */
    noteMarker: (passage: PassageBlock) => {
      const entry = buildEntry(passage, [], []);
      insertBadge(entry);
      return entry;
    },
    /** Matched passages in the order they stand on the page. */
    inPageOrder: () => inDocumentOrder(matched, (a) => a.host),
  };
}
