import { type MeasureMatch, matchWith, passageMatcher } from '../matcher/matchPassages';
import { leadInsOf } from '../text/listItems';
import type { ActivePack } from './activePacks';
import type { TaskBudget } from './taskBudget';

// How many passages before a part of a document can hold the lead-in of its first passage: a lead-in lends its
// context to 15 items at most (listItems.ts).
const LEAD_IN_REACH = 16;

/** A passage of any source (web page, PDF, fetched document) that touches at least one measure. */
export interface PassageMatches<P extends { text: string }> {
  passage: P;
  /** Its index among the passages read. */
  index: number;
  measures: MeasureMatch[];
}

/**
 * The matched passages, in the order read. Pure: the same for every surface.
 * `before`: the passages of the same document before the first one given (a
 * part of a document matched on its own), whose lead-ins still lend their
 * list items their context (utils/text/listItems.ts).
 */
export function matchDocument<P extends { text: string }>(
  passages: readonly P[],
  packs: readonly ActivePack[],
  threshold?: number,
  from = 0,
  before: readonly { text: string }[] = [],
): PassageMatches<P>[] {
  const matchers = packs.map((p) => p.matcher);
  const out: PassageMatches<P>[] = [];
  const preceding = before.slice(-LEAD_IN_REACH).map((p) => p.text);
  matchWith(
    passages.map((p) => p.text),
    matchers,
    { threshold, preceding },
  ).forEach((r, i) => {
    if (r.measures.length > 0) out.push({ passage: passages[i] as P, index: from + i, measures: r.measures });
  });
  return out;
}

const leadsRead = new WeakMap<readonly { text: string }[], number[]>();
function leadsOf(passages: readonly { text: string }[]): number[] {
  let leads = leadsRead.get(passages);
  if (!leads) {
    leads = leadInsOf(passages.map((p) => p.text));
    leadsRead.set(passages, leads);
  }
  return leads;
}

/**
 * The same (for the passages at `only`, in that order, when given), giving the page a turn whenever the
 * budget's slice is used up (and only then). The clock is looked at after every passage: one passage
 * of a long page can take milliseconds while the code is cold, and eight of
 * them overran the slice into a long task.
 */
export async function matchDocumentInSlices<P extends { text: string }>(
  passages: readonly P[],
  packs: readonly ActivePack[],
  threshold: number | undefined,
  budget: TaskBudget,
  only?: readonly number[],
): Promise<PassageMatches<P>[]> {
  const out: PassageMatches<P>[] = [];
  // Which passage lends each its context, read once for the whole document (and kept for the next part of it):
  // each passage is then matched with its lead-in's terms, as among all of them. So `only` some of the
  // passages (those in view first) match as they would among all of them.
  const leads = leadsOf(passages);
  const match = passageMatcher(
    packs.map((p) => p.matcher),
    { threshold },
  );
  const count = only ? only.length : passages.length;
  for (let k = 0; k < count; k++) {
    const i = only ? (only[k] as number) : k;
    const lead = leads[i] ?? -1;
    const passage = passages[i] as P;
    const measures = match(passage.text, lead >= 0 ? (passages[lead] as P).text : undefined);
    if (measures.length > 0) out.push({ passage, index: i, measures });
    if (budget.due()) await budget.pause();
  }
  return out;
}
