/**
 * An Aho–Corasick automaton: finds any of many words in one pass over a text,
 * looking at each character once, however many words there are (a regular
 * expression of hundreds of alternatives tries them at every position).
 *
 * Words are written folded (lower case, no umlauts or accents); the text is
 * folded as it is read, a character at a time, so the page's text is never
 * copied. A word that begins with `WORD_START` is found only at the start of a
 * word of the text.
 */
export interface Automaton {
  /** Symbol of each UTF-16 unit below 0x250 (0: a character no word has). */
  symbols: Uint8Array;
  /** Symbols of the other characters that words have. */
  wide: Map<number, number>;
  symbolCount: number;
  /** Next state for state·symbolCount + symbol. */
  next: Int32Array;
  /** 1 where a word ends in the state (or in one it falls back to). */
  final: Uint8Array;
}

/** Marks a word that must begin a word of the text. */
export const WORD_START = '\u0001';

const BOUNDARY = 1;
// Characters that normalisation removes (soft hyphen, zero-width) or joins with the letter before (combining
// marks): read as if they were not there.
const isIgnored = (c: number) =>
  c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || (c >= 0x300 && c <= 0x36f);
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const FOLD: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', é: 'e', è: 'e', á: 'a', à: 'a', ç: 'c' };

/** A character as words are written: lower case, without umlauts or accents ("ß" is read as "ss"). */
function foldChar(c: number): string {
  const lower = String.fromCharCode(c).toLowerCase();
  return FOLD[lower] ?? lower;
}

// Which units below 0x250 are word characters, and how they fold: looked up, not computed, per character.
const SMALL = 0x250;
const isWordSmall = new Uint8Array(SMALL);
const foldSmall: string[] = [];
for (let c = 0; c < SMALL; c++) {
  isWordSmall[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
  foldSmall.push(c === 0xdf ? 'ss' : foldChar(c));
}
const isWordChar = (c: number) =>
  c < SMALL ? isWordSmall[c] === 1 : isIgnored(c) || WORD_CHAR.test(String.fromCharCode(c));

export function buildAutomaton(words: Iterable<string>): Automaton {
  const list = [...words].filter((w) => w && w !== WORD_START);
  // The alphabet first, so that the tables are typed arrays from the start (a page builds this).
  const symbolOf = new Map<string, number>();
  let chars = 0;
  for (const word of list)
    for (const ch of word) {
      chars++;
      if (ch !== WORD_START && !symbolOf.has(ch)) symbolOf.set(ch, symbolOf.size + 2);
    }
  const symbolCount = symbolOf.size + 2;
  const next = new Int32Array((chars + 1) * symbolCount).fill(-1);
  const ends = new Uint8Array(chars + 1);
  let states = 1;
  for (const word of list) {
    let state = 0;
    for (const ch of word) {
      const at = state * symbolCount + (ch === WORD_START ? BOUNDARY : (symbolOf.get(ch) as number));
      if ((next[at] as number) < 0) next[at] = states++;
      state = next[at] as number;
    }
    ends[state] = 1;
  }
  const final = new Uint8Array(states);
  // Breadth first: a state's fallback is complete before the states below it are filled in.
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let sym = 0; sym < symbolCount; sym++) {
    const to = next[sym] as number;
    if (to < 0) next[sym] = 0;
    else queue[tail++] = to;
  }
  for (let head = 0; head < tail; head++) {
    const state = queue[head] as number;
    const f = fail[state] as number;
    final[state] = ends[state] || final[f] ? 1 : 0;
    for (let sym = 0; sym < symbolCount; sym++) {
      const at = state * symbolCount + sym;
      const to = next[at] as number;
      const fallback = next[f * symbolCount + sym] as number;
      if (to < 0) next[at] = fallback;
      else {
        fail[to] = fallback;
        queue[tail++] = to;
      }
    }
  }
  const symbols = new Uint8Array(SMALL);
  const wide = new Map<number, number>();
  for (let c = 0; c < SMALL; c++) {
    // "ß" folds to two letters; it is fed as two "s" (see feed in `finds`).
    const f = foldSmall[c] as string;
    symbols[c] = f.length === 1 ? (symbolOf.get(f) ?? 0) : 0;
  }
  for (const [ch, sym] of symbolOf) {
    const code = ch.charCodeAt(0);
    if (code >= SMALL) wide.set(code, sym);
  }
  // Upper-case forms above 0x250 of the words' letters (rare: Greek, Cyrillic).
  for (const [ch, sym] of symbolOf) {
    const upper = ch.toUpperCase();
    if (upper.length === 1 && upper.charCodeAt(0) >= SMALL) wide.set(upper.charCodeAt(0), sym);
  }
  return { symbols, wide, symbolCount, next: next.slice(0, states * symbolCount), final };
}

/** Whether any of the automaton's words stands in `text` (from `from` on). */
export function finds(a: Automaton, text: string, from = 0): boolean {
  const { symbols, wide, symbolCount, next, final } = a;
  const sSym = symbols[0x73] as number;
  let state = 0;
  let inWord = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && isIgnored(c)) continue;
    if (c === 0xad) continue;
    const word = isWordChar(c);
    if (word && !inWord) {
      state = next[state * symbolCount + BOUNDARY] as number;
      if (final[state]) return true;
    }
    inWord = word;
    if (c === 0xdf || c === 0x1e9e) {
      // ß: "ss".
      state = next[state * symbolCount + sSym] as number;
      if (final[state]) return true;
      state = next[state * symbolCount + sSym] as number;
    } else state = next[state * symbolCount + (c < SMALL ? (symbols[c] as number) : (wide.get(c) ?? 0))] as number;
    if (final[state]) return true;
  }
  return false;
}
