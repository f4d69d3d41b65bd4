import { MappedText } from './mappedText';

/** A run of text on a PDF page, as pdf.js reports it (in PDF units, y growing upwards). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  /** Font size (the item's height). */
  size: number;
  width: number;
  page: number;
  /** Its place among the page's text items (the text layer has one element per item, in this order). */
  index: number;
}

/** One printed line of a page: its items left to right. */
export interface PdfLine {
  page: number;
  y: number;
  size: number;
  items: PdfTextItem[];
}

/**
 * Groups a page's text items into printed lines: items whose baselines lie
 * within half a font size of each other, left to right; lines top to bottom.
 */
export function groupLines(items: readonly PdfTextItem[]): PdfLine[] {
  const byPage = new Map<number, PdfTextItem[]>();
  for (const it of items) {
    if (!it.str) continue;
    const list = byPage.get(it.page) ?? [];
    list.push(it);
    byPage.set(it.page, list);
  }
  const out: PdfLine[] = [];
  for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
    const pageItems = (byPage.get(page) as PdfTextItem[]).sort((a, b) => b.y - a.y || a.x - b.x);
    const lines: PdfLine[] = [];
    for (const it of pageItems) {
      const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(l.size, it.size) * 0.5);
      if (line) line.items.push(it);
      else lines.push({ page, y: it.y, size: it.size, items: [it] });
    }
    for (const l of lines) {
      l.items.sort((a, b) => a.x - b.x);
      l.size = Math.max(...l.items.map((i) => i.size));
    }
    out.push(...lines.sort((a, b) => b.y - a.y));
  }
  return out;
}

/** The text of a line, with a space where items stand apart, each character traced to its item. */
export function lineMapped(items: readonly PdfTextItem[], indexOf: ReadonlyMap<PdfTextItem, number>): MappedText {
  const out = new MappedText();
  let end = Number.NEGATIVE_INFINITY;
  for (const it of items) {
    const gap = it.x - end;
    if (gap > it.size * 0.15) out.pushSpace();
    out.pushItem(it.str, indexOf.get(it) ?? -1);
    end = it.x + it.width;
  }
  out.trimEnd();
  return out;
}
