import { MIN_COMPOUND_PREFIX, type WordPattern } from '../pack/parseTerm';
import { foldWord } from '../text/normalize';
import { WORD_START } from './automaton';

/**
 * The words whose presence makes a passage worth tokenising, stemming and
 * scoring: for each term of a pack one of its words (see compileMatcher), as
 * an automaton (automaton.ts) finds them in one pass over the page's text. It
 * may let more passages through than match (it is a filter), never fewer.
 *
 * Why that holds: a term hits only where each of its words matches a word of
 * the passage, and every way a word can match (same stem, compound head or
 * modifier, prefix, name) puts the pattern's value inside the word's folded
 * form, the Snowball stem being a prefix of it. Values of words that must
 * match whole words (short stems, `=Wort`, short prefixes, names) are looked for
 * at the start of a word only; compound-able stems and longer prefixes (which
 * also match as a compound's head) anywhere.
 */
export function candidateWords(words: readonly WordPattern[]): string[] {
  const anywhere = new Set<string>();
  const atStart = new Set<string>();
  for (const w of words) {
    const c = candidateOf(w);
    if (c === undefined) continue;
    if (c.startsWith(WORD_START)) atStart.add(c.slice(WORD_START.length));
    else anywhere.add(c);
  }
  // A value found anywhere is found at a word's start too.
  for (const v of anywhere) atStart.delete(v);
  return [...anywhere, ...[...atStart].map((v) => WORD_START + v)].sort();
}

/** What every word a pattern matches holds: its folded value, anywhere or at the word's start (see above). */
export function candidateOf(w: WordPattern): string | undefined {
  // Stems keep accents ("café"), pages may not: folded like the page's words.
  const value = foldWord(w.value);
  if (!value) return undefined;
  return (w.kind === 'stem' && w.compound) || (w.kind === 'prefix' && value.length >= MIN_COMPOUND_PREFIX)
    ? value
    : WORD_START + value;
}
