import type { TaskBudget } from '@/utils/pipeline/taskBudget';

// Matched passages prepared between two looks at the clock (a 30 kB page has fewer).
export const PRESENT_BATCH = 32;

/**
 * How matched passages go into a page, in two steps. `prepare` reads their ranges and builds their badges
 * and writes nothing into the page; `commit` puts prepared ones in: badges, highlights and marks.
 */
export interface Presenter<T, P> {
  prepare(batch: T[]): P[];
  commit(prepared: P[]): void;
}

/**
 * Puts a page's matched passages in (badges and highlights) with one write into the page. Every turn the page
 * gets after badges went in is a frame in which the browser lays out and pre-paints the whole page again (the
 * page's own cost, growing with its size: 50–70 ms on the benchmark's 1 MB page, 100–280 ms on its 5 MB one,
 * traces), so badges put in over several tasks paid that frame once per task: two or three times at 5 MB,
 * whose 500 badges took tasks of 40 ms. Building the badges and reading the ranges writes nothing, so that
 * part is cut into the budget's slices where it runs long (each turn then costs the page nothing), and one
 * commit puts all of it in. Should a batch fail, what was prepared before it still goes in.
 */
export async function presentFound<T, P>(
  found: readonly T[],
  presenter: Presenter<T, P>,
  budget: TaskBudget,
): Promise<void> {
  const ready: P[] = [];
  try {
    for (let next = 0; next < found.length; next += PRESENT_BATCH) {
      ready.push(...presenter.prepare(found.slice(next, next + PRESENT_BATCH)));
      await budget.pause();
    }
  } finally {
    if (ready.length > 0) presenter.commit(ready);
  }
}
