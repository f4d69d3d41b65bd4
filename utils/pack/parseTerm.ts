import { foldWord, normalizeWord, stripFeminine } from '../text/normalize';
import { stemGerman } from '../text/stem';

/** How one word of a term is compared with a word of the passage. */
export interface WordPattern {
  /** `stem`: same Snowball stem, or (when `compound`) head or modifier of a compound. `prefix`: folded word begins with `value`. */
  kind: 'stem' | 'prefix';
  value: string;
  /** The whole word, folded: a compound that begins with it is a compound of it ("Ausbildungskampagne"). */
  fold: string;
  compound: boolean;
}

export interface TermPattern {
  /** The term as the lexicon writes it, for "why it matched". */
  source: string;
  words: WordPattern[];
}

// Stems shorter than this match whole words only: "rat" must not fire inside
// "Stadtrat" or "Beirat"; five letters ("schul", "netzw") are specific enough.
export const MIN_COMPOUND_STEM = 5;

function parseWord(raw: string): WordPattern | undefined {
  // Only what the tokenizer keeps: "ESF+" is the word "ESF".
  let word = raw.replace(/[^\p{L}\p{M}\p{N}=*]/gu, '');
  if (!word) return undefined;
  if (word.endsWith('*')) {
    const value = foldWord(word.slice(0, -1));
    return value ? { kind: 'prefix', value, fold: value, compound: false } : undefined;
  }
  let compound = true;
  if (word.startsWith('=')) {
    compound = false;
    word = word.slice(1);
  }
  const first = word.charAt(0);
  const norm = stripFeminine(normalizeWord(word), first !== first.toLowerCase());
  const value = stemGerman(norm);
  if (!value) return undefined;
  return { kind: 'stem', value, fold: foldWord(norm), compound: compound && value.length >= MIN_COMPOUND_STEM };
}

/**
 * Reads a lexicon term. Words are split where the tokenizer splits them
 * (spaces and hyphens), so "EU-Fördermittel" is the phrase "EU" + "Fördermittel".
 */
export function parseTerm(term: string): TermPattern {
  const words = term
    .split(/[\s\-–/]+/)
    .map(parseWord)
    .filter((w): w is WordPattern => w !== undefined);
  if (words.length === 0) throw new Error(`Leerer Begriff: „${term}“`);
  return { source: term, words };
}
