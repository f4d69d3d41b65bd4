import { type Automaton, trieOf } from './automaton';
import { bytesOf, toBase64, words16 } from './base64Bytes';

/**
 * An automaton as a string-only record, for extension storage (which keeps
 * JSON only). Its full table has a cell for every state and symbol (some
 * 200,000 for a pack: 550 kB as base64, and reading storage slows with size);
 * what makes it is much smaller: the trie of the words (each state's parent
 * and the symbol that leads to it, states numbered breadth first so that a
 * state's children stand together) and each state's fallback. A page
 * rebuilds the table from these in one pass, a row at a time: a state's row
 * is its fallback's row (already complete, as the fallback stands higher in
 * the trie) with its own children written over it — copies of a few dozen
 * cells, well under a millisecond, where building from the words took 5–25 ms.
 */
export interface EncodedAutomaton {
  symbolCount: number;
  states: number;
  /** Per state (breadth first), base64: its parent and its fallback (16-bit, little-endian), the symbol from its parent, its marks. */
  parents: string;
  fallbacks: string;
  labels: string;
  marks: string;
  symbols: string;
  wide: [number, number][];
}

// Cells are 16-bit: a pack's words make some 6,000 states; more than this is not encoded (the page builds it).
const MAX_STATES = 0x7fff;

export function encodeAutomaton(a: Automaton): EncodedAutomaton | undefined {
  const { symbolCount: S, final } = a;
  const states = final.length;
  if (states > MAX_STATES) return undefined;
  const { order: queue, parentOf, symOf, fail } = trieOf(a);
  if (queue.length !== states) return undefined;
  const order = new Int32Array(states);
  for (let i = 0; i < queue.length; i++) order[queue[i] as number] = i;
  const parents = new Uint16Array(states);
  const fallbacks = new Uint16Array(states);
  const labels = new Uint8Array(states);
  const marks = new Uint8Array(states);
  for (let i = 0; i < states; i++) {
    const s = queue[i] as number;
    parents[i] = order[parentOf[s] as number] as number;
    fallbacks[i] = order[fail[s] as number] as number;
    labels[i] = symOf[s] as number;
    marks[i] = final[s] as number;
  }
  const bytes = (a: Uint16Array | Uint8Array) => toBase64(new Uint8Array(a.buffer));
  return {
    symbolCount: S,
    states,
    parents: bytes(parents),
    fallbacks: bytes(fallbacks),
    labels: bytes(labels),
    marks: bytes(marks),
    symbols: toBase64(a.symbols),
    wide: [...a.wide],
  };
}

/** The automaton again; undefined for a record that does not hold together (stored by another version, damaged). */
export function decodeAutomaton(e: EncodedAutomaton | undefined): Automaton | undefined {
  if (!e || !Array.isArray(e.wide)) return undefined;
  const S = e.symbolCount;
  const states = e.states;
  if (!(S > 0 && S < 256) || !(states > 0 && states <= MAX_STATES)) return undefined;
  const parents = words16(e.parents, states);
  const fallbacks = words16(e.fallbacks, states);
  const labels = bytesOf(e.labels, states);
  const final = bytesOf(e.marks, states);
  const symbols = bytesOf(e.symbols, 0x250);
  if (!parents || !fallbacks || !labels || !final || !symbols) return undefined;
  const next = new Int16Array(states * S);
  // Children of each state stand together after it: `child` walks them as their parents come.
  let child = 1;
  for (let s = 0; s < states; s++) {
    const row = s * S;
    if (s > 0) {
      const from = (fallbacks[s] as number) * S;
      if (from >= row) return undefined;
      next.copyWithin(row, from, from + S);
    }
    for (; child < states && parents[child] === s; child++) next[row + (labels[child] as number)] = child;
  }
  return child === states ? { symbols, wide: new Map(e.wide), symbolCount: S, next, final, fallbacks } : undefined;
}
