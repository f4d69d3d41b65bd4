// How far beyond the window a passage still counts as in view: the reader's next scroll.
export const MARGIN_SCREENS = 0.5;
// More than this many passages in view are no longer "the first highlights": the page is matched in order.
const MAX_IN_VIEW = 120;

/**
 * The passages (by index) that stand in the window or near it, as the reader sees the page now: matched and
 * painted first, so that the highlights where the reader looks come before those of the rest of a long page.
 * Passages stand in reading order, which is the page's vertical order in normal flow: a binary search finds
 * the first one that reaches into the view, and a walk takes those after it that begin above its end (some
 * twenty box reads, not one per passage of a 5 MB page). A page out of flow only changes which come first.
 */
export function passagesInView(
  passages: readonly { blocks: readonly Element[] }[],
  view: { top: number; bottom: number } = { top: 0, bottom: globalThis.innerHeight ?? 0 },
): number[] {
  const margin = (view.bottom - view.top) * MARGIN_SCREENS;
  const top = view.top - margin;
  const bottom = view.bottom + margin;
  const box = (i: number) => ((passages[i] as (typeof passages)[number]).blocks[0] as Element).getBoundingClientRect();
  let lo = 0;
  let hi = passages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (box(mid).bottom < top) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < passages.length && out.length <= MAX_IN_VIEW; i++) {
    const r = box(i);
    if (r.top > bottom) break;
    if (r.bottom >= top) out.push(i);
  }
  return out.length > MAX_IN_VIEW ? [] : out;
}
