import { highlightName } from './palette';

/** Paints ranges of the page in a highlight slot (a pack's colour in a measure's shade, see palette.ts). */
export interface Highlighter {
  readonly kind: 'css-highlight' | 'mark';
  add(slot: number, range: Range): void;
  remove(slot: number, range: Range): void;
  clear(): void;
}

/**
 * The CSS Custom Highlight API paints without touching the page's DOM; where
 * a browser (or a content script's sandbox) lacks it, `<mark>` elements do.
 */
export function createHighlighter(doc: Document): Highlighter {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = view?.CSS && 'highlights' in view.CSS ? view.CSS.highlights : undefined;
  const HighlightCtor = (view as unknown as { Highlight?: typeof Highlight } | null)?.Highlight;
  if (registry && HighlightCtor) {
    try {
      return cssHighlighter(registry, HighlightCtor);
    } catch {
      // Firefox content scripts may expose the API without letting them use it.
    }
  }
  return markHighlighter(doc);
}

function cssHighlighter(registry: HighlightRegistry, HighlightCtor: typeof Highlight): Highlighter {
  // Registered on first use: a page shows only the slots of the packs and measures it matched.
  const highlights = new Map<string, Highlight>();
  const at = (slot: number) => {
    const name = highlightName(slot);
    let h = highlights.get(name);
    if (!h) {
      h = new HighlightCtor();
      registry.set(name, h);
      highlights.set(name, h);
    }
    return h;
  };
  return {
    kind: 'css-highlight',
    add: (slot, range) => void at(slot).add(range),
    remove: (slot, range) => void at(slot).delete(range),
    clear: () => {
      for (const h of highlights.values()) h.clear();
    },
  };
}

function markHighlighter(doc: Document): Highlighter {
  const marks = new Map<Range, HTMLElement[]>();
  return {
    kind: 'mark',
    add(slot, range) {
      const wrapped: HTMLElement[] = [];
      for (const piece of textPieces(doc, range)) {
        const mark = doc.createElement('mark');
        mark.className = `ratsmarker-mark ${highlightName(slot)}`;
        mark.setAttribute('data-ratsmarker-ui', 'mark');
        piece.surroundContents(mark);
        wrapped.push(mark);
      }
      marks.set(range, wrapped);
    },
    remove(_colour, range) {
      for (const mark of marks.get(range) ?? []) mark.replaceWith(...mark.childNodes);
      marks.delete(range);
    },
    clear() {
      for (const range of [...marks.keys()]) this.remove(0, range);
    },
  };
}

/** The parts of a range that lie inside single text nodes, so each can be wrapped. */
function textPieces(doc: Document, range: Range): Range[] {
  const pieces: Range[] = [];
  const root = range.commonAncestorContainer;
  const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  let node: Node | null = root.nodeType === 3 ? root : walker.nextNode();
  for (; node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : text.length;
    if (end <= start) continue;
    const piece = doc.createRange();
    piece.setStart(text, start);
    piece.setEnd(text, end);
    pieces.push(piece);
    if (root.nodeType === 3) break;
  }
  return pieces;
}
