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
 * Only the states where some key ends are written: their numbers, how many
 * keys end there, and the keys; then each group's terms as their keys.
 */
export interface EncodedGate {
  states: number;
  /** How many states carry keys. */
  carrierCount: number;
  /** base64: the states that carry keys, ascending (16-bit), and how many each carries (8-bit). */
  carriers: string;
  counts: string;
  /** base64, 16-bit: the keys, carrier after carrier. */
  ids: string;
  keyCount: number;
  groupCount: number;
  /** How many terms the groups have, and how many keys those. */
  termCount: number;
  termKeyCount: number;
  /** base64, 16-bit: how many terms each group has, how many keys each term has, and the keys, term after term. */
  groupSizes: string;
  termSizes: string;
  termKeys: string;
  measures: PassageGate['measures'];
  largestPartialRule: number;
}

// Cells are 16-bit, as the automaton's (automatonCodec.ts), and a state carries fewer keys than a byte counts.
const MAX_STATES = 0xffff;
const MAX_PER_STATE = 0xff;

export function encodeGate(gate: PassageGate): EncodedGate | undefined {
  const states = gate.first.length - 1;
  if (states > MAX_STATES) return undefined;
  const groupSizes = sizes(gate.groupFirst);
  const termSizes = sizes(gate.termFirst);
  if (!groupSizes || !termSizes) return undefined;
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
    keyCount: gate.keyCount,
    groupCount: gate.groupCount,
    termCount: gate.termFirst.length - 1,
    termKeyCount: gate.termKeys.length,
    groupSizes: toBase64(new Uint8Array(groupSizes.buffer)),
    termSizes: toBase64(new Uint8Array(termSizes.buffer)),
    termKeys: toBase64(new Uint8Array(Uint16Array.from(gate.termKeys).buffer)),
    measures: gate.measures,
    largestPartialRule: gate.largestPartialRule,
  };
}

/** The gate again, for an automaton of `states` states; undefined for a record that does not fit it. */
export function decodeGate(e: EncodedGate | undefined, states: number): PassageGate | undefined {
  if (!e || e.states !== states || !Array.isArray(e.measures) || !(e.groupCount > 0) || !(e.keyCount > 0))
    return undefined;
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
  for (let k = 0; k < ids.length; k++) if ((ids[k] as number) >= e.keyCount) return undefined;
  const groupFirst = offsets(words16(e.groupSizes, e.groupCount), e.termCount);
  const termFirst = offsets(words16(e.termSizes, e.termCount), e.termKeyCount);
  const termKeys = words16(e.termKeys, e.termKeyCount);
  if (!groupFirst || !termFirst || !termKeys) return undefined;
  for (let k = 0; k < termKeys.length; k++) if ((termKeys[k] as number) >= e.keyCount) return undefined;
  for (const m of e.measures)
    if (m.names >= e.groupCount || m.rules.some((r) => r.groups.some((g) => g >= e.groupCount))) return undefined;
  return {
    first,
    ids,
    keyCount: e.keyCount,
    groupCount: e.groupCount,
    groupFirst,
    termFirst,
    termKeys,
    measures: e.measures,
    largestPartialRule: e.largestPartialRule,
  };
}

/** How many each has (16-bit), from where each begins; undefined where one has more than 16 bits count. */
function sizes(first: Int32Array): Uint16Array | undefined {
  const out = new Uint16Array(first.length - 1);
  for (let i = 0; i < out.length; i++) {
    const n = (first[i + 1] as number) - (first[i] as number);
    if (n > 0xffff) return undefined;
    out[i] = n;
  }
  return out;
}

/** Where each begins, from how many each has; undefined unless they add up to `total`. */
function offsets(counts: Uint16Array | undefined, total: number): Int32Array | undefined {
  if (!counts) return undefined;
  const first = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) first[i + 1] = (first[i] as number) + (counts[i] as number);
  return first[counts.length] === total ? first : undefined;
}
