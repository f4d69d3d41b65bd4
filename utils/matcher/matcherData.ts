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
    | 'byName'
    | 'termsByFirstWord'
    | 'byStem'
    | 'compoundBySuffix'
    | 'compoundByPrefix'
    | 'prefixByStart'
    | 'measures'
    | 'terms'
  > & {
    /** Without their words: those are `words` by `termWords`, written once (the terms' copies were half the size). */
    terms: { source: string; gaps: number[] }[];
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
export const MATCHER_FORMAT = 'ratsmarker-matcher-3';

export function toMatcherData(m: CompiledMatcher): MatcherData {
  return {
    format: MATCHER_FORMAT,
    matcher: {
      ...m,
      terms: m.terms.map((t) => ({ source: t.source, gaps: t.gaps })),
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

/** The matcher again, or undefined for a form of another version (the caller then compiles). */
export function fromMatcherData(data: MatcherData | undefined): CompiledMatcher | undefined {
  if (data?.format !== MATCHER_FORMAT) return undefined;
  const d = data.matcher;
  return {
    ...d,
    terms: d.terms.map((t, i) => ({ ...t, words: (d.termWords[i] ?? []).map((id) => d.words[id] as WordPattern) })),
    byName: new Map(d.byName),
    termsByFirstWord: new Map(d.termsByFirstWord),
    byStem: new Map(d.byStem),
    compoundBySuffix: new Map(d.compoundBySuffix),
    compoundByPrefix: new Map(d.compoundByPrefix),
    prefixByStart: new Map(d.prefixByStart),
    measures: d.measures.map((x) => ({ ...x, concepts: new Map(x.concepts) })),
  };
}
