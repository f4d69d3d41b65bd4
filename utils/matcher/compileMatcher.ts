import { CodedError } from '../i18n/codedError';
import { parseTerm, type TermPattern, type WordPattern } from '../pack/parseTerm';
import type { LexiconRule, PositionPack } from '../pack/types';
import { LANGUAGE_LIST_WORDS, MULTILINGUAL } from '../text/languageLists';
import { NEGATED_GERMAN_WORDS, NOT_GERMAN } from '../text/negatedGerman';
import { WORD_START } from './automaton';
import { candidateWords } from './candidatePattern';
import { compoundPhrase, headWords } from './compoundParaphrase';
import type { LookupTable, TableName } from './lookupTable';

export interface CompiledRule {
  concepts: string[];
  min: number;
  /** The concepts must stand in one sentence (matchPassages.ts). */
  sentence?: true;
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
  /** Each term's source (for "why it matched") and gaps; its words are `termWords`. */
  terms: Pick<TermPattern, 'source' | 'gaps'>[];
  /** Term pattern ids as word-pattern ids. */
  termWords: number[][];
  /** Names (kind `name`) by their folded value. */
  byName: LookupTable;
  /** Word-pattern id → ids of the terms whose first word it is. */
  termsByFirstWord: LookupTable;
  /** Stem → word-pattern ids of kind `stem` with that value. */
  byStem: LookupTable;
  compoundWords: number[];
  prefixWords: number[];
  /** Compound-able words by the last three letters of their stem (for compound heads). */
  compoundBySuffix: LookupTable;
  /** Compound-able words by the first three letters of their stem (for modifiers). */
  compoundByPrefix: LookupTable;
  /** Prefix words by their first three letters; shorter ones in `shortPrefixWords`. */
  prefixByStart: LookupTable;
  shortPrefixWords: number[];
  measures: CompiledMeasure[];
  /** The words without which no term hits (see candidatePattern); empty: every passage is scored. */
  candidates: string[];
}

/** A matcher as compiled, its tables Maps (what matcherData.ts stores); read back, they are LookupTables. */
export type FreshMatcher = CompiledMatcher & Record<TableName, Map<string | number, number[]>>;

