/**
 * Where "next match" (1) and "previous match" (-1) go among `length` matches
 * in page order: from the focused one (`current`), wrapping round at either
 * end, or to the first or last when none has the focus (`current` is -1).
 */
export function stepIndex(current: number, length: number, direction: 1 | -1): number {
  if (current === -1) return direction === 1 ? 0 : length - 1;
  return (current + direction + length) % length;
}
