import type { PdfTextItem } from './pdfLines';

/** A text content item as pdf.js reports it (marked-content markers have no `str`). */
export interface PdfJsTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/**
 * A page's text items in the form the passage reader takes. Each keeps its
 * place among the page's items with text, because pdf.js's text layer makes
 * one element per such item, in the same order.
 */
export function textItemsOfPage(items: readonly PdfJsTextItem[], page: number): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  let index = 0;
  for (const it of items) {
    if (it.str === undefined) continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = it.transform ?? [];
    out.push({
      str: it.str,
      x,
      y,
      size: Math.hypot(a, b) || (it.height ?? 0),
      width: it.width ?? 0,
      page,
      index: index++,
    });
  }
  return out;
}
