import * as v from 'valibot';
import type { MeasureMatch } from '../matcher/matchPassages';
import type { ActivePack } from './activePacks';
import { matchDocumentInSlices } from './matchDocument';
import { taskBudget } from './taskBudget';

export { PAGE_SNAPSHOT_STAMP_KEY, WARM_MATCH_PORT, WARM_MATCHER_KEY } from './warmMatchKeys';

/*
 * Matching with the code warm. A content script starts cold on every page:
 * its matcher's code is compiled, interpreted and optimised anew each time,
 * and that costs a 30 kB page six times what the matching itself does once
 * warm (BENCHMARKS.md, "Where the time goes"). While the reader reads council
 * pages, Chrome's offscreen document keeps a matcher of the same packs,
 * decoded once from the same snapshot, and a page sends it its passages'
 * texts over a port instead (components/background/warmMatcherHost.ts); the
 * matching then also runs off the page's main thread. The result is the same
 * as the page's own matching: the same code on the same snapshot.
 *
 * A request names the snapshot the page read (its stamp, written with it):
 * a matcher holding another one answers `stale`, and so does one that has no
 * snapshot yet; the page then matches itself, as it does where no warm
 * matcher runs (Firefox, the first page of a reading session).
 */

const Index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));
export const WarmMatchRequestSchema = v.object({
  /** Answers carry it back: a port may carry several requests. */
  id: Index,
  stamp: v.pipe(v.string(), v.maxLength(100)),
  /** Every passage of the document read, in order (lead-ins lend their items context: listItems.ts). */
  texts: v.pipe(v.array(v.string()), v.maxLength(1_000_000)),
  /** Only these passages are matched (the ones in view first), as among all of them; all when absent. */
  only: v.optional(v.pipe(v.array(Index), v.maxLength(1_000_000))),
});
export type WarmMatchRequest = v.InferOutput<typeof WarmMatchRequestSchema>;

export type WarmMatchAnswer =
  | { id: number; found: { index: number; measures: MeasureMatch[] }[] }
  | { id: number; stale: true };

/** The packs a warm matcher holds, decoded from the snapshot of this stamp. */
export interface HeldPacks {
  stamp: string;
  packs: readonly ActivePack[];
  threshold: number;
}

/** The answer to one request: what matches among the passages asked for, or `stale`. */
export async function answerWarmMatch(
  held: HeldPacks | undefined,
  message: unknown,
): Promise<WarmMatchAnswer | undefined> {
  const request = v.safeParse(WarmMatchRequestSchema, message);
  if (!request.success) return undefined;
  const { id, stamp, texts, only } = request.output;
  if (!held || held.stamp !== stamp) return { id, stale: true };
  const passages = texts.map((text) => ({ text }));
  const inRange = only?.filter((i) => i < passages.length);
  // All in one go: this runs off the page, in a document of its own, so it needs to give no page a turn.
  const found = await matchDocumentInSlices(
    passages,
    held.packs,
    held.threshold,
    taskBudget(Number.POSITIVE_INFINITY),
    inRange,
  );
  return { id, found: found.map((f) => ({ index: f.index, measures: f.measures })) };
}
