import { normalizeWord } from '../text/normalize';

/*
 * German says the same thing as a compound or as a phrase: "Fachkräfteaustausch" and "Austausch von
 * Fachkräften", "Städtepartnerschaft" and "Partnerschaft zwischen den Städten", "Verwaltungsaustausch"
 * and "Austausch der Verwaltungen". A lexicon writes one of them; the matcher finds the compound's parts
 * in other compounds already (head and modifier, matchPassages.ts), but not the phrase, where the head
 * comes first. This module splits a lexicon compound at a head the lexicon itself knows as a word, and
 * gives the phrase "Head Modifier" (the words of a phrase may stand two words apart, parseTerm.ts).
 */

// A head must be a word of its own, and the modifier too: "Fach|kräfteaustausch", "Gymn|asien" and
// "Ober|bürgermeister" are no splits.
const MIN_HEAD = 5;
const MIN_MODIFIER = 5;
// Heads that say too little to stand first in a phrase: "Programm … Mobilität" is any programme.
const VAGUE_HEADS = new Set(['programm', 'projekt', 'service']);
// Linking elements between modifier and head: "Verwaltung|s|austausch", "Städte|partnerschaft".
const LINKS = ['s', 'es', ''];

/** The single words of a lexicon, lower case: the heads a compound may be split at. */
export function headWords(terms: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of terms) if (/^[\p{L}]+$/u.test(t) && t.length >= MIN_HEAD) out.add(normalizeWord(t));
  return out;
}

/**
 * The phrase for a one-word lexicon term that is a compound of a modifier and a known head
 * ("Fachkräfteaustausch" → "Austausch Fachkräfte"), or undefined. Terms with syntax (`=`, `*`, `!`),
 * several words or no known head have none.
 */
export function compoundPhrase(term: string, heads: ReadonlySet<string>): string | undefined {
  if (!/^\p{Lu}[\p{L}]+$/u.test(term)) return undefined;
  const norm = normalizeWord(term);
  // The longest head first: "Bürgeraustausch" splits at "austausch", not at a shorter word inside it.
  for (let at = MIN_MODIFIER; at <= norm.length - MIN_HEAD; at++) {
    const head = norm.slice(at);
    if (!heads.has(head) || VAGUE_HEADS.has(head)) continue;
    for (const link of LINKS) {
      const modifier = norm.slice(0, at);
      if (!modifier.endsWith(link)) continue;
      const stemPart = modifier.slice(0, modifier.length - link.length);
      if (stemPart.length < MIN_MODIFIER) continue;
      const word = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
      return `${word(head)} ${word(stemPart)}`;
    }
  }
  return undefined;
}
