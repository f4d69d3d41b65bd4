import type { WordPattern } from '../pack/parseTerm';
import type { CompiledMatcher, CompiledMeasure } from './compileMatcher';

/**
 * A compiled matcher as plain JSON, kept in extension storage: the background
 * compiles a pack when packs change, a page only reads this back (no term is
 * parsed or stemmed on a page load).
 */
export interface MatcherData {
  format: typeof MATCHER_FORMAT;
  matcher: Omit<
    CompiledMatcher,
    | 'words'
    | 'byName'
    | 'termsByFirstWord'
    | 'byStem'
    | 'compoundBySuffix'
    | 'compoundByPrefix'
    | 'prefixByStart'
    | 'measures'
    | 'terms'
  > & {
    /**
     * The word patterns by column (every page reads them: as objects with their keys they were 120 of the
     * snapshot's 400 kB): each value, each folded word ('' where it is the value), and one letter for the kind,
     * compound and noun flags (see `flagOf`).
     */
    words: { values: string[]; folds: string[]; flags: string };
    /**
     * The terms by column, without their words (those are `words` by `termWords`, written once): each source,
     * and each term's gaps (0 for none).
     */
    terms: { sources: string[]; gaps: (number[] | 0)[] };
    byName: [string, number[]][];
    termsByFirstWord: [number, number[]][];
    byStem: [string, number[]][];
    compoundBySuffix: [string, number[]][];
    compoundByPrefix: [string, number[]][];
    prefixByStart: [string, number[]][];
    measures: (Omit<CompiledMeasure, 'concepts'> & { concepts: [string, number[]][] })[];
  };
}

/** Bumped whenever the compiled form changes, so an old stored form is compiled anew instead of misread. */
export const MATCHER_FORMAT = 'ratsmarker-matcher-7';

export function toMatcherData(m: CompiledMatcher): MatcherData {
  return {
    format: MATCHER_FORMAT,
    matcher: {
      ...m,
      words: {
        values: m.words.map((w) => w.value),
        folds: m.words.map((w) => (w.fold === w.value ? '' : w.fold)),
        flags: m.words.map(flagOf).join(''),
      },
      terms: { sources: m.terms.map((t) => t.source), gaps: m.terms.map((t) => (t.gaps.length > 0 ? t.gaps : 0)) },
      byName: [...m.byName],
      termsByFirstWord: [...m.termsByFirstWord],
      byStem: [...m.byStem],
      compoundBySuffix: [...m.compoundBySuffix],
      compoundByPrefix: [...m.compoundByPrefix],
      prefixByStart: [...m.prefixByStart],
      measures: m.measures.map((x) => ({ ...x, concepts: [...x.concepts] })),
    },
  };
}

/**
 * The matcher again, or undefined for a form of another version (the caller
 * then compiles). A page does this on every load: only the lookup tables
 * become Maps, in plain loops (the terms are used as read).
 */
export function fromMatcherData(data: MatcherData | undefined): CompiledMatcher | undefined {
  if (data?.format !== MATCHER_FORMAT) return undefined;
  const d = data.matcher;
  const words = wordsOf(d.words);
  const terms = termsOf(d.terms);
  if (!words || !terms) return undefined;
  return {
    ...d,
    words,
    terms,
    byName: mapOf(d.byName),
    termsByFirstWord: mapOf(d.termsByFirstWord),
    byStem: mapOf(d.byStem),
    compoundBySuffix: mapOf(d.compoundBySuffix),
    compoundByPrefix: mapOf(d.compoundByPrefix),
    prefixByStart: mapOf(d.prefixByStart),
    measures: d.measures.map((x) => ({ ...x, concepts: mapOf(x.concepts) })),
  };
}

function mapOf<K, V>(entries: readonly (readonly [K, V])[]): Map<K, V> {
  const map = new Map<K, V>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as readonly [K, V];
    map.set(e[0], e[1]);
  }
  return map;
}

const KINDS: readonly WordPattern['kind'][] = ['stem', 'prefix', 'name'];
// One letter per word: "a" plus the kind's place × 4, plus 2 for a compound, plus 1 for a noun.
const flagOf = (w: WordPattern) =>
  String.fromCharCode(0x61 + KINDS.indexOf(w.kind) * 4 + (w.compound ? 2 : 0) + (w.noun ? 1 : 0));

function wordsOf(c: MatcherData['matcher']['words'] | undefined): WordPattern[] | undefined {
  if (!c || !Array.isArray(c.values) || !Array.isArray(c.folds) || typeof c.flags !== 'string') return undefined;
  const n = c.values.length;
  if (c.folds.length !== n || c.flags.length !== n) return undefined;
  const out: WordPattern[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const f = c.flags.charCodeAt(i) - 0x61;
    const kind = KINDS[f >> 2];
    if (!kind || f < 0) return undefined;
    const value = c.values[i] as string;
    const w: WordPattern = { kind, value, fold: (c.folds[i] as string) || value, compound: (f & 2) !== 0 };
    if (f & 1) w.noun = true;
    out[i] = w;
  }
  return out;
}

function termsOf(c: MatcherData['matcher']['terms'] | undefined): CompiledMatcher['terms'] | undefined {
  if (!c || !Array.isArray(c.sources) || !Array.isArray(c.gaps) || c.gaps.length !== c.sources.length) return undefined;
  const out: CompiledMatcher['terms'] = new Array(c.sources.length);
  for (let i = 0; i < c.sources.length; i++) {
    const gaps = c.gaps[i];
    out[i] = { source: c.sources[i] as string, gaps: gaps === 0 || gaps === undefined ? [] : gaps };
  }
  return out;
}
