import type { PassageBlock } from '@/utils/dom/extractPassages';

/**
 * What to read again after the page changed under `changed` (blocks, from rescanOnChange): those blocks and
 * the blocks of every presented passage they touch or whose text left the page, outermost only. Such a
 * passage is taken off the page (`remove`): its reading is stale, and it gets its badge again if it still
 * matches.
 */
export function rootsToRescan<E extends { passage: PassageBlock }>(
  changed: readonly Element[],
  presented: readonly E[],
  remove: (entry: E) => void,
): Element[] {
  const roots = new Set(changed);
  for (const a of [...presented]) {
    const stale = a.passage.segments.some((s) => !s.node.isConnected);
    const hit = changed.some((r) => a.passage.blocks.some((b) => r.contains(b) || b.contains(r)));
    if (stale || hit) {
      for (const b of a.passage.blocks) if (b.isConnected) roots.add(b);
      remove(a);
    }
  }
  return [...roots].filter((r) => ![...roots].some((o) => o !== r && o.contains(r)));
}
