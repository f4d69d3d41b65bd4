import type { PassageBlock } from '@/utils/dom/extractPassages';
import { buildTextMap, domRangeOf } from '@/utils/dom/textMap';
import type { MeasureMatch } from '@/utils/matcher/matchPassages';
import type { Highlighter } from './highlighter';

/** A painted stretch of a passage: its DOM range and its highlight slot. */
export interface PaintedRange {
  slot: number;
  range: Range;
}

/** The DOM ranges of a web passage's matched words, each in its measure's slot. Reads the DOM, writes nothing. */
export function rangesOfMatches(
  doc: Document,
  passage: PassageBlock,
  matches: readonly MeasureMatch[],
  slotOf: (measureId: string) => number,
): PaintedRange[] {
  const map = buildTextMap(passage.segments);
  const ranges: PaintedRange[] = [];
  for (const m of matches) {
    const slot = slotOf(m.id);
    for (const span of m.spans) {
      const pos = domRangeOf(map, span.start, span.end);
      if (!pos) continue;
      const range = doc.createRange();
      range.setStart(pos.startNode, pos.startOffset);
      range.setEnd(pos.endNode, pos.endOffset);
      ranges.push({ slot, range });
    }
  }
  return ranges;
}

/**
 * Paints ranges in one go, after all of them were read: the <mark> fallback
 * changes text nodes, and a range read after that would point elsewhere.
 */
export function paint(highlighter: Highlighter, ranges: Iterable<PaintedRange>): void {
  for (const r of ranges) highlighter.add(r.slot, r.range);
}
