import type { PositionPack } from '../../utils/pack/types';
import { GERMAN_STOPWORDS } from '../../utils/text/stopwords';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every term of the pack's lexicons as a user would type it (no lexicon syntax). */
export function lexiconTerms(pack: PositionPack): string[] {
  const out = new Set<string>();
  for (const m of pack.measures) {
    const lex = m.lexicon;
    for (const t of [...(lex.names ?? []), ...Object.values(lex.concepts ?? {}).flat()]) {
      out.add(t.replace(/^=/, '').replace(/[*!]$/, ''));
    }
  }
  return [...out].filter((t) => t.length >= 2);
}

/**
 * About `count` key words of the measures' own text, as a reader would type
 * them into a search tool: the longest words of each measure, a few per measure.
 */
export function measureKeyWords(pack: PositionPack, count = 40): string[] {
  const perMeasure = Math.ceil(count / pack.measures.length);
  const out = new Set<string>();
  for (const m of pack.measures) {
    const words = [...new Set(m.text.match(/\p{L}[\p{L}-]*\p{L}/gu) ?? [])]
      .filter((w) => w.length >= 6 && !GERMAN_STOPWORDS.has(w.toLowerCase()))
      .sort((a, b) => b.length - a.length || a.localeCompare(b));
    for (const w of words.slice(0, perMeasure)) out.add(w);
  }
  return [...out].slice(0, count);
}

/** One alternation of all terms, longest first: how the old benchmark wrote "the limit" (slow in V8). */
export function combinedPattern(terms: readonly string[]): string {
  return [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => escapeRe(t).replace(/\s+/g, '\\s+'))
    .join('|');
}

interface Node {
  next: Map<string, Node>;
  end: boolean;
}

/**
 * The same terms as one trie-factored expression (used with the `i` flag):
 * terms that share a beginning share its test, so the engine looks at a few
 * characters at each position instead of trying every term. The fastest
 * single expression for the terms we know of; the limit is the fastest of the candidates measured.
 */
export function triePattern(terms: readonly string[]): string {
  const root: Node = { next: new Map(), end: false };
  for (const t of terms) {
    let node = root;
    for (const part of t.toLowerCase().split(/(\s+)/)) {
      for (const atom of /^\s+$/.test(part) ? ['\\s+'] : [...part].map(escapeRe)) {
        let child = node.next.get(atom);
        if (!child) {
          child = { next: new Map(), end: false };
          node.next.set(atom, child);
        }
        node = child;
      }
    }
    node.end = true;
  }
  const write = (node: Node): string => {
    const parts = [...node.next].map(([a, child]) =>
      child.next.size === 0 ? a : `${a}${child.end ? `(?:${write(child)})?` : write(child)}`,
    );
    return parts.length === 1 ? (parts[0] as string) : `(?:${parts.join('|')})`;
  };
  return write(root);
}
