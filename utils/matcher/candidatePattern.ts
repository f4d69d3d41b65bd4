import type { WordPattern } from '../pack/parseTerm';
import { foldWord } from '../text/normalize';

/**
 * One regular expression that finds every place where a term of a pack could
 * begin, so that only passages with such a place are tokenised, stemmed and
 * scored. It may find more than the matcher keeps (it is a filter), never less.
 *
 * Why that holds: a term hits only where its first word matches a word of the
 * passage, and every way a word can match (same stem, compound head or
 * modifier, prefix, name) puts the pattern's value inside the word's folded
 * form, the Snowball stem being a prefix of it. Values of words that must
 * match whole words (short stems, `=Wort`, prefixes, names) are searched at
 * the start of a word only; compound-able stems anywhere. Folding (umlauts, ß,
 * accents, case) is written into the expression as character classes, so the
 * page's text is read once, as it is. Characters that normalisation removes
 * or joins (soft hyphens, zero-width characters, combining marks) make their
 * passage a candidate outright.
 *
 * The values share prefixes ("partner", "partnerschaft", "partnerstadt"), so
 * they are written as a trie ("partner(?:s(?:chaft|tadt))?…"): the engine
 * then tests a handful of characters at each position, not every term.
 */
export function candidatePattern(firstWords: readonly WordPattern[]): string {
  const anywhere = new Set<string>();
  const atStart = new Set<string>();
  for (const w of firstWords) {
    // Stems keep accents ("café"), pages may not: folded like the page's words.
    const value = foldWord(w.value);
    if (!value) continue;
    if (w.kind === 'stem' && w.compound) anywhere.add(value);
    else atStart.add(value);
  }
  // A value found anywhere is found at a word's start too.
  for (const v of anywhere) atStart.delete(v);
  const branches: string[] = [];
  if (anywhere.size > 0) branches.push(trie([...anywhere]));
  // Letters and digits (Latin script) before a place: not a word's start. Other letters count as a
  // start, which only makes more candidates.
  if (atStart.size > 0) branches.push(`(?<![0-9A-Za-z\\u00C0-\\u024F])${trie([...atStart])}`);
  branches.push(NORMALISED_AWAY);
  return branches.join('|');
}

/** Characters that normalisation removes or joins with the letter before. */
const NORMALISED_AWAY = '[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF\\u0300-\\u036F]';

// What each folded letter stands for in a page's text (foldWord's table read backwards, both cases).
const CLASS: Record<string, string> = {
  a: 'aAäÄáÁàÀ',
  o: 'oOöÖ',
  u: 'uUüÜ',
  e: 'eEéÉèÈ',
  c: 'cCçÇ',
  // Half of a ß (folded "ss"), at the edge of a value.
  s: 'sSß',
};

const escapeChar = (c: string) => (/[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c);

/** One letter of a value as the page may write it. */
function atom(c: string): string {
  const upper = c.toUpperCase();
  const cls = CLASS[c] ?? (upper !== c && upper.length === 1 ? c + upper : c);
  return cls.length > 1 ? `[${[...cls].map(escapeChar).join('')}]` : escapeChar(cls);
}

/** Splits a value into its atoms: "ss" (which a page may write ß) is one, every other letter one. */
function atoms(value: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === 's' && value[i + 1] === 's') {
      out.push('(?:[sS][sS]|ß)');
      i++;
    } else out.push(atom(value[i] as string));
  }
  return out;
}

interface Node {
  next: Map<string, Node>;
  end: boolean;
}

/** The values as one expression that shares their common beginnings. */
export function trie(values: readonly string[]): string {
  const root: Node = { next: new Map(), end: false };
  for (const v of values) {
    let node = root;
    for (const a of atoms(v)) {
      let child = node.next.get(a);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(a, child);
      }
      node = child;
    }
    node.end = true;
  }
  return write(root);
}

function write(node: Node): string {
  // A value that ends here is enough: what follows only makes a longer one.
  const parts = [...node.next].map(([a, child]) => (child.end ? a : a + write(child)));
  return parts.length === 1 ? (parts[0] as string) : `(?:${parts.join('|')})`;
}
