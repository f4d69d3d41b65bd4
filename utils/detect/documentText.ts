/** Blocks inside one of `roots`. */
export function inside(roots: readonly Element[]): ((block: Element) => boolean) | undefined {
  if (roots.length === 0) return undefined;
  return (block) => roots.some((r) => r.contains(block));
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without relying on a global Node

/** Blocks after `start` and, when given, before `end` in document order. */
export function between(start: Element, end: Element | null): (block: Element) => boolean {
  return (block) =>
    (start.compareDocumentPosition(block) & FOLLOWING) !== 0 &&
    (end === null || (block !== end && (block.compareDocumentPosition(end) & FOLLOWING) !== 0));
}
