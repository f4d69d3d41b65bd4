import type { WordPattern } from '../pack/parseTerm';
import { LANGUAGE_LIST_WORDS, MULTILINGUAL } from '../text/languageLists';
import { NEGATED_GERMAN_WORDS, NOT_GERMAN } from '../text/negatedGerman';
import { type Automaton, endOf, scan, trieOf, WORD_START } from './automaton';
import { candidatesOf } from './candidatePattern';
import type { CompiledMatcher } from './compileMatcher';

/** The mark of states where a gated term's word ends (pageAutomaton.ts gives the others). */
export const GATE = 4;

/**
 * A stricter test than "one of the needed words stands in the passage", in
 * the same single pass over its characters: at the usual sensitivity a
 * measure matches only by a name or by a rule all of whose concepts (or `min`
 * of them) stand in the passage, so the passage must hold, for some measure,
 * one of its names or enough concepts of one rule; a name or concept stands
 * only where one of its terms does, and a term only where every word of it does.
 *
 * Each word of a term is a key: the strings every word it matches holds. Each
 * name list and each concept of a rule is a group: its terms, each the keys of
 * its words. The automaton's states carry the keys whose strings end there
 * (own and fallen back to). A passage passes when, for some measure, a group
 * of its names, or `min` groups of one rule, has a term all of whose keys
 * were seen.
 *
 * Why the words of a term and not one: council text is full of the common
 * words of the measures' phrases ("Stadt" of "rosa Stadt", "Programm" of
 * "EU-Programm", "für" of "für uns"). Looking for one word of each term let
 * through two passages in three of the benchmark's council text; all of a
 * term's words, one in ten (and every passage that matches).
 *
 * Why it loses nothing: a term hits only where each of its words matches a
 * word of the passage, and such a word holds that word's key (candidatePattern.ts);
 * a word the passage gains from a list of languages or a negated "Deutsch"
 * (languageLists.ts, negatedGerman.ts) stands where the languages or "Deutsch"
 * do, which are strings of its key too.
 */
export interface PassageGate {
  /** Per state, the keys whose strings end there: `ids[first[s]] … ids[first[s + 1] - 1]`. */
  first: Int32Array;
  ids: Uint16Array;
  keyCount: number;
  groupCount: number;
  /** Group g's terms are `terms[groupFirst[g]] …`; term t's keys are `termKeys[termFirst[t]] … termKeys[termFirst[t + 1] - 1]`. */
  groupFirst: Int32Array;
  termFirst: Int32Array;
  termKeys: Uint16Array;
  /** Per measure, its name group (-1: none) and each rule's groups with how many must stand. */
  measures: { names: number; rules: { groups: number[]; min: number }[] }[];
  /** The largest (min − 1) / min of any rule: how far a rule only partly met can get (see matchPassages.ts). */
  largestPartialRule: number;
}

/** The strings of a word's key: its candidate, and the languages or "Deutsch" a word it stands for is found by. */
function keyStrings(w: WordPattern): string[] {
  const out = candidatesOf(w);
  if (out.length === 0) return [];
  // A value inside "mehrsprachig" or "nichtdeutschsprachig" also matches the word a list of languages or a
  // negated "Deutsch" stands for (tokenize's words then include it): found where those stand.
  if (MULTILINGUAL.includes(w.value)) out.push(...LANGUAGE_LIST_WORDS.map((l) => WORD_START + l));
  if (NOT_GERMAN.includes(w.value)) out.push(...NEGATED_GERMAN_WORDS.map((l) => WORD_START + l));
  return out;
}

export interface GateGroups extends Pick<PassageGate, 'measures' | 'largestPartialRule'> {
  /** Each key's strings. */
  keys: string[][];
  /** Each group's terms, each as its keys (a word without a key constrains nothing and is left out). */
  groups: number[][][];
}

