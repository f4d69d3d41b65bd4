import { joinPassages } from '@/utils/anchoring/joinPassages';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import type { NewNote } from '@/utils/db/notesStore';
import type { CouncilSystem } from '@/utils/detect/types';
import type { PassageBlock } from '@/utils/dom/extractPassages';
import type { MeasureMatch } from '@/utils/matcher/matchPassages';
import { noteDocument } from '@/utils/notes/documentKey';
import type { Note } from '@/utils/notes/types';
import type { ActivePack } from '@/utils/pipeline/activePacks';
import { matchDocument, matchDocumentInSlices } from '@/utils/pipeline/matchDocument';
import { readWebPage } from '@/utils/pipeline/readWebPage';
import { taskBudget } from '@/utils/pipeline/taskBudget';
import { NOT_SHARING, type ShareOptions, type Sharing, shareSwitch } from '../faction/sharing';
import type { PageReport } from '../messages';
import { createBadge } from './badge';
import type { CardStrings, createCardLayer } from './card';
import { createHighlighter } from './highlighter';
import { createMeasureIndex } from './measureIndex';
import { createNavigation } from './navigation';
import { oneAfterAnother } from './oneAfterAnother';
import { loadPageExtras } from './pageExtras';
import { inDocumentOrder } from './pageOrder';
import { type PaintedRange, paint, rangesOfMatches } from './paintMatches';
import type { PassageEntry } from './passageEntry';
import { cardNoteLists, showNotes } from './passageNotes';
import { passageReport } from './passageReport';
import { MARGIN_SCREENS, passagesInView } from './passagesInView';
import { presentFound } from './presentFound';
import { rescanOnChange } from './rescanOnChange';
import { SCAN_END, SCAN_LOADED, SCAN_START, SCAN_VIEW } from './scanMarks';
import { writeTestMarks } from './testMarks';

export { MEASURES_ATTRIBUTE } from './testMarks';

export interface AnnotatorOptions {
  /** The packs (compiled by the background) and the threshold, loaded once the page has proved to be worth reading. */
  /** `workFrom`: when the load's own work (decoding, not waiting for storage) began in the current task. */
  load: () => Promise<{ packs: readonly ActivePack[]; threshold?: number; workFrom?: number }>;
  /** The council system the page proved to be (`detectSystem`), if any: the caller has looked already. */
  system: CouncilSystem | undefined;
  /** The UI strings, looked up only when the first badge or card needs them (a page without matches never does). */
  strings: () => CardStrings & { badge: (spoken: string, terms: string) => string };
  /** The scan began earlier (the caller marked ratsmarker:scan-start). */
  startedAt?: number;
  onReport?: (report: PageReport) => void;
  /** The notebook, reached through the background. */
  notes?: {
    load(documentKey: string): Promise<Note[]>;
    save(note: NewNote & { shared?: boolean }): Promise<void>;
    anchored(found: string[], orphaned: string[]): void;
    spoken(count: number): string;
    /** Faction notes (issue 17): colleagues' notes on a badge, and the share switch's state. */
    faction?: ShareOptions;
  };
}

interface Entry extends PassageEntry {
  passage: PassageBlock;
  ranges: PaintedRange[];
}

/** `run` once the page is idle (a timer where the browser has no requestIdleCallback). */
const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2_000 }) : setTimeout(run, 200);

// Anchoring without notes: nothing to find (showNotes does not call it then).
const noNotes = async () => ({ found: [], orphaned: [], byPassage: new Map() });

// A page's work runs in one task while it fits in this much (a typical Vorlage does), and is cut into
// tasks of this length otherwise: well under the 50 ms that count as a long task.
const SLICE_MS = 20;

// Pages of fewer passages are matched in their order: the passages in view first only where that saves time.
const VIEW_FIRST_FROM = 24;
// The passages in view are painted before the rest is read only on a page this many windows tall: reading a
// page of a few windows takes a few milliseconds, less than painting twice costs (30 kB, 8 windows: 6 ms more
// in all, 3 ms more until the highlights in view; 1 MB: 25 instead of 62 ms until those).
const EARLY_FROM_SCREENS = 20;

