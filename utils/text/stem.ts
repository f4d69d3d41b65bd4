import { snowballGerman } from './snowballGerman';

/**
 * Snowball German stem of a normalised word (snowballGerman.ts). The Snowball algorithm also folds
 * umlauts and ß, so "Städte" and "Stadte" share a stem.
 *
 * Two endings that Snowball leaves are removed as well, because council texts
 * use them constantly: the dative plural "-n" after "-el" ("Fördermitteln" →
 * "fördermittel") and the genitive "-s" after a vowel ("Europas", "Kitas").
 */
export function stemGerman(norm: string): string {
  const s = snowballGerman(norm);
  if (s.length >= 6 && s.endsWith('eln')) return s.slice(0, -1);
  if (s.length >= 5 && /[aeiouy]s$/.test(s) && !s.endsWith('us') && !s.endsWith('es')) return s.slice(0, -1);
  return s;
}