/** The groups of a matcher: each name list and each concept of a rule, as terms of keys. */
export function gateGroups(m: CompiledMatcher): GateGroups {
  const keys: string[][] = [];
  const keyOf = new Map<string, number>();
  const keyOfWord = new Map<number, number | undefined>();
  const wordKey = (id: number) => {
    if (keyOfWord.has(id)) return keyOfWord.get(id);
    const strings = keyStrings(m.words[id] as WordPattern);
    let k: number | undefined;
    if (strings.length > 0) {
      const name = strings.join('\n');
      k = keyOf.get(name);
      if (k === undefined) {
        k = keys.length;
        keys.push(strings);
        keyOf.set(name, k);
      }
    }
    keyOfWord.set(id, k);
    return k;
  };
  const groups: number[][][] = [];
  const groupOf = (terms: readonly number[]) => {
    const seen = new Set<string>();
    const list: number[][] = [];
    for (const t of terms) {
      const ks = [...new Set((m.termWords[t] as number[]).map(wordKey))]
        .filter((k): k is number => k !== undefined)
        .sort((a, b) => a - b);
      const name = ks.join(',');
      if (seen.has(name)) continue;
      seen.add(name);
      list.push(ks);
    }
    // Terms of one key first: most groups are decided by them.
    list.sort((a, b) => a.length - b.length);
    groups.push(list);
    return groups.length - 1;
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
  return { keys, groups, measures, largestPartialRule };
}

/** The strings a gate looks for: every key's (pageAutomaton.ts marks them GATE). */
export function gateStrings(g: GateGroups): string[] {
  return g.keys.flat();
}

/** The gate of a matcher over its automaton (which holds every key's strings: see pageAutomaton.ts). */
export function buildPassageGate(m: CompiledMatcher, a: Automaton): PassageGate | undefined {
  const { keys, groups, measures, largestPartialRule } = gateGroups(m);
  if (keys.length >= 0xffff) return undefined;
  const states = a.final.length;
  const own = new Map<number, number[]>();
  for (const [k, strings] of keys.entries())
    for (const word of strings) {
      const end = endOf(a, word);
      if (end <= 0) return undefined;
      const list = own.get(end);
      if (list) list.push(k);
      else own.set(end, [k]);
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
  const groupFirst = new Int32Array(groups.length + 1);
  for (const [g, terms] of groups.entries()) groupFirst[g + 1] = (groupFirst[g] as number) + terms.length;
  const allTerms = groups.flat();
  const termFirst = new Int32Array(allTerms.length + 1);
  for (const [t, ks] of allTerms.entries()) termFirst[t + 1] = (termFirst[t] as number) + ks.length;
  return {
    first,
    ids,
    keyCount: keys.length,
    groupCount: groups.length,
    groupFirst,
    termFirst,
    termKeys: Uint16Array.from(allTerms.flat()),
    measures,
    largestPartialRule,
  };
}

/**
 * What a passage's scan needs besides the gate, built once per gate on the page: the terms each key is in,
 * each term's group and size, the rules each group counts toward (a name list counts as a rule of one), and
 * scratch arrays cleared after each passage where it wrote (new ones per passage were garbage on every one,
 * and clearing or looking through all of them was most of a passage's cost).
 */
interface Scan {
  keyTermFirst: Int32Array;
  keyTerms: Int32Array;
  termGroup: Int32Array;
  termSize: Int32Array;
  groupRuleFirst: Int32Array;
  groupRules: Int32Array;
  ruleMin: Int32Array;
  /** Groups with a term of no keys: they stand in every passage. */
  always: number[];
  seen: Uint8Array;
  /** Per term, how many of its keys this passage has shown. */
  count: Int32Array;
  /** Per group, 1 once one of its terms stood in this passage. */
  stands: Uint8Array;
  /** Per rule, how many of its groups stand in this passage. */
  present: Int32Array;
  touchedKeys: number[];
  touchedGroups: number[];
}
const scans = new WeakMap<PassageGate, Scan>();

/**
 * Compressed rows: for each of `count` owners, the values[i] whose owners[i] it is, in order. Two parallel arrays
 * rather than pairs: a page builds these once, with its code cold, and some ten thousand [owner, value] pairs (an
 * array each) took it some 4 ms.
 */
function rows(
  count: number,
  owners: ArrayLike<number>,
  values: ArrayLike<number>,
): { first: Int32Array; values: Int32Array } {
  const first = new Int32Array(count + 1);
  for (let i = 0; i < owners.length; i++) {
    const o = owners[i] as number;
    first[o + 1] = (first[o + 1] as number) + 1;
  }
  for (let i = 0; i < count; i++) first[i + 1] = (first[i + 1] as number) + (first[i] as number);
  const fill = first.slice(0, count);
  const out = new Int32Array(owners.length);
  for (let i = 0; i < owners.length; i++) {
    const o = owners[i] as number;
    out[fill[o] as number] = values[i] as number;
    fill[o] = (fill[o] as number) + 1;
  }
  return { first, values: out };
}

function scanOf(gate: PassageGate): Scan {
  let s = scans.get(gate);
  if (s) return s;
  const { groupFirst, termFirst, termKeys, keyCount, groupCount } = gate;
  const termCount = termFirst.length - 1;
  const termGroup = new Int32Array(termCount);
  const termSize = new Int32Array(termCount);
  const always: number[] = [];
  // The term of each of termKeys' keys (they stand term by term).
  const keyOwner = new Int32Array(termKeys.length);
  for (let g = 0; g < groupCount; g++)
    for (let t = groupFirst[g] as number; t < (groupFirst[g + 1] as number); t++) {
      termGroup[t] = g;
      termSize[t] = (termFirst[t + 1] as number) - (termFirst[t] as number);
      if (termSize[t] === 0) always.push(g);
      keyOwner.fill(t, termFirst[t] as number, termFirst[t + 1] as number);
    }
  const byKey = rows(keyCount, termKeys, keyOwner);
  // Rules numbered across measures; a group counts once toward a rule for each time the rule names it.
  const ruleGroups: number[] = [];
  const groupRules: number[] = [];
  const mins: number[] = [];
  for (const m of gate.measures) {
    if (m.names >= 0) {
      ruleGroups.push(m.names);
      groupRules.push(mins.length);
      mins.push(1);
    }
    for (const r of m.rules) {
      for (const g of r.groups) {
        ruleGroups.push(g);
        groupRules.push(mins.length);
      }
      mins.push(r.min);
    }
  }
  const byGroup = rows(groupCount, ruleGroups, groupRules);
  s = {
    keyTermFirst: byKey.first,
    keyTerms: byKey.values,
    termGroup,
    termSize,
    groupRuleFirst: byGroup.first,
    groupRules: byGroup.values,
    ruleMin: Int32Array.from(mins),
    always: [...new Set(always)],
    seen: new Uint8Array(keyCount),
    count: new Int32Array(termCount),
    stands: new Uint8Array(groupCount),
    present: new Int32Array(mins.length),
    touchedKeys: [],
    touchedGroups: [],
  };
  scans.set(gate, s);
  return s;
}

/** Whether the passage may match some measure by a name or a whole rule (see above). */
export function passesGate(gate: PassageGate, a: Automaton, text: string): boolean {
  const s = scanOf(gate);
  const { first, ids } = gate;
  const { keyTermFirst, keyTerms, termGroup, termSize, groupRuleFirst, groupRules, ruleMin } = s;
  const { seen, count, stands, present, touchedKeys, touchedGroups } = s;
  // A group that stands counts toward its rules; a rule with enough groups lets the passage through at once.
  const stand = (g: number): boolean => {
    if (stands[g] === 1) return false;
    stands[g] = 1;
    touchedGroups.push(g);
    let enough = false;
    for (let j = groupRuleFirst[g] as number; j < (groupRuleFirst[g + 1] as number); j++) {
      const r = groupRules[j] as number;
      const n = (present[r] as number) + 1;
      present[r] = n;
      if (n >= (ruleMin[r] as number)) enough = true;
    }
    return enough;
  };
  let pass = false;
  for (const g of s.always) pass = stand(g) || pass;
  // Each key counts once toward each term it is in; a term whose keys have all been seen makes its group stand.
  if (!pass)
    pass = scan(a, text, 0, GATE, (state) => {
      let enough = false;
      for (let i = first[state] as number; i < (first[state + 1] as number); i++) {
        const k = ids[i] as number;
        if (seen[k] === 1) continue;
        seen[k] = 1;
        touchedKeys.push(k);
        for (let j = keyTermFirst[k] as number; j < (keyTermFirst[k + 1] as number); j++) {
          const t = keyTerms[j] as number;
          const c = (count[t] as number) + 1;
          count[t] = c;
          if (c === termSize[t] && stand(termGroup[t] as number)) enough = true;
        }
      }
      return enough;
    });
  // Cleared where this passage wrote.
  for (const k of touchedKeys) {
    seen[k] = 0;
    for (let j = keyTermFirst[k] as number; j < (keyTermFirst[k + 1] as number); j++) count[keyTerms[j] as number] = 0;
  }
  for (const g of touchedGroups) {
    stands[g] = 0;
    for (let j = groupRuleFirst[g] as number; j < (groupRuleFirst[g + 1] as number); j++)
      present[groupRules[j] as number] = 0;
  }
  touchedKeys.length = 0;
  touchedGroups.length = 0;
  return pass;
}
