import { MIN_COMPOUND_PREFIX, type WordPattern } from '../pack/parseTerm';
import { foldWord } from '../text/normalize';
import { WORD_END, WORD_START } from './automaton';

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
 * also match as a compound's head) anywhere. The shortest stems are looked for as whole words.
 */
export function candidateWords(words: readonly WordPattern[]): string[] {
  const anywhere = new Set<string>();
  const atStart = new Set<string>();
  const whole = new Set<string>();
  for (const w of words)
    for (const c of candidatesOf(w)) {
      if (c.endsWith(WORD_END)) whole.add(c);
      else if (c.startsWith(WORD_START)) atStart.add(c.slice(WORD_START.length));
      else anywhere.add(c);
    }
  // A value found anywhere is found at a word's start too, and one found at a word's start in a whole word.
  for (const v of anywhere) atStart.delete(v);
  const starts = [...atStart];
  const inside = [...anywhere];
  const found = (v: string) => starts.some((s) => v.startsWith(s)) || inside.some((s) => v.includes(s));
  for (const c of whole) if (found(c.slice(WORD_START.length, -WORD_END.length))) whole.delete(c);
  return [...anywhere, ...[...atStart].map((v) => WORD_START + v), ...whole].sort();
}

// A stem this short stands only as a whole word: Snowball takes endings from the third letter on only (its
// region R1 begins there at the earliest), so a longer word keeps three letters of its own at least. Counted on
// the stem as Snowball gives it, in UTF-16 units as Snowball counts: its folded form can be shorter ("xa" + a
// combining accent folds to "xá", then "xa"), and the stem of "Xä́en" is that of "Xä́" then.
const WHOLE_WORD_STEM = 2;
// What a word's written form may carry beyond its normalised form (tokenize.ts): an abbreviation's plural "s"
// ("EUs"), an inner capital "In"/"Innen" ("BürgerIn", folded). Gender marks (":innen") stand outside the word.
const WRITTEN_ENDINGS = ['', 's', 'in', 'innen'];

/**
 * What every word a pattern matches holds: its folded value, anywhere, at the word's start, or as the whole
 * word (see above); one of these strings where there are several.
 */
export function candidatesOf(w: WordPattern): string[] {
  // Stems keep accents ("café"), pages may not: folded like the page's words.
  const value = foldWord(w.value);
  if (!value) return [];
  if ((w.kind === 'stem' && w.compound) || (w.kind === 'prefix' && value.length >= MIN_COMPOUND_PREFIX)) return [value];
  // "EU" is no candidate in "Euro", nor "un" in "und", nor "zu" in "zusätzlich": nearly every passage of council
  // text has those. Looked for at a word's start, they let 567 of the 3,344 passages of the benchmark's 1 MB page
  // through the gate (passageGate.ts) to be tokenised and scored, as whole words 317 (113 match either way).
  if (w.kind === 'stem' && w.value.length <= WHOLE_WORD_STEM)
    return WRITTEN_ENDINGS.map((e) => WORD_START + value + e + WORD_END);
  return [WORD_START + value];
}
