import { joinPassages, passageAt } from '@/utils/anchoring/joinPassages';
import { offeredPlaces } from '@/utils/anchoring/offeredPlaces';
import { type SelectedSpan, selectionTarget } from '@/utils/anchoring/selectionTarget';
import type { NoteTarget } from '@/utils/notes/types';
import type { PdfTextItem } from '@/utils/pdf/pdfLines';
import type { PdfPassage } from '@/utils/pdf/pdfPassages';
import type { RenderedPdf } from './pdfPages';

/** The characters of `passage` inside `range`, by where they stand in the text layer. */
function selectedIn(passage: PdfPassage, index: number, view: RenderedPdf, range: Range): SelectedSpan | undefined {
  let start = -1;
  let end = -1;
  for (const run of passage.runs) {
    const item = view.items[run.item] as PdfTextItem | undefined;
    const node = item && view.pages[item.page - 1]?.textDivs[item.index]?.firstChild;
    if (node?.nodeType !== 3 || !range.intersectsNode(node as Node)) continue;
    const length = (node as Text).length;
    for (let k = 0; k < run.end - run.start; k++) {
      const offset = run.start + k;
      if (offset + 1 > length) break;
      if (range.comparePoint(node, offset) === 0 && range.comparePoint(node, offset + 1) === 0) {
        if (start < 0) start = run.at + k;
        end = run.at + k + 1;
      }
    }
  }
  return start < 0 ? undefined : { passage: index, start, end };
}

/**
 * What the reader selected in the PDF viewer, as a note target in the PDF's
 * text (its passages joined, as PDF notes anchor in it), with the page the
 * selection begins on. Null when nothing of the text is selected.
 */
export function pdfSelection(doc: Document, view: RenderedPdf, passages: readonly PdfPassage[]): NoteTarget | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const spans: SelectedSpan[] = [];
  passages.forEach((p, i) => {
    const span = selectedIn(p, i, view, range);
    if (span) spans.push(span);
  });
  const target = selectionTarget(
    passages.map((p) => p.text),
    spans,
  );
  const first = spans[0];
  return target && first ? { ...target, page: (passages[first.passage] as PdfPassage).page } : null;
}

/** Where a PDF note not found could stand, when several places fit alike, each with its page. */
export function pdfNotePlaces(passages: readonly PdfPassage[], target: NoteTarget): NoteTarget[] {
  const { text, starts } = joinPassages(passages.map((p) => p.text));
  return offeredPlaces(text, target).map((t) => ({
    ...t,
    page: (passages[passageAt(starts, t.position.start)] as PdfPassage).page,
  }));
}
