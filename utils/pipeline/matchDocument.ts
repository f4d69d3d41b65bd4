import { type MeasureMatch, matchWith } from '../matcher/matchPassages';
import type { ActivePack } from './activePacks';
import type { TaskBudget } from './taskBudget';

/** A passage of any source (web page, PDF, fetched document) that touches at least one measure. */
export interface PassageMatches<P extends { text: string }> {
  passage: P;
  /** Its index among the passages read. */
  index: number;
  measures: MeasureMatch[];
}

/** The matched passages, in the order read. Pure: the same for every surface. */
export function matchDocument<P extends { text: string }>(
  passages: readonly P[],
  packs: readonly ActivePack[],
  threshold?: number,
  from = 0,
): PassageMatches<P>[] {
  const matchers = packs.map((p) => p.matcher);
  const out: PassageMatches<P>[] = [];
  matchWith(
    passages.map((p) => p.text),
    matchers,
    { threshold },
  ).forEach((r, i) => {
    if (r.measures.length > 0) out.push({ passage: passages[i] as P, index: from + i, measures: r.measures });
  });
  return out;
}

/**
 * The same, giving the page a turn whenever the budget's slice is used up
 * (and only then). The clock is looked at after every passage: one passage
 * of a long page can take milliseconds while the code is cold, and eight of
 * them overran the slice into a long task.
 */
export async function matchDocumentInSlices<P extends { text: string }>(
  passages: readonly P[],
  packs: readonly ActivePack[],
  threshold: number | undefined,
  budget: TaskBudget,
): Promise<PassageMatches<P>[]> {
  const out: PassageMatches<P>[] = [];
  for (let i = 0; i < passages.length; i++) {
    out.push(...matchDocument([passages[i] as P], packs, threshold, i));
    if (budget.due()) await budget.pause();
  }
  return out;
}
