import { anchorNotes } from '@/utils/anchoring/anchorNotes';
import { joinPassages } from '@/utils/anchoring/joinPassages';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import type { NewNote } from '@/utils/db/notesStore';
import { motionTextFilter, readFacts } from '@/utils/detect/readCouncilPage';
import type { CouncilSystem, DocumentFacts } from '@/utils/detect/types';
import { isBlock } from '@/utils/dom/blocks';
import { extractPassages, extractPassagesInSlices, type PassageBlock } from '@/utils/dom/extractPassages';
import { buildTextMap, domRangeOf } from '@/utils/dom/textMap';
import { compileMatcherInSlices } from '@/utils/matcher/compileMatcher';
import { type MeasureMatch, matchPassages } from '@/utils/matcher/matchPassages';
import { noteDocument } from '@/utils/notes/documentKey';
import type { Note } from '@/utils/notes/types';
import type { PositionPack } from '@/utils/pack/types';
import type { PageReport } from '../messages';
import { createBadge } from './badge';
import { type CardStrings, createCardLayer } from './card';
import { createHighlighter } from './highlighter';
import { createMeasureIndex, reportText } from './measureIndex';
import { stepIndex } from './stepIndex';
import { yieldToPage } from './yieldToPage';

export interface AnnotatorOptions {
  /** The packs and the threshold, loaded only once the page has proved to be worth reading. */
  load: () => Promise<{ packs: readonly PositionPack[]; threshold?: number }>;
  /** The council system the page proved to be (`detectSystem`), if any: the caller has looked already. */
  system: CouncilSystem | undefined;
  /** The UI strings, looked up only once the page has proved to be worth reading. */
  strings: () => CardStrings & { badge: (spoken: string, terms: string) => string };
  /** The scan began earlier (the caller marked ratsmarker:scan-start). */
  startedAt?: number;
  onReport?: (report: PageReport) => void;
  /** The notebook, reached through the background. */
  notes?: {
    load(documentKey: string): Promise<Note[]>;
    save(note: NewNote): Promise<void>;
    anchored(found: string[], orphaned: string[]): void;
    spoken(count: number): string;
  };
}

interface Annotated {
  passage: PassageBlock;
  matches: MeasureMatch[];
  ranges: { colour: number; range: Range }[];
  badge: HTMLElement;
  button: HTMLButtonElement;
  setNotes: (count: number, spoken: string) => void;
  notes: Note[];
}

export const SCAN_START = 'ratsmarker:scan-start';
export const SCAN_END = 'ratsmarker:scan-end';
export const MEASURES_ATTRIBUTE = 'data-ratsmarker-measures';
// Pages that fill in their text arrive in bursts; one rescan per burst.
const RESCAN_DELAY_MS = 200;
// Work in slices well under the 50 ms that count as a long task, so the page stays responsive: a step
// can overrun the deadline by some 10 ms on a cold start (eight terms stemmed, two passages annotated).
const SLICE_MS = 20;
// Passages matched between two looks at the clock.
const MATCH_BATCH = 2;

/** A run of Ratsmarker's own work between two turns of the page, as a User Timing measure. */
export const SLICE_MEASURE = 'ratsmarker:slice';
let sliceStart = performance.now();

/**
 * Gives the page a turn, and records the slice of work that ends here, so
 * the benchmark can tell Ratsmarker's tasks from the page's own.
 */
async function pause(): Promise<void> {
  performance.measure(SLICE_MEASURE, { start: sliceStart, end: performance.now() });
  await yieldToPage();
  sliceStart = performance.now();
}

const isOwnNode = (n: Node | null): boolean => {
  const el = n && (n.nodeType === 1 ? (n as Element) : n.parentElement);
  return !!el?.closest('[data-ratsmarker-ui]');
};

/**
 * Finds the motion text of a council page, highlights the passages that
 * match the packs' measures, puts a badge at the end of each, and keeps doing
 * so while the page changes. The caller has decided that the page is worth
 * reading (a council system, or the user asked).
 */
