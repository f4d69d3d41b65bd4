import { stemGerman } from './stem';
import type { Token } from './tokenize';

/*
 * Council texts rarely write "mehrsprachig"; they list the languages ("Merkblätter in Englisch, Arabisch
 * und Ukrainisch", "Vorlesestunden auf Türkisch und Polnisch") or count them ("in zwölf Sprachen", "in
 * anderen Sprachen"). Either way the passage says "in several languages". This module finds such lists
 * and stands a word "mehrsprachig" for each, so a lexicon term for multilingual offers matches them
 * without listing every pair of languages.
 */

/** Languages as German writes them as nouns or adverbs ("auf Englisch"), folded. */
const LANGUAGES = [
  'deutsch',
  'englisch',
  'franzosisch',
  'spanisch',
  'italienisch',
  'portugiesisch',
  'niederlandisch',
  'flamisch',
  'danisch',
  'schwedisch',
  'norwegisch',
  'finnisch',
  'estnisch',
  'lettisch',
  'litauisch',
  'polnisch',
  'tschechisch',
  'slowakisch',
  'ungarisch',
  'rumanisch',
  'bulgarisch',
  'griechisch',
  'albanisch',
  'serbisch',
  'kroatisch',
  'bosnisch',
  'slowenisch',
  'mazedonisch',
  'russisch',
  'ukrainisch',
  'belarussisch',
  'georgisch',
  'armenisch',
  'aserbaidschanisch',
  'turkisch',
  'kurdisch',
  'kurmandschi',
  'sorani',
  'arabisch',
  'hebraisch',
  'aramaisch',
  'persisch',
  'farsi',
  'dari',
  'paschtu',
  'paschto',
  'urdu',
  'hindi',
  'bengalisch',
  'tamil',
  'chinesisch',
  'mandarin',
  'kantonesisch',
  'japanisch',
  'koreanisch',
  'vietnamesisch',
  'thai',
  'tagalog',
  'indonesisch',
  'amharisch',
  'tigrinya',
  'tigrinisch',
  'somali',
  'somalisch',
  'swahili',
  'suaheli',
  'lingala',
  'romanes',
  'romani',
];
const LANGUAGE = new Set(LANGUAGES);
// "englische", "arabischen": the adjective of a language ("in englischer und arabischer Sprache").
const ADJECTIVE_END = /^(.*isch)(?:e|en|er|es|em)$/;

// What may stand between two languages of one list: "Englisch, Arabisch und Türkisch", "Deutsch/Englisch".
const JOINERS = new Set(['und', 'oder', 'sowie', 'bzw', 'auch', 'als']);
const JOINING_MARKS = /^[\s,/]*$/;

// "in mehreren Sprachen", "in zwölf Sprachen", "in 14 Sprachen", "in anderen Sprachen".
const COUNTS = new Set([
  'mehreren',
  'mehrere',
  'verschiedenen',
  'verschiedene',
  'unterschiedlichen',
  'unterschiedliche',
  'zahlreichen',
  'zahlreiche',
  'vielen',
  'viele',
  'weiteren',
  'weitere',
  'anderen',
  'jeweiligen',
  'andere',
  'diversen',
  'gängigen',
  'wichtigsten',
  'häufigsten',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'elf',
  'zwölf',
]);
const LANGUAGES_WORD = /^(?:sprachen|fremdsprachen|herkunftssprachen|familiensprachen)$/;

// "Kurse in Spanisch und Polnisch", "Kenntnisse in Englisch und Französisch": languages learnt or known
// are no offer in several languages.
const LEARNING = /kurs|lern|kenntnis|prufung|zertifikat|unterricht|schulung|training|kompetenz|fortbild/;
function learning(tokens: readonly Token[], first: number): boolean {
  for (let k = Math.max(0, first - 4); k < first; k++) if (LEARNING.test((tokens[k] as Token).fold)) return true;
  return false;
}

/** The word that stands for a list of languages. */
export const MULTILINGUAL = 'mehrsprachig';

/** The language a word names: the noun ("Türkisch"), or its adjective ("türkischen") where `adjectives`. */
function languageOf(t: Token, adjectives: boolean): string | undefined {
  if (LANGUAGE.has(t.fold)) return t.fold;
  // Most words are no language: only an adjective in -isch can still be one.
  if (!adjectives || !t.fold.includes('isch')) return undefined;
  const m = ADJECTIVE_END.exec(t.fold);
  return adjectives && m && LANGUAGE.has(m[1] as string) ? m[1] : undefined;
}
// The adjectives name languages only before a word for language or text: "in türkischer und arabischer
// Sprache", "die englische und französische Fassung"; "türkische und arabische Familien" are no languages.
const ABOUT_LANGUAGE = /sprach|fassung|ubersetz|version|ausgabe/;

function multilingualToken(first: Token, last: Token): Token {
  return {
    start: first.start,
    end: last.end,
    norm: MULTILINGUAL,
    fold: MULTILINGUAL,
    stem: stemGerman(MULTILINGUAL),
    capitalised: false,
  };
}

/**
 * The tokens with a word "mehrsprachig" after each list of two or more languages and after each count
 * of languages. The added word spans the list, so a match on it highlights the languages named.
 * Where none is added, `tokens` itself.
 */
export function withLanguageLists(text: string, tokens: Token[]): Token[] {
  // Copied only once a word is added (most passages name no languages): until then `out` would be `tokens` so far.
  let out: Token[] | undefined;
  const add = (upTo: number, token: Token) => {
    out ??= tokens.slice(0, upTo + 1);
    out.push(token);
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    out?.push(t);
    if (i > 0 && t.norm.endsWith('sprachen') && LANGUAGES_WORD.test(t.norm)) {
      const before = tokens[i - 1] as Token;
      if (COUNTS.has(before.norm) || /^\d+$/.test(before.norm)) add(i, multilingualToken(before, t));
      i++;
      continue;
    }
    const first = languageOf(t, true);
    if (first === undefined) {
      i++;
      continue;
    }
    // Follow the list: languages joined by commas, slashes and "und"/"oder"/"sowie".
    const names = [first];
    const nouns = [languageOf(t, false) !== undefined];
    let last = i;
    let j = i + 1;
    while (j < tokens.length) {
      const u = tokens[j] as Token;
      if (!JOINING_MARKS.test(text.slice((tokens[j - 1] as Token).end, u.start))) break;
      if (JOINERS.has(u.norm)) {
        j++;
        continue;
      }
      const name = languageOf(u, true);
      if (name === undefined) break;
      names.push(name);
      nouns.push(languageOf(u, false) !== undefined);
      last = j;
      j++;
    }
    if (out) for (let k = i + 1; k <= last; k++) out.push(tokens[k] as Token);
    const after = tokens[last + 1];
    const aboutLanguage = after !== undefined && ABOUT_LANGUAGE.test(after.fold);
    const named = new Set(names.filter((_, k) => nouns[k] || aboutLanguage));
    if (named.size >= 2 && !learning(tokens, i)) add(last, multilingualToken(t, tokens[last] as Token));
    i = last + 1;
  }
  return out ?? tokens;
}

/** The words whose presence a list of languages needs: candidates for the matcher's first filter. */
export const LANGUAGE_LIST_WORDS: readonly string[] = [
  ...LANGUAGES.filter((l) => l !== 'deutsch'),
  'sprachen',
  'fremdsprachen',
  'herkunftssprachen',
  'familiensprachen',
];