/** Appends `id` to the list under `key`. */
function file(map: Map<string, number[]>, key: string, id: number) {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function toRule(rule: LexiconRule): CompiledRule {
  if (Array.isArray(rule)) return { concepts: rule, min: rule.length };
  return rule.sentence
    ? { concepts: rule.anyOf, min: rule.min, sentence: true }
    : { concepts: rule.anyOf, min: rule.min };
}

/** Turns a pack into lookup tables in one go. */
export function compileMatcher(pack: PositionPack): FreshMatcher {
  const steps = compileSteps(pack);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

// Terms parsed (normalised, stemmed) per step of the compiler.
const TERMS_PER_STEP = 8;

function* compileSteps(pack: PositionPack): Generator<void, FreshMatcher> {
  const words: WordPattern[] = [];
  const wordIds = new Map<string, number>();
  const terms: TermPattern[] = [];
  const termWords: number[][] = [];
  const termIds = new Map<string, number>();
  const termsByFirstWord = new Map<number, number[]>();
  const byStem = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const compoundWords: number[] = [];
  const prefixWords: number[] = [];

  const wordId = (w: WordPattern): number => {
    const key = `${w.kind}:${w.value}:${w.compound}:${w.noun}`;
    let id = wordIds.get(key);
    if (id !== undefined) return id;
    id = words.length;
    words.push(w);
    wordIds.set(key, id);
    if (w.kind === 'prefix') prefixWords.push(id);
    else if (w.kind === 'name') file(byName, w.value, id);
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

  // The one-word terms of the whole pack: where a compound term may be split into a phrase.
  const heads = headWords(
    pack.measures.flatMap((m) => [...Object.values(m.lexicon.concepts ?? {}).flat(), ...(m.lexicon.names ?? [])]),
  );
  /** The term and, for a compound of a known head, its phrase ("Austausch Fachkräfte"). */
  const withPhrase = (source: string): number[] => {
    const phrase = compoundPhrase(source, heads);
    return phrase ? [termId(source), termId(phrase)] : [termId(source)];
  };

  const measures: CompiledMeasure[] = [];
  for (const measure of pack.measures) {
    yield;
    const lex = measure.lexicon;
    const concepts = new Map<string, number[]>();
    for (const [name, list] of Object.entries(lex.concepts ?? {})) {
      const ids: number[] = [];
      for (const [i, source] of list.entries()) {
        // A few terms at a time: a concept of 50 terms took up to 25 ms on a cold start.
        if (i % TERMS_PER_STEP === 0) yield;
        ids.push(...withPhrase(source));
      }
      concepts.set(name, ids);
    }
    const rules = (lex.match ?? []).map(toRule);
    for (const rule of rules) {
      for (const c of rule.concepts) {
        if (!concepts.has(c)) throw new CodedError('errLexiconUnknownConcept', [measure.id, c]);
      }
    }
    measures.push({
      id: measure.id,
      lines: [measure.firstLine, measure.lastLine],
      names: (lex.names ?? []).map(termId),
      concepts,
      rules,
      exclusions: (lex.exclusions ?? []).flatMap(withPhrase),
    });
  }

  // Each word of a page is compared only with the lexicon words that share its
  // first or last three letters, instead of with every compound-able word.
  const compoundBySuffix = new Map<string, number[]>();
  const compoundByPrefix = new Map<string, number[]>();
  for (const id of compoundWords) {
    const w = words[id] as WordPattern;
    file(compoundBySuffix, w.value.slice(-3), id);
    file(compoundByPrefix, w.value.slice(0, 3), id);
    if (w.fold.slice(0, 3) !== w.value.slice(0, 3)) file(compoundByPrefix, w.fold.slice(0, 3), id);
  }
  const prefixByStart = new Map<string, number[]>();
  const shortPrefixWords: number[] = [];
  for (const id of prefixWords) {
    const v = (words[id] as WordPattern).value;
    if (v.length >= 3) file(prefixByStart, v.slice(0, 3), id);
    else shortPrefixWords.push(id);
  }
  // Only names and concept terms make a match, and each only where all its words stand: one word of
  // each, the one least likely to stand on a page ("Konvent der Bürgermeister": "konvent"), is enough.
  const needed = new Set<number>();
  for (const m of measures)
    for (const t of [...m.names, ...[...m.concepts.values()].flat()])
      needed.add(rarestOf(words, termWords[t] as number[]));
  const candidates = candidateWords([...needed].map((id) => words[id] as WordPattern));
  // A list of languages stands for "mehrsprachig" (languageLists.ts): where a term can match that word,
  // the languages' names must let a passage through the filter too.
  if (words.some((w) => MULTILINGUAL.includes(w.value)))
    candidates.push(...LANGUAGE_LIST_WORDS.map((l) => WORD_START + l));
  // The same for a negated "Deutsch", which stands for "nichtdeutschsprachig" (negatedGerman.ts).
  if (words.some((w) => NOT_GERMAN.includes(w.value)))
    candidates.push(...NEGATED_GERMAN_WORDS.map((l) => WORD_START + l));
  return {
    candidates,
    words,
    terms,
    termWords,
    termsByFirstWord,
    byStem,
    byName,
    compoundWords,
    prefixWords,
    compoundBySuffix,
    compoundByPrefix,
    prefixByStart,
    shortPrefixWords,
    measures,
  };
}

/** The word of a term that says most: the longest value, and of two as long the one read as a whole word. */
export function rarestOf(words: readonly WordPattern[], ids: readonly number[]): number {
  const weight = (id: number) => {
    const w = words[id] as WordPattern;
    return w.value.length * 2 + (w.kind === 'stem' && w.compound ? 0 : 1);
  };
  return ids.reduce((best, id) => (weight(id) > weight(best) ? id : best));
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
