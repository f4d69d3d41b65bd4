import type { PassageBlock } from '@/utils/dom/extractPassages';

/** A box on screen, in the viewport's pixels. */
export interface ScreenBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The box a passage's card must leave free: the passage and its badge. Undefined for a passage without text.
 */
export function passageAndBadge(doc: Document, passage: PassageBlock, badge: Element): ScreenBox | undefined {
  const first = passage.segments[0];
  const last = passage.segments.at(-1);
  if (!first || !last) return undefined;
  const whole = doc.createRange();
  // The <mark> fallback splits text nodes: a segment may now end beyond its (shortened) node.
  whole.setStart(first.node, Math.min(first.start, first.node.length));
  whole.setEnd(last.node, Math.min(last.end, last.node.length));
  const p = whole.getBoundingClientRect();
  const b = badge.getBoundingClientRect();
  return {
    top: Math.min(p.top, b.top),
    bottom: Math.max(p.bottom, b.bottom),
    left: Math.min(p.left, b.left),
    right: Math.max(p.right, b.right),
  };
}
