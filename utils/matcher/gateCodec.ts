import { bytesOf, toBase64, words16 } from './base64Bytes';
import type { PassageGate } from './passageGate';

/**
 * A passage gate (passageGate.ts) as a string-only record, stored with the
 * automaton it belongs to (states numbered as the decoded automaton numbers
 * them). Building the gate walks every state of the automaton and looks up
 * every key word: some 16 ms of a page's first task with the JIT cold, for a
 * result that changes only with the packs. Stored, it costs a page one pass
 * over the states.
 *
 * Only the states where some group ends are written (about one in six for
 * KW21): their numbers, how many groups end there, and the groups.
 */
export interface EncodedGate {
  states: number;
  /** How many states carry groups. */
  carrierCount: number;
  /** base64: the states that carry groups, ascending (16-bit), and how many each carries (8-bit). */
  carriers: string;
  counts: string;
  /** base64, 16-bit: the groups, carrier after carrier. */
  ids: string;
  groupCount: number;
  measures: PassageGate['measures'];
  largestPartialRule: number;
}

// Cells are 16-bit, as the automaton's (automatonCodec.ts), and a state carries fewer groups than a byte counts.
const MAX_STATES = 0xffff;
const MAX_PER_STATE = 0xff;

export function encodeGate(gate: PassageGate): EncodedGate | undefined {
  const states = gate.first.length - 1;
  if (states > MAX_STATES) return undefined;
  const carriers: number[] = [];
  const counts: number[] = [];
  for (let s = 0; s < states; s++) {
    const n = (gate.first[s + 1] as number) - (gate.first[s] as number);
    if (n === 0) continue;
    if (n > MAX_PER_STATE) return undefined;
    carriers.push(s);
    counts.push(n);
  }
  return {
    states,
    carrierCount: carriers.length,
    carriers: toBase64(new Uint8Array(Uint16Array.from(carriers).buffer)),
    counts: toBase64(Uint8Array.from(counts)),
    ids: toBase64(new Uint8Array(Uint16Array.from(gate.ids).buffer)),
    groupCount: gate.groupCount,
    measures: gate.measures,
    largestPartialRule: gate.largestPartialRule,
  };
}

/** The gate again, for an automaton of `states` states; undefined for a record that does not fit it. */
export function decodeGate(e: EncodedGate | undefined, states: number): PassageGate | undefined {
  if (!e || e.states !== states || !Array.isArray(e.measures) || !(e.groupCount > 0)) return undefined;
  const carriers = words16(e.carriers, e.carrierCount);
  const counts = bytesOf(e.counts, e.carrierCount);
  if (!carriers || !counts) return undefined;
  // Each state's first group: the groups of the carriers before it. Filled a run at a time (a page's first task
  // runs this cold, where a loop over every state costs several milliseconds).
  const first = new Int32Array(states + 1);
  let total = 0;
  let from = 1;
  let last = -1;
  for (let k = 0; k < carriers.length; k++) {
    const s = carriers[k] as number;
    // Ascending, as written; anything else is not this version's record.
    if (s <= last || s >= states) return undefined;
    last = s;
    first.fill(total, from, s + 1);
    total += counts[k] as number;
    from = s + 1;
  }
  first.fill(total, from, states + 1);
  const ids = words16(e.ids, total);
  if (!ids) return undefined;
  for (let k = 0; k < ids.length; k++) if ((ids[k] as number) >= e.groupCount) return undefined;
  return { first, ids, groupCount: e.groupCount, measures: e.measures, largestPartialRule: e.largestPartialRule };
}
