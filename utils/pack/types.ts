import type { Measure, Resolution } from '../resolution/types';

/**
 * A rule: the concepts that must all be present in one passage, or, written
 * as `{ anyOf, min }`, at least `min` of them; with `sentence: true`, in one
 * sentence of the passage (for rules whose concepts are all common words).
 */
export type LexiconRule = string[] | { anyOf: string[]; min: number; sentence?: boolean };

/**
 * What the matcher knows about one measure. Terms use a small syntax (see
 * `parseTerm`): `Wort` matches inflections and compounds, `=Wort` inflections
 * only, `wort*` any word that begins so, and several words a phrase.
 */
export interface MeasureLexicon {
  /** A few words for badges and lists: "Städtefreundschaft Toulouse". */
  label: string;
  /** Named groups of terms and synonyms that mean one thing ("toulouse", "partnerschaft"). */
  concepts?: Record<string, string[]>;
  /** Names so specific that one of them alone is a match (networks, programmes). */
  names?: string[];
  /** Combinations of concepts that make a match. */
  match?: LexiconRule[];
  /** Terms whose presence shows the passage means something else. */
  exclusions?: string[];
}

export interface PackLexicon {
  /** The resolution code this lexicon belongs to. */
  code: string;
  party?: string;
  measures: Record<string, MeasureLexicon>;
}

/** A measure of a loaded pack: the resolution's measure plus its lexicon. */
export interface PackMeasure extends Measure {
  lexicon: MeasureLexicon;
  /** The lexicon was curated by hand (false: drawn from the measure's own text). */
  curated: boolean;
}

/** A parsed resolution plus what the matcher needs per measure. */
export interface PositionPack {
  id: string;
  name: string;
  party?: string;
  resolution: Resolution;
  measures: PackMeasure[];
  /** The resolution text the pack was read from, so it can be exported as is. */
  source: string;
}

/** The exported form of a pack (JSON). */
export interface PackFile {
  format: 'ratsmarker-pack';
  version: 1;
  source: string;
  lexicon?: PackLexicon;
}
