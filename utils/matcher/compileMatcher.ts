import { parseTerm, type TermPattern, type WordPattern } from '../pack/parseTerm';
import type { LexiconRule, PositionPack } from '../pack/types';

export interface CompiledRule {
  concepts: string[];
  min: number;
}

export interface CompiledMeasure {
  id: string;
  lines: [number, number];
  /** Term ids of names that match on their own. */
  names: number[];
  /** Concept name → term ids. */
  concepts: Map<string, number[]>;
  rules: CompiledRule[];
  exclusions: number[];
}

/** A pack turned into lookup tables, built once per pack. */
export interface CompiledMatcher {
  words: WordPattern[];
  terms: TermPattern[];
  /** Term pattern ids as word-pattern ids. */
  termWords: number[][];
  /** Word-pattern id → ids of the terms whose first word it is. */
  termsByFirstWord: Map<number, number[]>;
  /** Stem → word-pattern ids of kind `stem` with that value. */
  byStem: Map<string, number[]>;
  compoundWords: number[];
  prefixWords: number[];
  measures: CompiledMeasure[];
}

function toRule(rule: LexiconRule): CompiledRule {
  return Array.isArray(rule) ? { concepts: rule, min: rule.length } : { concepts: rule.anyOf, min: rule.min };
}

export function compileMatcher(pack: PositionPack): CompiledMatcher {
  const words: WordPattern[] = [];
  const wordIds = new Map<string, number>();
  const terms: TermPattern[] = [];
  const termWords: number[][] = [];
  const termIds = new Map<string, number>();
  const termsByFirstWord = new Map<number, number[]>();
  const byStem = new Map<string, number[]>();
  const compoundWords: number[] = [];
  const prefixWords: number[] = [];

  const wordId = (w: WordPattern): number => {
    const key = `${w.kind}:${w.value}:${w.compound}`;
    let id = wordIds.get(key);
    if (id !== undefined) return id;
    id = words.length;
    words.push(w);
    wordIds.set(key, id);
    if (w.kind === 'prefix') prefixWords.push(id);
    else {
      const list = byStem.get(w.value) ?? [];
      list.push(id);
      byStem.set(w.value, list);
      if (w.compound) compoundWords.push(id);
    }
    return id;
  };

  const termId = (source: string): number => {
    const pattern = parseTerm(source);
    const ids = pattern.words.map(wordId);
    const key = ids.join(' ');
    let id = termIds.get(key);
    if (id !== undefined) return id;
    id = terms.length;
    terms.push(pattern);
    termWords.push(ids);
    termIds.set(key, id);
    const first = ids[0] as number;
    const list = termsByFirstWord.get(first) ?? [];
    list.push(id);
    termsByFirstWord.set(first, list);
    return id;
  };

  const measures = pack.measures.map((measure): CompiledMeasure => {
    const lex = measure.lexicon;
    const concepts = new Map<string, number[]>();
    for (const [name, list] of Object.entries(lex.concepts ?? {})) concepts.set(name, list.map(termId));
    const rules = (lex.match ?? []).map(toRule);
    for (const rule of rules) {
      for (const c of rule.concepts) {
        if (!concepts.has(c)) throw new Error(`${measure.id}: Regel nennt unbekanntes Konzept „${c}“.`);
      }
    }
    return {
      id: measure.id,
      lines: [measure.firstLine, measure.lastLine],
      names: (lex.names ?? []).map(termId),
      concepts,
      rules,
      exclusions: (lex.exclusions ?? []).map(termId),
    };
  });

  return { words, terms, termWords, termsByFirstWord, byStem, compoundWords, prefixWords, measures };
}

const cache = new WeakMap<PositionPack, CompiledMatcher>();

/** The compiled matcher of a pack, built on first use. */
export function matcherFor(pack: PositionPack): CompiledMatcher {
  let compiled = cache.get(pack);
  if (!compiled) {
    compiled = compileMatcher(pack);
    cache.set(pack, compiled);
  }
  return compiled;
}
