import { type Automaton, buildAutomaton } from './automaton';
import { candidateWords } from './candidatePattern';
import type { CompiledMatcher } from './compileMatcher';
import { buildPassageGate, GATE, gateGroups, gateStrings, type PassageGate } from './passageGate';

/**
 * One automaton per matcher answers three questions in one structure:
 * - NEEDED: does a passage hold one of the words without which no term hits
 *   (`candidates`, one word per term)? If not, it is not tokenised at all.
 * - GATE (passageGate.ts): which words of which terms may stand in a
 *   passage, so which names and concepts: the stricter test at the usual sensitivity.
 * - RELEVANT: does a word of the page hold the value of any lexicon word? If
 *   not, it can match no word pattern (the reasoning of candidatePattern.ts:
 *   every way a word matches puts the pattern's value inside its folded form),
 *   so it is neither stemmed nor looked up: most words of a page are such.
 * The background builds it once with the matcher and stores it encoded
 * (pageSnapshot.ts); where it was not provided it is built here on first use.
 */
export const NEEDED = 1;
export const RELEVANT = 2;

const provided = new WeakMap<CompiledMatcher, Automaton>();

export function buildPageAutomaton(m: CompiledMatcher): Automaton {
  const needed = new Set(m.candidates);
  const all = new Set(candidateWords(m.words));
  const gated = new Set(gateStrings(gateGroups(m)));
  return buildAutomaton(
    new Set([...needed, ...all, ...gated]),
    (w) => (needed.has(w) ? NEEDED : 0) | (all.has(w) ? RELEVANT : 0) | (gated.has(w) ? GATE : 0),
  );
}

/** The matcher's automaton: as provided with it, or built now (once per matcher). */
export function pageAutomatonOf(m: CompiledMatcher): Automaton {
  let a = provided.get(m);
  if (!a) {
    a = buildPageAutomaton(m);
    provided.set(m, a);
  }
  return a;
}

const gates = new WeakMap<CompiledMatcher, PassageGate | null>();

/** The matcher's passage gate over its automaton, built on first use (null: too many groups to gate). */
export function passageGateOf(m: CompiledMatcher): PassageGate | null {
  let gate = gates.get(m);
  if (gate === undefined) {
    gate = buildPassageGate(m, pageAutomatonOf(m)) ?? null;
    gates.set(m, gate);
  }
  return gate;
}

/** Hands a matcher the automaton built with it (decoded from storage), so a page builds none. */
export function providePageAutomaton(m: CompiledMatcher, a: Automaton): void {
  provided.set(m, a);
}

/** Hands a matcher the gate built with it in the background (decoded from storage), so a page builds none. */
export function providePassageGate(m: CompiledMatcher, gate: PassageGate): void {
  gates.set(m, gate);
}
