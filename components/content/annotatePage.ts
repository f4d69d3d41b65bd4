import type { NewNote } from '@/utils/db/notesStore';
import type { CouncilSystem } from '@/utils/detect/types';
import type { PassageBlock } from '@/utils/dom/extractPassages';
import { noteDocument } from '@/utils/notes/documentKey';
import type { Note } from '@/utils/notes/types';
import type { ActivePack } from '@/utils/pipeline/activePacks';
import { matchDocument } from '@/utils/pipeline/matchDocument';
import { readWebPage } from '@/utils/pipeline/readWebPage';
import { DOCUMENT_SLICE_MS, type TaskBudget, taskBudget } from '@/utils/pipeline/taskBudget';
import { NOT_SHARING, type ShareOptions, type Sharing, shareSwitch } from '../faction/sharing';
import type { PageReport } from '../messages';
import type { CardStrings, createCardLayer } from './card';
import { passageAndBadge } from './cardPlace';
import { scanFirst } from './firstScan';
import { createHighlighter } from './highlighter';
import { createMeasureIndex } from './measureIndex';
import { createNavigation } from './navigation';
import { noteTargetsOf, samePassage } from './noteTargets';
import { oneAfterAnother } from './oneAfterAnother';
import { createPageEntries, type PageEntry } from './pageEntries';
import { loadPageExtras } from './pageExtras';
import { cardNoteLists, showNotes } from './passageNotes';
import { passageReport } from './passageReport';
import { rescanOnChange } from './rescanOnChange';
import { rootsToRescan } from './rescanRoots';
import { SCAN_END, SCAN_LOADED, SCAN_START } from './scanMarks';

export { MEASURES_ATTRIBUTE } from './testMarks';

export interface AnnotatorOptions {
  /** The packs (compiled by the background) and the threshold, loaded once the page has proved to be worth reading. */
  /** Its decoding runs in `budget`'s slices; waiting for storage is not work (it restarts the budget's slice). */
  load: (budget: TaskBudget) => Promise<{ packs: readonly ActivePack[]; threshold?: number }>;
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

/** `run` once the page is idle (a timer where the browser has no requestIdleCallback). */
const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2_000 }) : setTimeout(run, 200);

// Anchoring without notes: nothing to find (showNotes does not call it then).
const noNotes = async () => ({ found: [], orphaned: [], byPassage: new Map() });

// A page's work runs in one task while it fits in this much, and is cut into tasks of it otherwise.
const SLICE_MS = DOCUMENT_SLICE_MS;

/** A run of Ratsmarker's own work between two turns of the page, as a User Timing measure. */
export const SLICE_MEASURE = 'ratsmarker:slice';

/**
 * Finds the motion text of a council page, highlights the passages that
 * match the packs' measures, puts a badge at the end of each, and keeps doing
 * so while the page changes. The caller has decided that the page is worth
 * reading (a council system, or the user asked). The reading and matching
 * are the document pipeline's (utils/pipeline); this presents its result.
 */
export async function annotatePage(doc: Document, url: URL, options: AnnotatorOptions) {
  if (options.startedAt === undefined) performance.mark(SCAN_START);
  const budget = taskBudget(SLICE_MS, {
    onSlice: (start, end) => performance.measure(SLICE_MEASURE, { start, end }),
  });
  // Waiting for storage is not work: the budget's first slice starts when the packs' decoding begins.
  const { packs, threshold } = await options.load(budget);
  performance.mark(SCAN_LOADED);
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
  const { motionText, targetOf } = noteTargetsOf(page);

  const openCard = (a: PageEntry) => {
    const around = passageAndBadge(doc, a.passage, a.host);
    if (!around) return;
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
    void cardLayer().then((layer) =>
      layer.open(a.button, around, measures.cardMeasures(a.matches), strings(), cardNotes),
    );
  };

  const entries = createPageEntries(doc, {
    measures,
    highlighter,
    badgeName: () => strings().badge,
    open: openCard,
    wrote: () => watcher.ignoreOwnChanges(),
  });
  const { matched, present, remove, inPageOrder } = entries;
  const markers: PageEntry[] = [];
  const report = () => passageReport(measures, inPageOrder(), { noteDocument: noteDoc, document: page.facts });

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
        noteOnly: (i) => entries.noteMarker(passageAt(i)),
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
      const outer = rootsToRescan(changed, matched, remove);
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

  // Decoding the packs and reading the facts (a whole long page's walk, cold) may have used the first slice.
  await budget.pause();
  await scanFirst(doc, { page, packs, threshold, budget, sliceMs: SLICE_MS }, { present, remove });
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
