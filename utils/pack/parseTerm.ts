import { CodedError } from '../i18n/codedError';
import { foldNormalized, foldWord, normalizeWord, stripFeminine } from '../text/normalize';
import { stemGerman } from '../text/stem';

/** How one word of a term is compared with a word of the passage. */
export interface WordPattern {
  /**
   * `stem`: same Snowball stem, or (when `compound`) head or modifier of a compound.
   * `prefix`: folded word begins with `value`. `name`: a proper name, written
   * with a capital, folded word equal to `value` (or its genitive with -s).
   */
  kind: 'stem' | 'prefix' | 'name';
  value: string;
  /** The whole word, folded: a compound that begins with it is a compound of it ("Ausbildungskampagne"). */
  fold: string;
  compound: boolean;
  /**
   * A noun (the lexicon writes it with a capital): it matches only words written with one. German writes
   * nouns so, and the same stem in small letters is another word: "schulen" (to train) is not "Schulen",
   * "fest" not "Fest". Names of languages in "-isch" are not marked: "Englisch" is also "englische Formulare".
   */
  noun?: true;
}

export interface TermPattern {
  /** The term as the lexicon writes it, for "why it matched". */
  source: string;
  words: WordPattern[];
  /**
   * How many words may stand between word i and word i+1: none where the
   * term joins them with a hyphen ("EU-Mittel"), a few where with a space.
   */
  gaps: number[];
}

// Words of a phrase written with spaces may stand this many words apart:
// "Konvent der europäischen Bürgermeister" is still "Konvent der
// Bürgermeister", while words three apart rarely belong to one expression.
export const PHRASE_GAP = 2;

// Stems shorter than this match whole words only: "rat" must not fire inside
// "Stadtrat" or "Beirat"; five letters ("schul", "netzw") are specific enough.
export const MIN_COMPOUND_STEM = 5;

// A prefix term (`wort*`) of at least this many letters also matches as the head of a compound, after a
// modifier of at least MIN_MODIFIER letters: "Neuzugewanderte" (zugewandert*), "Videodolmetschen"
// (Dolmetsch*), "Alltagsrassismus" (Rassismus*). Shorter prefixes match at a word's start only.
export const MIN_COMPOUND_PREFIX = 5;
export const MIN_MODIFIER = 3;

function parseWord(raw: string): WordPattern | undefined {
  // Only what the tokenizer keeps: "ESF+" is the word "ESF".
  let word = raw.replace(/[^\p{L}\p{M}\p{N}=*!]/gu, '');
  if (!word) return undefined;
  if (word.endsWith('!')) {
    const value = foldWord(word.slice(0, -1));
    return value ? { kind: 'name', value, fold: value, compound: false } : undefined;
  }
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
  const pattern: WordPattern = {
    kind: 'stem',
    value,
    fold: foldNormalized(norm),
    compound: compound && value.length >= MIN_COMPOUND_STEM,
  };
  if (first !== first.toLowerCase() && !value.endsWith('isch')) pattern.noun = true;
  return pattern;
}

/**
 * Reads a lexicon term. Words are split where the tokenizer splits them
 * (spaces and hyphens), so "EU-Fördermittel" is the phrase "EU" + "Fördermittel".
 */
export function parseTerm(term: string): TermPattern {
  const words: WordPattern[] = [];
  const gaps: number[] = [];
  // Split into words, remembering what joined each to the next.
  const parts = term.trim().split(/([\s\-–/]+)/);
  let joiner = '';
  for (let i = 0; i < parts.length; i += 2) {
    const w = parseWord(parts[i] ?? '');
    if (w) {
      if (words.length > 0) gaps.push(/\s/.test(joiner) ? PHRASE_GAP : 0);
      words.push(w);
      joiner = '';
    }
    joiner += parts[i + 1] ?? '';
  }
  if (words.length === 0) throw new CodedError('errEmptyTerm', [term]);
  return { source: term, words, gaps };
}
