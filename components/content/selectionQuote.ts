import { joinPassages } from '@/utils/anchoring/joinPassages';
import { offeredPlaces } from '@/utils/anchoring/offeredPlaces';
import { type SelectedSpan, selectionTarget } from '@/utils/anchoring/selectionTarget';
import { motionTextFilter, readFacts } from '@/utils/detect/readCouncilPage';
import type { CouncilSystem } from '@/utils/detect/types';
import { extractPassages, type PassageBlock } from '@/utils/dom/extractPassages';
import { buildTextMap } from '@/utils/dom/textMap';
import type { NoteTarget } from '@/utils/notes/types';

/** The characters of `passage` inside `range` (by their place in the DOM), as one span. */
function selectedIn(passage: PassageBlock, index: number, range: Range): SelectedSpan | undefined {
  if (!passage.blocks.some((b) => range.intersectsNode(b))) return undefined;
  const map = buildTextMap(passage.segments);
  let start = -1;
  let end = -1;
  for (let k = 0; k < map.text.length; k++) {
    const node = (map.segments[map.segmentOf[k] as number] as PassageBlock['segments'][number]).node;
    const offset = map.offsetOf[k] as number;
    if (range.comparePoint(node, offset) === 0 && range.comparePoint(node, offset + 1) === 0) {
      if (start < 0) start = k;
      end = k + 1;
    }
  }
  return start < 0 ? undefined : { passage: index, start, end };
}

/** The document's motion text as the annotator anchors notes in it. */
const motionPassages = (doc: Document, system: CouncilSystem | undefined, url: URL) =>
  extractPassages(doc).filter(motionTextFilter(doc, system, readFacts(doc, system, url)));

/** Where a note not found could stand on this page (offeredPlaces): several places that fit alike, or one whose context no longer holds. */
export function notePlaces(
  doc: Document,
  system: CouncilSystem | undefined,
  url: URL,
  target: NoteTarget,
): NoteTarget[] {
  const { text } = joinPassages(motionPassages(doc, system, url).map((p) => p.text));
  return offeredPlaces(text, target);
}

/**
 * What the reader selected on the council page, as a note target in the
 * document's motion text (the passages the annotator anchors notes in), for
 * re-attaching a note that is no longer found. Null when the selection is
 * empty or outside the motion text.
 */
export function selectionQuote(doc: Document, system: CouncilSystem | undefined, url: URL): NoteTarget | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const passages = motionPassages(doc, system, url);
  const spans: SelectedSpan[] = [];
  passages.forEach((p, i) => {
    const span = selectedIn(p, i, range);
    if (span) spans.push(span);
  });
  return selectionTarget(
    passages.map((p) => p.text),
    spans,
  );
}
