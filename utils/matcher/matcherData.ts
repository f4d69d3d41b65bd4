import type { WordPattern } from '../pack/parseTerm';
import type { CompiledMatcher, CompiledMeasure, FreshMatcher } from './compileMatcher';
import { storedTables, type TableName, tableRecords } from './lookupTable';

/**
 * A compiled matcher as plain JSON, kept in extension storage: the background
 * compiles a pack when packs change, a page only reads this back (no term is
 * parsed or stemmed on a page load).
 */
export interface MatcherData {
  format: typeof MATCHER_FORMAT;
  matcher: Omit<CompiledMatcher, 'words' | 'measures' | 'terms' | TableName> &
    /** The lookup tables as objects of their keys (lookupTable.ts). */
    Record<TableName, Record<string, number[]>> & {
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
      measures: (Omit<CompiledMeasure, 'concepts'> & { concepts: [string, number[]][] })[];
    };
}

/** Bumped whenever the compiled form changes, so an old stored form is compiled anew instead of misread. */
export const MATCHER_FORMAT = 'ratsmarker-matcher-9';

export function toMatcherData(m: FreshMatcher): MatcherData {
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
      ...tableRecords(m),
      measures: m.measures.map((x) => ({ ...x, concepts: [...x.concepts] })),
    },
  };
}

/**
 * The matcher again, or undefined for a form of another version (the caller
 * then compiles). A page does this on every load: the lookup tables are used
 * as parsed (lookupTable.ts), the word patterns and terms made from their columns.
 */
export function fromMatcherData(data: MatcherData | undefined): CompiledMatcher | undefined {
  if (data?.format !== MATCHER_FORMAT) return undefined;
  const d = data.matcher;
  const words = wordsOf(d.words);
  const terms = termsOf(d.terms);
  const tables = storedTables(d);
  if (!words || !terms || !tables) return undefined;
  return {
    ...d,
    words,
    terms,
    ...tables,
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