export async function annotatePage(doc: Document, url: URL, options: AnnotatorOptions) {
  if (options.startedAt === undefined) performance.mark(SCAN_START);
  sliceStart = options.startedAt ?? performance.now();
  const system = options.system;
  // Each step of the setup in a task of its own, so none of them is long.
  await pause();
  // Waiting for storage is not work: the next slice starts when the packs are here.
  const loaded = await options.load();
  sliceStart = performance.now();
  const { packs, threshold } = loaded;
  const strings = options.strings();
  await pause();
  for (const pack of packs) await compileMatcherInSlices(pack, SLICE_MS, pause);
  await pause();
  const facts: DocumentFacts = readFacts(doc, system, url);
  // Reading the facts looks at up to a thousand elements and the page's tables: a task of its own.
  await pause();
  const isMotionText = motionTextFilter(doc, system, facts);
  const noteDoc = noteDocument(url.href, facts);
  const highlighter = createHighlighter(doc);
  const cards = createCardLayer(doc);
  const measures = createMeasureIndex(packs);
  const annotated: Annotated[] = [];

  const updateBlockAttributes = (blocks: Iterable<Element>) => {
    for (const block of blocks) {
      const ids = new Set<string>();
      for (const a of annotated) if (a.passage.blocks.includes(block)) for (const m of a.matches) ids.add(m.id);
      if (ids.size > 0) block.setAttribute(MEASURES_ATTRIBUTE, [...ids].join(' '));
      else block.removeAttribute(MEASURES_ATTRIBUTE);
    }
  };

  const openCard = (a: Annotated) => {
    const whole = doc.createRange();
    const first = a.passage.segments[0];
    const last = a.passage.segments.at(-1);
    if (!first || !last) return;
    // The <mark> fallback splits text nodes: a segment may now end beyond its (shortened) node.
    whole.setStart(first.node, Math.min(first.start, first.node.length));
    whole.setEnd(last.node, Math.min(last.end, last.node.length));
    const notes = options.notes;
    const cardNotes = notes
      ? {
          existing: a.notes,
          save: async (text: string, tags: string[]) => {
            await notes.save({
              document: noteDoc,
              target: targetOf(a.passage),
              measureIds: a.matches.map((m) => m.id),
              text,
              tags,
            });
            await refreshNotes();
          },
        }
      : undefined;
    // The card must cover neither the passage nor its badge.
    const p = whole.getBoundingClientRect();
    const b = a.badge.getBoundingClientRect();
    const around = {
      top: Math.min(p.top, b.top),
      bottom: Math.max(p.bottom, b.bottom),
      left: Math.min(p.left, b.left),
      right: Math.max(p.right, b.right),
    };
    cards.open(a.button, around, measures.cardMeasures(a.matches), strings, cardNotes);
  };

  /** Puts a badge for `matches` (none: a note marker only) at the end of the passage; its click opens the card. */
  const attachBadge = (passage: PassageBlock, matches: MeasureMatch[], ranges: Annotated['ranges']): Annotated => {
    const { host, button, setNotes } = createBadge(doc, measures.badgeMeasures(matches), strings.badge);
    const lastNode = (passage.segments.at(-1) as PassageBlock['segments'][number]).node;
    lastNode.parentNode?.insertBefore(host, lastNode.nextSibling);
    const entry: Annotated = { passage, matches, ranges, badge: host, button, setNotes, notes: [] };
    button.addEventListener('click', () => openCard(entry));
    return entry;
  };

  const annotate = (passages: readonly PassageBlock[]) => {
    const results = matchPassages(
      passages.map((p) => p.text),
      packs,
      { threshold },
    );
    const touched = new Set<Element>();
    const created: Annotated[] = [];
    results.forEach((result, i) => {
      if (result.measures.length === 0) return;
      const passage = passages[i] as PassageBlock;
      const map = buildTextMap(passage.segments);
      const ranges: Annotated['ranges'] = [];
      for (const m of result.measures) {
        const c = measures.colourOf(m.id);
        for (const span of m.spans) {
          const pos = domRangeOf(map, span.start, span.end);
          if (!pos) continue;
          const range = doc.createRange();
          range.setStart(pos.startNode, pos.startOffset);
          range.setEnd(pos.endNode, pos.endOffset);
          ranges.push({ colour: c, range });
        }
      }
      const entry = attachBadge(passage, result.measures, ranges);
      annotated.push(entry);
      created.push(entry);
      for (const b of passage.blocks) touched.add(b);
    });
    // Paint after all ranges are set: the <mark> fallback changes the text nodes.
    for (const a of created) for (const r of a.ranges) highlighter.add(r.colour, r.range);
    updateBlockAttributes(touched);
    // Our own badges (and <mark>s) are not news.
    observer?.takeRecords();
  };

  const remove = (a: Annotated) => {
    for (const r of a.ranges) highlighter.remove(r.colour, r.range);
    a.badge.remove();
    annotated.splice(annotated.indexOf(a), 1);
    updateBlockAttributes(a.passage.blocks);
  };

  /** Matched passages in the order they stand on the page. */
  const inPageOrder = () =>
    [...annotated].sort((a, b) => (a.badge.compareDocumentPosition(b.badge) & 4 /* FOLLOWING */ ? -1 : 1));
  const focusEntry = (a: Annotated | undefined) => {
    if (!a) return false;
    a.badge.scrollIntoView({ block: 'center' });
    a.button.focus();
    return true;
  };

  const report = (): PageReport => {
    const counted = measures.reportMeasures(annotated.map((a) => a.matches));
    return {
      count: counted.reduce((sum, m) => sum + m.count, 0),
      noteDocument: noteDoc,
      document: facts,
      passages: inPageOrder().map((a, index) => ({
        index,
        text: reportText(a.passage.text),
        measureIds: a.matches.map((m) => m.id),
      })),
      measures: counted,
    };
  };

  /** The document's motion text as notes anchor in it: the passages joined by newlines. */
  const motionText = () => {
    const passages = extractPassages(doc).filter(isMotionText);
    return { passages, ...joinPassages(passages.map((p) => p.text)) };
  };
  const samePassage = (a: PassageBlock, b: PassageBlock) => a.segments[0]?.node === b.segments[0]?.node;

  const targetOf = (passage: PassageBlock) => {
    const { passages, starts, text } = motionText();
    const i = passages.findIndex((p) => samePassage(p, passage));
    const start = i >= 0 ? (starts[i] as number) : 0;
    const end = i >= 0 ? start + passage.text.length : 0;
    return i >= 0
      ? { quote: describeQuote(text, start, end), position: describePosition(start, end) }
      : {
          quote: describeQuote(passage.text, 0, passage.text.length),
          position: describePosition(0, passage.text.length),
        };
  };

  // Passages that have notes but no match carry a badge of their own for the note marker.
  const noteOnly: Annotated[] = [];
  const refreshNotes = async () => {
    const notes = options.notes;
    if (!notes) return;
    const all = await notes.load(noteDoc.key);
    for (const a of annotated) {
      a.notes = [];
      a.setNotes(0, '');
    }
    for (const a of noteOnly.splice(0)) a.badge.remove();
    // Notes taken in the PDF viewer anchor in the PDF's text, not in this page's.
    const anchoredNotes = all.filter((n) => n.target && n.target.page === undefined);
    if (anchoredNotes.length === 0) return;
    const { passages, starts, text } = motionText();
    const { found, orphaned, byPassage } = anchorNotes(anchoredNotes, text, starts);
    for (const [index, passageNotes] of byPassage) {
      const passage = passages[index] as PassageBlock;
      let entry =
        annotated.find((a) => samePassage(a.passage, passage)) ?? noteOnly.find((a) => samePassage(a.passage, passage));
      if (!entry) {
        entry = attachBadge(passage, [], []);
        noteOnly.push(entry);
      }
      entry.notes.push(...passageNotes);
    }
    for (const a of [...annotated, ...noteOnly])
      if (a.notes.length > 0) a.setNotes(a.notes.length, notes.spoken(a.notes.length));
    observer?.takeRecords();
    notes.anchored(found, orphaned);
  };

  // Rescan only what changed, never in reaction to Ratsmarker's own badges and marks.
  let observer: MutationObserver | undefined;
  const dirty = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstScanDone = false;
  const rescan = () => {
    timer = undefined;
    // Changes during the first scan wait for it: it may still reach the same passages.
    if (!firstScanDone) {
      timer = setTimeout(rescan, RESCAN_DELAY_MS);
      return;
    }
    performance.mark(SCAN_START);
    const roots = new Set<Element>();
    for (const node of dirty) {
      if (!node.isConnected) continue;
      let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      while (el && !isBlock(el) && el.parentElement && el !== doc.body) el = el.parentElement;
      if (el) roots.add(el);
    }
    dirty.clear();
    for (const a of [...annotated]) {
      const stale = a.passage.segments.some((s) => !s.node.isConnected);
      const hit = [...roots].some((r) => a.passage.blocks.some((b) => r.contains(b) || b.contains(r)));
      if (stale || hit) {
        for (const b of a.passage.blocks) if (b.isConnected) roots.add(b);
        remove(a);
      }
    }
    const outer = [...roots].filter((r) => ![...roots].some((o) => o !== r && o.contains(r)));
    annotate(outer.flatMap((r) => extractPassages(r)).filter(isMotionText));
    // Our own badges (and <mark>s) are not news.
    observer?.takeRecords();
    performance.mark(SCAN_END);
    options.onReport?.(report());
    void refreshNotes().catch(() => undefined);
  };
  observer = new MutationObserver((records) => {
    for (const r of records) {
      if (isOwnNode(r.target)) continue;
      const nodes = [...r.addedNodes, ...r.removedNodes];
      if (
        nodes.length > 0 &&
        nodes.every((n) => isOwnNode(n) || (n.nodeType === 1 && (n as Element).hasAttribute('data-ratsmarker-ui')))
      )
        continue;
      dirty.add(r.target);
    }
    if (dirty.size > 0 && timer === undefined) timer = setTimeout(rescan, RESCAN_DELAY_MS);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });

  // The first scan reads and matches in slices, so a long document never blocks the page.
  await pause();
  const passages = await extractPassagesInSlices(doc, SLICE_MS, pause);
  await pause();
  let next = 0;
  while (next < passages.length) {
    const deadline = performance.now() + SLICE_MS;
    while (next < passages.length && performance.now() < deadline) {
      annotate(passages.slice(next, next + MATCH_BATCH).filter(isMotionText));
      next += MATCH_BATCH;
    }
    if (next < passages.length) await pause();
  }
  firstScanDone = true;
  performance.measure(SLICE_MEASURE, { start: sliceStart, end: performance.now() });
  performance.mark(SCAN_END);
  options.onReport?.(report());
  void refreshNotes().catch(() => undefined);

  return {
    report,
    refreshNotes,
    showMeasure(id: string): boolean {
      return focusEntry(inPageOrder().find((x) => x.matches.some((m) => m.id === id)));
    },
    showPassage(index: number): boolean {
      return focusEntry(inPageOrder()[index]);
    },
    /** Moves the focus to the next or previous badge, from the one focused (or the start). */
    stepMatch(direction: 1 | -1): boolean {
      const order = inPageOrder();
      if (order.length === 0) return false;
      const current = order.findIndex((a) => a.badge.shadowRoot?.activeElement === a.button);
      return focusEntry(order[stepIndex(current, order.length, direction)]);
    },
    destroy() {
      observer?.disconnect();
      if (timer) clearTimeout(timer);
      cards.close(false);
      for (const a of [...annotated]) remove(a);
    },
  };
}

export type Annotator = Awaited<ReturnType<typeof annotatePage>>;
