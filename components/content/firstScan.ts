import type { PassageBlock } from '@/utils/dom/extractPassages';
import type { ActivePack } from '@/utils/pipeline/activePacks';
import { matchDocumentInSlices, type PassageMatches } from '@/utils/pipeline/matchDocument';
import type { WebPage } from '@/utils/pipeline/readWebPage';
import type { TaskBudget } from '@/utils/pipeline/taskBudget';
import { MARGIN_SCREENS, passagesInView } from './passagesInView';
import { type Presenter, presentFound } from './presentFound';
import { SCAN_VIEW } from './scanMarks';

// Pages of fewer passages are matched in their order: the passages in view first only where that saves time.
const VIEW_FIRST_FROM = 24;
// The passages in view are painted before the rest is read only on a page this many windows tall: reading a
// page of a few windows takes a few milliseconds, less than painting twice costs (30 kB, 8 windows: 6 ms more
// in all, 3 ms more until the highlights in view; 1 MB: 25 instead of 62 ms until those).
const EARLY_FROM_SCREENS = 20;

/**
 * What the first scan paints on: the page's badges and highlights (annotatePage's entries). The rest of a page
 * goes in by `prepare` and `commit` (presentFound.ts): one write into the page for all of it.
 */
export interface ScanSurface<E extends { passage: PassageBlock }> extends Presenter<PassageMatches<PassageBlock>, E> {
  /** Badges and highlights for matched passages, in one go (prepared and committed); returns their entries. */
  present(found: readonly PassageMatches<PassageBlock>[]): E[];
  /** Takes a passage's badge and highlights away. */
  remove(entry: E): void;
}

interface ScanInput {
  page: WebPage;
  packs: readonly ActivePack[];
  threshold: number | undefined;
  budget: TaskBudget;
  sliceMs: number;
}

/**
 * The first scan of a page in a tab: reads its passages, matches them and presents what matched, in one task
 * when the page fits in a slice and cut where the slice runs out otherwise. What the reader looks at comes
 * first: the passages in view are matched and painted before the rest of a page that takes more than a slice
 * (a page that fits in one is done in one task anyway). Where a long page's start holds them, that is as soon
 * as the reading has passed the view, before the rest is read. Marks `ratsmarker:scan-view` when those are in.
 */
export async function scanFirst<E extends { passage: PassageBlock }>(
  doc: Document,
  { page, packs, threshold, budget, sliceMs }: ScanInput,
  surface: ScanSurface<E>,
): Promise<void> {
  const match = (passages: readonly PassageBlock[], only?: readonly number[]) =>
    matchDocumentInSlices(passages, packs, threshold, budget, only);
  const view = globalThis.innerHeight ?? 0;
  const long = doc.documentElement.scrollHeight > view * EARLY_FROM_SCREENS;
  // The passages painted before the whole page was read, by their first text node, with the text they had.
  const shown = new Map<Node, string>();
  let early: E[] = [];
  const passages = await page.passagesInSlices(
    budget,
    sliceMs,
    long
      ? {
          past: (block) => block.getBoundingClientRect().top > view * (1 + MARGIN_SCREENS),
          take: async (first) => {
            const inView = passagesInView(first);
            if (inView.length === 0) return;
            early = surface.present(await match(first, inView));
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
  if (shown.size > 0) {
    // A passage the whole reading gives otherwise (the page changed meanwhile) is matched again, and its early
    // badge goes.
    const now = new Map(passages.map((p) => [p.segments[0]?.node, p.text]));
    for (const e of early) {
      const node = e.passage.segments[0]?.node;
      if (node && now.get(node) !== e.passage.text) surface.remove(e);
    }
    const rest = passages.flatMap((p, i) => {
      const node = p.segments[0]?.node;
      return node && shown.get(node) === p.text ? [] : [i];
    });
    await presentFound(await match(passages, rest), surface, budget);
    return;
  }
  const inView = passages.length > VIEW_FIRST_FROM ? passagesInView(passages) : [];
  if (inView.length > 0 && inView.length < passages.length) {
    surface.present(await match(passages, inView));
    performance.mark(SCAN_VIEW);
    await budget.pause();
    const first = new Set(inView);
    await presentFound(
      await match(
        passages,
        passages.flatMap((_, i) => (first.has(i) ? [] : [i])),
      ),
      surface,
      budget,
    );
    return;
  }
  await presentFound(await match(passages), surface, budget);
  performance.mark(SCAN_VIEW);
}
