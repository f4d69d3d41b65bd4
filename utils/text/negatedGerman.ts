import { stemGerman } from './stem';
import type { Token } from './tokenize';

/*
 * "Menschen, die (noch) kein Deutsch sprechen", "ohne ausreichende Deutschkenntnisse", "kaum Deutsch",
 * "deren Muttersprache nicht Deutsch ist", "keine deutsche Staatsangehörigkeit": all say that someone's
 * language or origin is not German. A lexicon cannot list every way of negating German, so this module
 * reads the negation itself (a negating word shortly before "Deutsch", "deutsche(n/r)" or
 * "Deutschkenntnisse") and stands one word, "nichtdeutschsprachig", for it; a lexicon term names that
 * word once. ("Eine andere Muttersprache als Deutsch" says who someone is, not that they are new here:
 * lexicons name it as "andere Muttersprache".)
 */

/** The word that stands for a negated "Deutsch". */
export const NOT_GERMAN = 'nichtdeutschsprachig';

// Words that negate or belittle what follows: "kein", "kaum", "ohne", "geringe", "unzureichende" …
const NEGATORS =
  /^(?:kein|keine|keinem|keinen|keiner|nicht|kaum|wenig|wenige|wenigen|ohne|gering|geringe|geringen|unzureichend|unzureichende|unzureichenden|mangelnde|mangelnden|fehlende|fehlenden|eingeschränkte|eingeschränkten|begrenzte|begrenzten|schlecht|noch)$/;
// "Deutsch", "Deutschkenntnisse", "Deutschkenntnissen", "deutschsprachig".
const GERMAN = /^(?:deutsch|deutsche|deutschen|deutscher|deutschkenntnis\p{L}*|deutschsprach\p{L}*)$/u;
// "nicht nur Deutsch, sondern auch …" says the opposite.
const ONLY = /^(?:nur|allein|ausschließlich)$/;
// How far before "Deutsch" the negation may stand: "kein oder kaum Deutsch", "keine ausreichenden Deutschkenntnisse".
const REACH = 3;

function negated(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - REACH); k--) {
    const norm = (tokens[k] as Token).norm;
    if (ONLY.test(norm)) return false;
    if (NEGATORS.test(norm)) return true;
  }
  return false;
}

/**
 * The tokens with a word "nichtdeutschsprachig" after each negated "Deutsch", spanning negation and word;
 * where there is none, `tokens` itself (copied only once a word is added: most passages have none).
 */
export function withNegatedGerman(tokens: Token[]): Token[] {
  let out: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    out?.push(t);
    if (!t.norm.startsWith('deutsch') || !GERMAN.test(t.norm) || !negated(tokens, i)) continue;
    out ??= tokens.slice(0, i + 1);
    let first = i - 1;
    while (first > 0 && i - first < REACH && !NEGATORS.test((tokens[first] as Token).norm)) first--;
    out.push({
      start: (tokens[Math.max(0, first)] as Token).start,
      end: t.end,
      norm: NOT_GERMAN,
      fold: NOT_GERMAN,
      stem: stemGerman(NOT_GERMAN),
      capitalised: false,
    });
  }
  return out ?? tokens;
}

/** The words a negated "Deutsch" needs: candidates for the matcher's first filter. */
export const NEGATED_GERMAN_WORDS: readonly string[] = ['deutsch'];
