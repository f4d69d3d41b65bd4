/** A piece of one text node: `node.data.slice(start, end)`. */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
  /** A line break stands before this segment (a <br> or a block boundary): it reads as a space. */
  gap?: boolean;
}

/** The text of a passage and, for each of its characters, where it came from in the DOM. */
export interface TextMap {
  text: string;
  /** Index into `segments` of each character of `text`. */
  segmentOf: Int32Array;
  /** Offset inside that segment's node of each character of `text`. */
  offsetOf: Int32Array;
  segments: readonly TextSegment[];
}

const isSpace = (c: number) =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0 || c === 0x2007 || c === 0x202f;

// The same characters as `isSpace`: the text and its map must agree on every space.
const SPACE_RUN = /[ \t\n\r\f\u00A0\u2007\u202F]+/g;
// White space that collapsing changes: anything but single spaces. Most text nodes have none (nine in ten of the
// fixtures' council pages), and replacing every single space by itself made a new string of each.
const TO_COLLAPSE = /[\t\n\r\f\u00A0\u2007\u202F]| {2}/;

/**
 * Joins text segments the way a reader sees them: runs of white space become
 * one space, no space at either end. Nothing is inserted between segments, so
 * a word split over two spans ("Städte" + "partnerschaft") stays one word.
 * Works a run at a time: adding character by character made a string (and
 * garbage) per character, which on a long page showed up as collector pauses.
 */
export function collapseText(segments: readonly TextSegment[]): string {
  let out = '';
  let pendingSpace = false;
  for (const seg of segments) {
    if (seg.gap && out.length > 0) pendingSpace = true;
    if (seg.end <= seg.start) continue;
    const raw = seg.node.data.slice(seg.start, seg.end);
    const piece = TO_COLLAPSE.test(raw) ? raw.replace(SPACE_RUN, ' ') : raw;
    const lead = piece.charCodeAt(0) === 0x20;
    const trail = piece.charCodeAt(piece.length - 1) === 0x20;
    const core = piece.slice(lead ? 1 : 0, trail ? Math.max(1, piece.length - 1) : piece.length);
    if (lead) pendingSpace = out.length > 0;
    if (core.length > 0 && core !== ' ') {
      if (pendingSpace) out += ' ';
      out += core;
      pendingSpace = false;
    }
    if (trail) pendingSpace = out.length > 0;
  }
  return out;
}

/** Like `collapseText`, with the way back from each character to its node. Built only for passages that matched. */
export function buildTextMap(segments: readonly TextSegment[]): TextMap {
  const text = collapseText(segments);
  const segmentOf = new Int32Array(text.length);
  const offsetOf = new Int32Array(text.length);
  let k = 0;
  let pendingSpace = false;
  let spaceAt: [number, number] = [0, 0];
  segments.forEach((seg, s) => {
    const data = seg.node.data;
    if (seg.gap && k > 0 && !pendingSpace) {
      pendingSpace = true;
      spaceAt = [segmentOf[k - 1] as number, offsetOf[k - 1] as number];
    }
    for (let i = seg.start; i < seg.end; i++) {
      if (isSpace(data.charCodeAt(i))) {
        if (!pendingSpace && k > 0) spaceAt = [s, i];
        pendingSpace = k > 0;
        continue;
      }
      if (pendingSpace) {
        segmentOf[k] = spaceAt[0];
        offsetOf[k] = spaceAt[1];
        k++;
      }
      pendingSpace = false;
      segmentOf[k] = s;
      offsetOf[k] = i;
      k++;
    }
  });
  return { text, segmentOf, offsetOf, segments };
}

/** The DOM positions of `text.slice(start, end)`: start of its first character to the end of its last. */
export function domRangeOf(map: TextMap, start: number, end: number) {
  if (start < 0 || end > map.text.length || start >= end) return undefined;
  const first = map.segments[map.segmentOf[start] as number] as TextSegment;
  const last = map.segments[map.segmentOf[end - 1] as number] as TextSegment;
  return {
    startNode: first.node,
    startOffset: map.offsetOf[start] as number,
    endNode: last.node,
    endOffset: (map.offsetOf[end - 1] as number) + 1,
  };
}
