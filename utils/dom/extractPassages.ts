import { isBlock, isSkipped } from './blocks';

/** A run of text that reads as one unit: a paragraph, an item, a table cell. */
export interface PassageBlock {
  /** Text with white space collapsed, as the matcher sees it. */
  text: string;
  /** The nearest block element around the text. */
  block: Element;
  /** The text nodes the text was read from, in order. */
  nodes: Text[];
}

const SPACE = /[\s\u00A0]+/g;
const LETTER = /\p{L}/u;

/**
 * Reads the blocks of text under `root`. Text inside one block element (with
 * its inline children: a word split over three spans stays one word) is one
 * passage; where a nested block starts or ends, a new passage starts.
 */
export function extractPassages(root: Element | Document): PassageBlock[] {
  const doc = 'documentElement' in root ? root : root.ownerDocument;
  const start = 'documentElement' in root ? (root.body ?? root.documentElement) : root;
  if (!start) return [];
  const out: PassageBlock[] = [];
  const blockOf = new Map<Node, Element | null>();

  // The walker rejects skipped subtrees, so the nearest block (or `start`)
  // above a visited text node is where its passage lives.
  const nearestBlock = (node: Node): Element | null => {
    const parent = node.parentElement;
    if (!parent) return null;
    const cached = blockOf.get(parent);
    if (cached !== undefined) return cached;
    const result = parent === start || isBlock(parent) ? parent : nearestBlock(parent);
    blockOf.set(parent, result);
    return result;
  };

  let current: { block: Element; nodes: Text[]; raw: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const text = current.raw.join('').replace(SPACE, ' ').trim();
    if (LETTER.test(text)) out.push({ text, block: current.block, nodes: current.nodes });
    current = undefined;
  };

  const walker = doc.createTreeWalker(start, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(node) {
      if (node.nodeType === 1) return isSkipped(node as Element) ? 2 /* REJECT */ : 3 /* SKIP */;
      return 1; /* ACCEPT */
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const block = nearestBlock(text);
    if (!block) continue;
    if (!current || current.block !== block || brokenBetween(current.nodes.at(-1) as Text, text)) {
      flush();
      current = { block, nodes: [], raw: [] };
    }
    current.nodes.push(text);
    current.raw.push(text.data);
  }
  flush();
  return out;
}

/**
 * Two text nodes of one block belong to different passages when a nested
 * block stands between them ("Intro<p>…</p>Outro") or a blank line made of
 * two <br> does.
 */
function brokenBetween(a: Text, b: Text): boolean {
  let brs = 0;
  for (let n: Node | null = nextInDocument(a); n && n !== b; n = nextInDocument(n)) {
    if (n.nodeType === 1) {
      const el = n as Element;
      if (isBlock(el)) return true;
      if (el.tagName.toUpperCase() === 'BR' && ++brs >= 2) return true;
    } else if (n.nodeType === 3 && (n as Text).data.trim()) return false;
  }
  return false;
}

function nextInDocument(node: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}
