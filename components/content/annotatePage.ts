import type { NewNote } from '@/utils/db/notesStore';
import type { CouncilSystem } from '@/utils/detect/types';
import { noteDocument } from '@/utils/notes/documentKey';
import type { ActivePack } from '@/utils/pipeline/activePacks';
import { matchDocument } from '@/utils/pipeline/matchDocument';
import { readWebPage } from '@/utils/pipeline/readWebPage';
import { DOCUMENT_SLICE_MS, type TaskBudget, taskBudget } from '@/utils/pipeline/taskBudget';
import { NOT_SHARING, shareSwitch } from '../faction/sharing';
import type { PageReport } from '../messages';
import type { CardStrings, createCardLayer } from './card';
import { scanFirst } from './firstScan';
import { createHighlighter } from './highlighter';
import { createMeasureIndex } from './measureIndex';
import { createNavigation } from './navigation';
import { noteTargetsOf } from './noteTargets';
import { createPageEntries, type PageEntry } from './pageEntries';
import { loadPageExtras } from './pageExtras';
import { createPageNotes, type PageNotebook } from './pageNotes';
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
  /** The notebook, reached through the background: the page's notes (pageNotes.ts), and the card's saving. */
  notes?: PageNotebook & { save(note: NewNote & { shared?: boolean }): Promise<void> };
}

/** `run` once the page is idle (a timer where the browser has no requestIdleCallback). */
const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2_000 }) : setTimeout(run, 200);

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
  const measures = createMeasureIndex(packs);
  const { motionText, targetOf } = noteTargetsOf(page);
  // The card comes with the page extras (loaded when the page is idle after its scan, or now).
  let cards: ReturnType<typeof createCardLayer> | undefined;
  const openCard = (a: PageEntry) =>
    void loadPageExtras().then((extras) => {
      const around = extras.passageAndBadge(doc, a.passage, a.host);
      if (!around) return;
      const notes = options.notes;
      const measureIds = a.matches.map((m) => m.id);
      const cardNotes = notes && {
        ...extras.cardNoteLists(a.notes, notes.faction?.locale ?? 'de'),
        ...shareSwitch(pageNotes?.sharing() ?? NOT_SHARING, measureIds, measures.packOf),
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
      cards ??= extras.createCardLayer(doc);
      cards.open(a.button, around, measures.cardMeasures(a.matches), strings(), cardNotes);
    });

  const entries = createPageEntries(doc, {
    measures,
    highlighter,
    badgeName: () => strings().badge,
    open: openCard,
    wrote: () => watcher.ignoreOwnChanges(),
  });
  const { matched, present, prepare, commit, remove, inPageOrder } = entries;
  // The reader's notes on the page, counted on the badges (no notebook: none, and no faction).
  const pageNotes =
    options.notes &&
    createPageNotes({
      notebook: options.notes,
      documentKey: noteDoc.key,
      motionText,
      entries,
      anchorer: async () => (await loadPageExtras()).anchorNotesInSlices,
      wrote: () => watcher.ignoreOwnChanges(),
    });
  const refreshNotes = async () => {
    await pageNotes?.refresh();
  };
  const report = () => passageReport(measures, inPageOrder(), { noteDocument: noteDoc, document: page.facts });

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
  await scanFirst(doc, { page, packs, threshold, budget, sliceMs: SLICE_MS }, { present, prepare, commit, remove });
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
