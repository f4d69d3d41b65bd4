import type { WordPattern } from '../pack/parseTerm';
import { LANGUAGE_LIST_WORDS, MULTILINGUAL } from '../text/languageLists';
import { NEGATED_GERMAN_WORDS, NOT_GERMAN } from '../text/negatedGerman';
import { type Automaton, endOf, scan, trieOf, WORD_START } from './automaton';
import { candidateWords } from './candidatePattern';
import { type CompiledMatcher, rarestOf } from './compileMatcher';

/** The mark of states where a group's key word ends (pageAutomaton.ts gives the others). */
export const GATE = 4;

/**
 * A stricter test than "one of the needed words stands in the passage", in
 * the same single pass over its characters: at the usual sensitivity a
 * measure matches only by a name or by a rule all of whose concepts (or `min`
 * of them) stand in the passage, so the passage must hold, for some measure,
 * a key word of one of its names or key words of enough concepts of one rule.
 *
 * Each name list and each concept of a rule is a group; the automaton's
 * states carry the groups whose key words end there (own and fallen back to).
 * On council text that shares words with the measures ("Stadt", "Verwaltung",
 * "Europa") this lets through about half the passages the simple test lets
 * through, so half as many are tokenised and stemmed; on ordinary pages,
 * nearly none.
 *
 * Why it loses nothing: a name or concept is found only where one of its
 * terms hits, a term hits only where its key word (compileMatcher's rarest
 * word) matches a word of the passage, and such a word holds the key word's
 * value (candidatePattern.ts).
 */
export interface PassageGate {
  /** Per state, the groups whose key words end there: `ids[first[s]] … ids[first[s + 1] - 1]`. */
  first: Int32Array;
  ids: Uint16Array;
  groupCount: number;
  /** Per measure, its name group (-1: none) and each rule's groups with how many must stand. */
  measures: { names: number; rules: { groups: number[]; min: number }[] }[];
  /** The largest (min − 1) / min of any rule: how far a rule only partly met can get (see matchPassages.ts). */
  largestPartialRule: number;
}

/** The groups of a matcher: each name list and each concept of a rule, with the key words that find it. */
export function gateGroups(m: CompiledMatcher): Pick<PassageGate, 'measures' | 'largestPartialRule'> & {
  groupWords: string[][];
} {
  const groupWords: string[][] = [];
  const groupOf = (terms: readonly number[]) => {
    const keys = [...new Set(terms.map((t) => rarestOf(m.words, m.termWords[t] as number[])))];
    const strings = candidateWords(keys.map((id) => m.words[id] as WordPattern));
    // A word a list of languages or a negated "Deutsch" stands for (languageLists.ts, negatedGerman.ts) is
    // found where the languages or "Deutsch" stand: those are key words of the group too.
    const values = terms.flatMap((t) => (m.termWords[t] as number[]).map((id) => (m.words[id] as WordPattern).value));
    if (values.some((v) => MULTILINGUAL.includes(v))) strings.push(...LANGUAGE_LIST_WORDS.map((l) => WORD_START + l));
    if (values.some((v) => NOT_GERMAN.includes(v))) strings.push(...NEGATED_GERMAN_WORDS.map((l) => WORD_START + l));
    groupWords.push(strings);
    return groupWords.length - 1;
  };
  let largestPartialRule = 0;
  const measures = m.measures.map((measure) => {
    const concept = new Map<string, number>();
    const groupOfConcept = (name: string) => {
      let g = concept.get(name);
      if (g === undefined) {
        g = groupOf(measure.concepts.get(name) ?? []);
        concept.set(name, g);
      }
      return g;
    };
    const rules = measure.rules.map((r) => {
      largestPartialRule = Math.max(largestPartialRule, (r.min - 1) / r.min);
      return { groups: r.concepts.map(groupOfConcept), min: r.min };
    });
    return { names: measure.names.length > 0 ? groupOf(measure.names) : -1, rules };
  });
  return { groupWords, measures, largestPartialRule };
}

/** The gate of a matcher over its automaton (which holds every group's key words: see pageAutomaton.ts). */
export function buildPassageGate(m: CompiledMatcher, a: Automaton): PassageGate | undefined {
  const { groupWords, measures, largestPartialRule } = gateGroups(m);
  if (groupWords.length >= 0xffff) return undefined;
  const states = a.final.length;
  const own = new Map<number, number[]>();
  for (const [g, words] of groupWords.entries())
    for (const word of words) {
      const end = endOf(a, word);
      if (end <= 0) return undefined;
      const list = own.get(end);
      if (list) list.push(g);
      else own.set(end, [g]);
    }
  // A state also ends every word its fallback ends: breadth first, so a fallback (higher in the trie) is
  // complete. A decoded automaton is numbered breadth first and knows its fallbacks.
  const trie = a.fallbacks ? undefined : trieOf(a);
  const fail = a.fallbacks ?? (trie as ReturnType<typeof trieOf>).fail;
  const all = new Map<number, number[]>();
  for (let i = 0; i < states; i++) {
    const s = trie ? (trie.order[i] as number) : i;
    const mine = own.get(s);
    const inherited = s === 0 ? undefined : all.get(fail[s] as number);
    if (mine && inherited) all.set(s, [...new Set([...mine, ...inherited])]);
    else if (mine || inherited) all.set(s, (mine ?? inherited) as number[]);
  }
  const first = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) first[s + 1] = (first[s] as number) + (all.get(s)?.length ?? 0);
  const ids = new Uint16Array(first[states] as number);
  for (const [s, list] of all) ids.set(list, first[s] as number);
  return { first, ids, groupCount: groupWords.length, measures, largestPartialRule };
}

const scratch = new WeakMap<PassageGate, Uint8Array>();

/** Whether the passage may match some measure by a name or a whole rule (see above). */
export function passesGate(gate: PassageGate, a: Automaton, text: string): boolean {
  // One scratch array per gate, cleared for each passage (a new one per passage was garbage on every one).
  let seen = scratch.get(gate);
  if (seen) seen.fill(0);
  else {
    seen = new Uint8Array(gate.groupCount);
    scratch.set(gate, seen);
  }
  const { first, ids } = gate;
  let any = false;
  scan(a, text, 0, GATE, (s) => {
    for (let k = first[s] as number; k < (first[s + 1] as number); k++) seen[ids[k] as number] = 1;
    any = true;
    return false;
  });
  if (!any) return false;
  for (const m of gate.measures) {
    if (m.names >= 0 && seen[m.names]) return true;
    for (const r of m.rules) {
      let present = 0;
      for (const g of r.groups) present += seen[g] as number;
      if (present >= r.min) return true;
    }
  }
  return false;
}