/** A run of Ratsmarker's own work between two turns of the page, as a User Timing measure. */
export const SLICE_MEASURE = 'ratsmarker:slice';
/** Registering the ranges with the highlighter (CSS Custom Highlight API or <mark>s), as a User Timing measure. */
export const PAINT_MEASURE = 'ratsmarker:paint';

/**
 * Finds the motion text of a council page, highlights the passages that
 * match the packs' measures, puts a badge at the end of each, and keeps doing
 * so while the page changes. The caller has decided that the page is worth
 * reading (a council system, or the user asked). The reading and matching
 * are the document pipeline's (utils/pipeline); this presents its result.
 */
export async function annotatePage(doc: Document, url: URL, options: AnnotatorOptions) {
  if (options.startedAt === undefined) performance.mark(SCAN_START);
  // Waiting for storage is not work: the budget starts when the packs' decoding began, in this task.
  const { packs, threshold, workFrom } = await options.load();
  performance.mark(SCAN_LOADED);
  const budget = taskBudget(SLICE_MS, {
    onSlice: (start, end) => performance.measure(SLICE_MEASURE, { start, end }),
    start: workFrom,
  });
  // Decoding the packs can use up a slice on its own (cold, on a slow machine): the page's facts (a walk of its
  // start, cold too) then come in a task of their own, not on top of it.
  await budget.pause();
  // The strings come with the startup read (../pageStrings.ts); put together when a badge first needs them.
  let looked: ReturnType<AnnotatorOptions['strings']> | undefined;
  const strings = () => {
    looked ??= options.strings();
    return looked;
  };
  const page = readWebPage(doc, url, options.system);
  const noteDoc = noteDocument(url.href, page.facts);
  const highlighter = createHighlighter(doc);
  // The card layer comes with the page extras, when the first card opens (or the page is idle after its scan).
  let cards: ReturnType<typeof createCardLayer> | undefined;
  const cardLayer = async () => {
    cards ??= (await loadPageExtras()).createCardLayer(doc);
    return cards;
  };
  const measures = createMeasureIndex(packs);
  const matched: Entry[] = [];
  const markers: Entry[] = [];

  const blockIds = (block: Element) => {
    const ids = new Set<string>();
    for (const a of matched) if (a.passage.blocks.includes(block)) for (const m of a.matches) ids.add(m.id);
    return ids;
  };

  const openCard = (a: Entry) => {
    const first = a.passage.segments[0];
    const last = a.passage.segments.at(-1);
    if (!first || !last) return;
    const whole = doc.createRange();
    // The <mark> fallback splits text nodes: a segment may now end beyond its (shortened) node.
    whole.setStart(first.node, Math.min(first.start, first.node.length));
    whole.setEnd(last.node, Math.min(last.end, last.node.length));
    const notes = options.notes;
    const measureIds = a.matches.map((m) => m.id);
    const cardNotes = notes && {
      ...cardNoteLists(a.notes, notes.faction?.locale ?? 'de'),
      ...shareSwitch(sharing, measureIds, measures.packOf),
      save: async (text: string, tags: string[], shared?: boolean) => {
        await notes.save({
          document: noteDoc,
          target: targetOf(a.passage),
          measureIds,
          text,
          tags,
          ...(shared ? { shared } : {}),
        });
        await refreshNotes();
      },
    };
    // The card must cover neither the passage nor its badge.
    const p = whole.getBoundingClientRect();
    const b = a.host.getBoundingClientRect();
    const around = {
      top: Math.min(p.top, b.top),
      bottom: Math.max(p.bottom, b.bottom),
      left: Math.min(p.left, b.left),
      right: Math.max(p.right, b.right),
    };
    void cardLayer().then((layer) =>
      layer.open(a.button, around, measures.cardMeasures(a.matches), strings(), cardNotes),
    );
  };

  /** A badge for `matches` (none: a note marker only) at the end of the passage; its click opens the card. */
  const attachBadge = (passage: PassageBlock, matches: MeasureMatch[], ranges: PaintedRange[]): Entry => {
    const { host, button, setNotes } = createBadge(doc, measures.badgeMeasures(matches), strings().badge);
    const lastNode = (passage.segments.at(-1) as PassageBlock['segments'][number]).node;
    lastNode.parentNode?.insertBefore(host, lastNode.nextSibling);
    const entry: Entry = { passage, text: passage.text, matches, ranges, host, button, setNotes, notes: [] };
    button.addEventListener('click', () => openCard(entry));
    return entry;
  };

  /** Presents matched passages: all ranges read first, then badges, paint and marks in one go. */
  const present = (found: readonly { passage: PassageBlock; measures: MeasureMatch[] }[]) => {
    const withRanges = found.map((f) => ({
      ...f,
      ranges: rangesOfMatches(doc, f.passage, f.measures, measures.slotOf),
    }));
    const touched = new Set<Element>();
    for (const f of withRanges) {
      matched.push(attachBadge(f.passage, f.measures, f.ranges));
      for (const b of f.passage.blocks) touched.add(b);
    }
    // Timed on its own: whether the Custom Highlight API is what a big page costs (the benchmark reads it).
    const painting = performance.now();
    for (const f of withRanges) paint(highlighter, f.ranges);
    performance.measure(PAINT_MEASURE, { start: painting, end: performance.now() });
    writeTestMarks(touched, blockIds);
    watcher.ignoreOwnChanges();
  };

  const remove = (a: Entry) => {
    for (const r of a.ranges) highlighter.remove(r.slot, r.range);
    a.host.remove();
    matched.splice(matched.indexOf(a), 1);
    writeTestMarks(a.passage.blocks, blockIds);
  };

  /** Matched passages in the order they stand on the page. */
  const inPageOrder = () => inDocumentOrder(matched, (a) => a.host);
  const report = () => passageReport(measures, inPageOrder(), { noteDocument: noteDoc, document: page.facts });

  /** The document's motion text as notes anchor in it: the passages joined by newlines. */
  const motionText = () => {
    const passages = page.passages();
    return { passages, ...joinPassages(passages.map((p) => p.text)) };
  };
  const samePassage = (a: PassageBlock, b: PassageBlock) => a.segments[0]?.node === b.segments[0]?.node;

  const targetOf = (passage: PassageBlock) => {
    const { passages, starts, text } = motionText();
    const i = passages.findIndex((p) => samePassage(p, passage));
    if (i < 0)
      return {
        quote: describeQuote(passage.text, 0, passage.text.length),
        position: describePosition(0, passage.text.length),
      };
    const start = starts[i] as number;
    const end = start + passage.text.length;
    return { quote: describeQuote(text, start, end), position: describePosition(start, end) };
  };

  // Whether a faction is connected, read again with the notes (the share switch shows only then).
  let sharing: Sharing = NOT_SHARING;
  // One refresh after the other (anchoring pauses between notes).
  const refreshNotes = oneAfterAnother(() => refreshNotesNow());
  const refreshNotesNow = async () => {
    const notes = options.notes;
    if (!notes) return;
    sharing = (await notes.faction?.sharing().catch(() => NOT_SHARING)) ?? NOT_SHARING;
    // Notes taken in the PDF viewer anchor in the PDF's text, not in this page's.
    const here = (await notes.load(noteDoc.key)).filter((n) => n.target && n.target.page === undefined);
    const motion = here.length > 0 ? motionText() : { passages: [], text: '', starts: [] };
    const anchor = here.length > 0 ? (await loadPageExtras()).anchorNotesInSlices : noNotes;
    const passageAt = (i: number) => motion.passages[i] as PassageBlock;
    const noteBudget = taskBudget(SLICE_MS);
    const { found, orphaned } = await showNotes(
      here,
      motion,
      {
        matched,
        entryAt: (i) => matched.find((a) => samePassage(a.passage, passageAt(i))),
        noteOnly: (i) => attachBadge(passageAt(i), [], []),
        markers,
      },
      notes.spoken,
      anchor,
      noteBudget.pause,
      notes.faction?.spoken,
    );
    noteBudget.finish();
    watcher.ignoreOwnChanges();
    if (here.length > 0) notes.anchored(found, orphaned);
  };

  const finishScan = () => {
    performance.mark(SCAN_END);
    options.onReport?.(report());
    void refreshNotes().catch(() => undefined);
  };

  // Rescan only what changed.
  let firstScanDone = false;
  const watcher = rescanOnChange(
    doc,
    () => firstScanDone,
    (changed) => {
      performance.mark(SCAN_START);
      const roots = new Set(changed);
      for (const a of [...matched]) {
        const stale = a.passage.segments.some((s) => !s.node.isConnected);
        const hit = changed.some((r) => a.passage.blocks.some((b) => r.contains(b) || b.contains(r)));
        if (stale || hit) {
          for (const b of a.passage.blocks) if (b.isConnected) roots.add(b);
          remove(a);
        }
      }
      const outer = [...roots].filter((r) => ![...roots].some((o) => o !== r && o.contains(r)));
      present(
        matchDocument(
          outer.flatMap((r) => page.passages(r)),
          packs,
          threshold,
        ),
      );
      finishScan();
    },
  );

  // The first scan: in one task when the page fits in a slice, cut where the slice runs out otherwise.
  // Decoding the packs and reading the facts (a whole long page's walk, cold) may have used the first slice.
  await budget.pause();
  // What the reader looks at first: the passages in view are matched and painted before the rest of a page
  // that takes more than a slice (a page that fits in one is done in one task anyway). Where the page's start
  // holds them, that is as soon as the reading has passed the view, before the rest of a long page is read.
  const shown = new Map<Node, string>();
  let early: Entry[] = [];
  const view = globalThis.innerHeight ?? 0;
  const long = doc.documentElement.scrollHeight > view * EARLY_FROM_SCREENS;
  const passages = await page.passagesInSlices(
    budget,
    SLICE_MS,
    long
      ? {
          past: (block) => block.getBoundingClientRect().top > view * (1 + MARGIN_SCREENS),
          take: async (first) => {
            const inView = passagesInView(first);
            if (inView.length === 0) return;
            const from = matched.length;
            present(await matchDocumentInSlices(first, packs, threshold, budget, inView));
            early = matched.slice(from);
            for (const i of inView) {
              const p = first[i] as PassageBlock;
              if (p.segments[0]) shown.set(p.segments[0].node, p.text);
            }
            // The detail says it came before the whole page was read (the end-to-end test of long pages reads it).
            performance.mark(SCAN_VIEW, { detail: { early: true } });
            await budget.pause();
          },
        }
      : undefined,
  );
  await budget.pause();
  let found: Awaited<ReturnType<typeof matchDocumentInSlices<PassageBlock>>>;
  const inView = shown.size === 0 && passages.length > VIEW_FIRST_FROM ? passagesInView(passages) : [];
  const viewFirst = inView.length > 0 && inView.length < passages.length;
  if (shown.size > 0) {
    // The passages in view were read and painted early; a passage the whole reading gives otherwise (the page
    // changed meanwhile) is matched again, and its early badge goes.
    const now = new Map(passages.map((p) => [p.segments[0]?.node, p.text]));
    for (const e of early) {
      const node = e.passage.segments[0]?.node;
      if (node && now.get(node) !== e.passage.text) remove(e);
    }
    const rest = passages.flatMap((p, i) => {
      const node = p.segments[0]?.node;
      return node && shown.get(node) === p.text ? [] : [i];
    });
    found = await matchDocumentInSlices(passages, packs, threshold, budget, rest);
  } else if (viewFirst) {
    present(await matchDocumentInSlices(passages, packs, threshold, budget, inView));
    performance.mark(SCAN_VIEW);
    await budget.pause();
    const first = new Set(inView);
    const rest = passages.flatMap((_, i) => (first.has(i) ? [] : [i]));
    found = await matchDocumentInSlices(passages, packs, threshold, budget, rest);
  } else found = await matchDocumentInSlices(passages, packs, threshold, budget);
  await presentFound(found, present, budget);
  if (!viewFirst && shown.size === 0) performance.mark(SCAN_VIEW);
  firstScanDone = true;
  budget.finish();
  finishScan();
  // A page with badges gets the card (and note anchoring) when it is idle, so the first click opens at once.
  if (matched.length > 0) whenIdle(() => void loadPageExtras().catch(() => undefined));

  return {
    report,
    refreshNotes,
    ...createNavigation(inPageOrder),
    destroy() {
      watcher.stop();
      cards?.close(false);
      for (const a of [...matched]) remove(a);
    },
  };
}

export type Annotator = Awaited<ReturnType<typeof annotatePage>>;
