import { namedPlaceTokens } from './namedPlaces';
import type { Token } from './tokenize';

// Words that open the name of a committee or an office: "Ausschuss für Europa
// und Internationales", "Büro für Internationale Angelegenheiten".
const ORGANISATION_HEADS = new Set([
  'ausschuss',
  'ausschusses',
  'fachausschuss',
  'fachausschusses',
  'unterausschuss',
  'amt',
  'amtes',
  'amts',
  'büro',
  'büros',
  'dezernat',
  'dezernats',
  'dezernates',
  'fachbereich',
  'fachbereichs',
  'fachbereiches',
  'referat',
  'referats',
  'referates',
  'stabsstelle',
  'abteilung',
  'beirat',
  'beirats',
  'beirates',
  'fachdienst',
  'fachdienstes',
  'dienststelle',
  'sachgebiet',
  'geschäftsbereich',
  'geschäftsbereichs',
  'ressort',
  'ressorts',
  'zentrum',
  'zentrums',
]);
const CONNECTORS = new Set(['und', 'sowie', '&']);
const MAX_NAME_WORDS = 6;
// Inflected adjectives: "internationale", "öffentlichen", "europäischer".
const ADJECTIVE_ENDING = /\p{L}{3,}(?:e|en|er|es|em)$/u;

/**
 * Indexes of the tokens that stand inside the name of a committee or office.
 * Such names head every page of a council system ("Ausschuss für Europa und
 * Internationales") and say where a document is discussed, not what it says,
 * so their words must not count as evidence for a measure. The names of things
 * called after a place ("Hotel Europa", "Europaplatz", see namedPlaces.ts) are
 * left out the same way.
 */
export function organisationNameTokens(text: string, tokens: readonly Token[]): Set<number> {
  const masked = namedPlaceTokens(text, tokens);
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!ORGANISATION_HEADS.has((tokens[i] as Token).norm) || (tokens[i + 1] as Token).norm !== 'für') continue;
    let count = 0;
    for (let j = i + 2; j < tokens.length && count < MAX_NAME_WORDS; j++) {
      const t = tokens[j] as Token;
      const between = text.slice((tokens[j - 1] as Token).end, t.start);
      if (/[.;:!?()]/.test(between)) break;
      const first = text.charAt(t.start);
      const capitalised = first !== first.toLowerCase();
      // "Ausschuss für internationale Angelegenheiten", "Amt für öffentliche Ordnung": an adjective
      // written small belongs to the name when a capitalised word of it follows.
      const next = tokens[j + 1];
      const adjective =
        ADJECTIVE_ENDING.test(t.norm) &&
        next !== undefined &&
        !/[.;:!?()]/.test(text.slice(t.end, next.start)) &&
        text.charAt(next.start) !== text.charAt(next.start).toLowerCase();
      if (!capitalised && !CONNECTORS.has(t.norm) && !adjective) break;
      masked.add(j);
      count++;
    }
  }
  return masked;
}
