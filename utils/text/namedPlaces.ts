import type { Token } from './tokenize';

/*
 * A place or region name is often not the place at all but the name of a thing
 * called after it: a hotel ("Hotel Europa"), a street or canal ("Europaplatz",
 * "Europa-Allee", "Toulouser Allee", "Holländisches Viertel"), a competition
 * ("Europa League"), or it only says where a business comes from ("bei einem
 * niederländischen Gartenbaubetrieb", "ein Investor aus Rotterdam"). Such words
 * say nothing about partnerships, Europe or cities abroad. These rules find them
 * by the words around them, for any place, not from a list of cases.
 */

// Facilities named by what follows them: "Hotel Europa", "Kino Toulouse", "Haus Holland".
const FACILITY_BEFORE = new Set([
  'hotel',
  'kino',
  'haus',
  'café',
  'cafe',
  'restaurant',
  'gaststätte',
  'theater',
  'galerie',
  'apotheke',
  'residenz',
  'arena',
  'stadion',
  'pension',
  'hostel',
  'kaufhaus',
  'bistro',
  'passage',
]);
// Things named after a place that follows them: "Europa League", "Europa-Park".
// Only words that never name a service: a "Welcome Center" is one for newcomers.
const NAMED_AFTER = new Set(['league', 'cup', 'pokal', 'park', 'open', 'tour']);
// Heads of street, district, water and building names: "Europaplatz", "Holländisches Viertel".
const PLACE_HEADS = [
  'platz',
  'straße',
  'strasse',
  'allee',
  'gasse',
  'kanal',
  'brücke',
  'viertel',
  'ufer',
  'damm',
  'hotel',
  'stadion',
  'arena',
  'halle',
  'tor',
];
const PLACE_HEAD_WORD = new Set(PLACE_HEADS.flatMap((h) => [h, `${h}s`, `${h}n`, `${h}es`]));
// Businesses: an origin in front of them is where a supplier or investor comes from.
const BUSINESS_HEADS =
  /(?:betrieb|betriebs|betriebe|betrieben|unternehmen|unternehmens|firma|firmen|investor|investoren|investorin|konzern|konzerns|hersteller|herstellers|lieferant|lieferanten|händler|händlers|anbieter|anbieters|bauträger|projektentwickler|reederei|spedition|brauerei|kette)$/;
// An adjective of origin: "niederländischen", "holländisches", "Toulouser", "Düsseldorfer".
const ORIGIN_ADJECTIVE = /^(?:\p{L}+isch(?:e|er|es|en|em)?|\p{Lu}\p{L}+er)$/u;
// Every such adjective holds "isch" or ends in "er": looked at first, so that the expression (run by V8's
// interpreter while the page's code is cold) reads only the few words that may be one.
const originAdjective = (word: string) => (word.endsWith('er') || word.includes('isch')) && ORIGIN_ADJECTIVE.test(word);

const capitalised = (text: string, t: Token) => {
  const c = text.charAt(t.start);
  return c !== c.toLowerCase();
};
/** The two tokens stand joined by a hyphen ("Europa-Allee"). */
const hyphenated = (text: string, a: Token, b: Token) => text.slice(a.end, b.start) === '-';
/** Nothing but white space stands between the two tokens. */
const adjacent = (text: string, a: Token, b: Token) => /^\s+$/.test(text.slice(a.end, b.start));

/** Indexes of the tokens that are part of the name of a thing called after a place, or a business's origin. */
export function namedPlaceTokens(text: string, tokens: readonly Token[]): Set<number> {
  const masked = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    // "Hotel Europa": the capitalised words after a facility word are its name.
    if (FACILITY_BEFORE.has(t.norm) && next && adjacent(text, t, next) && capitalised(text, next)) {
      masked.add(i + 1);
      const after = tokens[i + 2];
      if (after && (adjacent(text, next, after) || hyphenated(text, next, after)) && capitalised(text, after))
        masked.add(i + 2);
    }
    if (next && capitalised(text, t) && capitalised(text, next)) {
      const joined = hyphenated(text, t, next) || adjacent(text, t, next);
      // "Europa League", "Europa-Park", "Europa-Allee".
      if (joined && (NAMED_AFTER.has(next.norm) || (hyphenated(text, t, next) && PLACE_HEAD_WORD.has(next.norm)))) {
        masked.add(i);
        masked.add(i + 1);
      }
      // "Holländisches Viertel", "Toulouser Allee": an adjective written with a capital mid-sentence before a street head is a name.
      if (adjacent(text, t, next) && originAdjective(text.slice(t.start, t.end)) && PLACE_HEAD_WORD.has(next.norm))
        masked.add(i);
    }
    // "Europaplatz", "Europakanal": a compound whose head is a street, water or building.
    if (capitalised(text, t))
      for (const head of PLACE_HEADS)
        if (t.norm.length >= head.length + 4 && t.norm.endsWith(head)) {
          masked.add(i);
          break;
        }
    // "einem niederländischen Gartenbaubetrieb", "ein französischer Investor".
    if (next && adjacent(text, t, next) && originAdjective(t.norm) && BUSINESS_HEADS.test(next.norm)) masked.add(i);
    // "ein Investor aus Rotterdam", "Unternehmen aus den Niederlanden".
    if (next?.norm === 'aus' && BUSINESS_HEADS.test(t.norm)) {
      let j = i + 2;
      if (tokens[j] && /^(?:den|der|dem)$/.test((tokens[j] as Token).norm)) j++;
      for (let k = 0; k < 2 && tokens[j + k] && capitalised(text, tokens[j + k] as Token); k++) masked.add(j + k);
    }
  }
  return masked;
}
