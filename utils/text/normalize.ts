/**
 * Normalisation of German words for matching. Pure functions, no DOM.
 *
 * `normalizeWord` keeps umlauts (for display and exact comparison);
 * `foldWord` removes them, because the stemmer folds them too and PDFs or old
 * pages sometimes carry decomposed or transliterated forms.
 */

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// A soft hyphen or a character from U+0300 on (combining marks, the other invisible ones, any other script).
// biome-ignore lint/suspicious/noMisleadingCharacterClass: a range of code units, meant to hold the combining marks.
const BEYOND_LATIN = /[\u00ad\u0300-\uffff]/;

/**
 * Lower case, NFC, without soft hyphens and zero-width characters. The invisible characters go first: one between
 * a letter and its combining mark ("a", soft hyphen, U+0308 from a PDF) kept them apart through NFC, and the word
 * stayed decomposed ("a\u0308", not "ä"), so it was not the word the lexicon has.
 */
export function normalizeWord(word: string): string {
  // Most words have nothing to remove or compose (every character below U+0300 is in NFC already): then only
  // lower case, without running the expression and the Unicode normaliser on every written form of a page.
  return BEYOND_LATIN.test(word) ? word.replace(INVISIBLE, '').normalize('NFC').toLowerCase() : word.toLowerCase();
}

const FOLD: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss', é: 'e', è: 'e', á: 'a', à: 'a', ç: 'c' };
const FOLDED = /[äöüßéèáàç]/;
const EACH_FOLDED = new RegExp(FOLDED.source, 'g');

/** Lower case without umlauts and accents: "Städte" → "stadte". */
export function foldWord(word: string): string {
  return foldNormalized(normalizeWord(word));
}

/** The same for a word normalizeWord gave already (a token's, folded once per written form, not normalised twice). */
export function foldNormalized(norm: string): string {
  return FOLDED.test(norm) ? norm.replace(EACH_FOLDED, (c) => FOLD[c] ?? c) : norm;
}

/**
 * Feminine and gender-inclusive endings that only name the same people:
 * "Mitarbeiterinnen" and "Bürgerinnen" mean the same group as "Mitarbeiter"
 * and "Bürger" for matching. Words that merely end in -innen are kept.
 */
const NOT_FEMININE = new Set([
  'innen',
  'binnen',
  'spinnen',
  'rinnen',
  'sinnen',
  'gewinnen',
  'beginnen',
  'entrinnen',
  'besinnen',
  'ersinnen',
  'linnen',
]);

/** "BürgerInnen" / "BürgerIn" (internal capital I) → "Bürger". */
export function stripInternalI(surface: string): string {
  if (!surface.endsWith('In') && !surface.endsWith('Innen')) return surface;
  const m = /^(.*\p{Ll})(?:In|Innen)$/u.exec(surface);
  return m?.[1] ?? surface;
}

/**
 * Removes the feminine suffix from a normalised noun: "mitarbeiterinnen" →
 * "mitarbeiter", "bürgermeisterin" → "bürgermeister", "kolleginnen" → "kolleg".
 * Only for words written with a capital (nouns), so verbs like "gewinnen" stay.
 */
export function stripFeminine(norm: string, capitalised: boolean): string {
  if (!capitalised || NOT_FEMININE.has(norm)) return norm;
  if (norm.length > 8 && norm.endsWith('innen')) return norm.slice(0, -5);
  if (norm.length > 6 && norm.endsWith('erin')) return norm.slice(0, -2);
  return norm;
}
