import type { TaskBudget } from '@/utils/pipeline/taskBudget';

// Matched passages presented between two looks at the clock (a 30 kB page has fewer).
export const PRESENT_BATCH = 32;
// How long one task may go on presenting. Each turn the page gets after badges went in is a frame in which it
// is laid out and pre-painted again: 20 ms on the benchmark's 1 MB page, 87 ms on its 5 MB one (traces), so
// presenting in tasks of the usual 20 ms slice cost that frame once more per slice. Under the 50 ms of a long
// task, since a batch takes a few milliseconds (508 badges of the 5 MB page: 25 ms in all).
export const PRESENT_SLICE_MS = 40;

/**
 * Puts a page's matched passages in (badges and highlights, by `present`) in as few tasks as it can: those of a
 * page at once, in the task the matching ended in; more than a batch in a task of their own, begun with the
 * whole share (begun late in a slice, they were cut, and the page laid out twice); only a very long page's cut,
 * where that share runs out.
 */
export async function presentFound<T>(
  found: readonly T[],
  present: (batch: T[]) => void,
  budget: TaskBudget,
): Promise<void> {
  if (found.length > PRESENT_BATCH) await budget.yieldNow();
  for (let next = 0; next < found.length; next += PRESENT_BATCH) {
    present(found.slice(next, next + PRESENT_BATCH));
    await budget.pauseAfter(PRESENT_SLICE_MS);
  }
}
