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
export const MATCHER_FORMAT = 'ratsmarker-matcher-5';

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

/**
 * The matcher again, or undefined for a form of another version (the caller
 * then compiles). A page does this on every load: only the lookup tables
 * become Maps, in plain loops (the terms are used as read).
 */
export function fromMatcherData(data: MatcherData | undefined): CompiledMatcher | undefined {
  if (data?.format !== MATCHER_FORMAT) return undefined;
  const d = data.matcher;
  return {
    ...d,
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
