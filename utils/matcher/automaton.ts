/**
 * An Aho–Corasick automaton: finds any of many words in one pass over a text,
 * looking at each character once, however many words there are (a regular
 * expression of hundreds of alternatives tries them at every position).
 *
 * Words are written folded (lower case, no umlauts or accents); the text is
 * folded as it is read, a character at a time, so the page's text is never
 * copied. A word that begins with `WORD_START` is found only at the start of a
 * word of the text; one that ends with `WORD_END`, only where a word of the text ends.
 */
export interface Automaton {
  /** Symbol of each UTF-16 unit below 0x250 (0: a character no word has). */
  symbols: Uint8Array;
  /** Symbols of the other characters that words have. */
  wide: Map<number, number>;
  symbolCount: number;
  /** Next state for state·symbolCount + symbol (16-bit cells where the states fit). */
  next: Int32Array | Int16Array;
  /**
   * Where a word ends in the state (or in one it falls back to): the marks of
   * those words, or-ed (a word's mark is 1 unless it was given another).
   */
  final: Uint8Array;
  /** Set where the states are numbered breadth first (as decoded from storage): each state's fallback. */
  fallbacks?: ArrayLike<number>;
}

/** Marks a word that must begin a word of the text. */
export const WORD_START = '\u0001';
/** Marks a word that must end a word of the text. */
export const WORD_END = '\u0002';

// Symbols of their own: 0 a character no word has, then a word's start and a word's end; letters from 3 on.
const BOUNDARY = 1;
const END = 2;
const FIRST_LETTER = 3;
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
/**
 * The word characters (WORD_CHAR) below SMALL, as ranges. Written out rather than found by testing each of the
 * 592 units with WORD_CHAR: compiling that Unicode-property expression for it took 3–12 ms of the content
 * script's first task on every council page. automatonScan.test.ts checks them against WORD_CHAR.
 */
export const WORD_RANGES_BELOW_SMALL: readonly (readonly [number, number])[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0xaa, 0xaa],
  [0xb2, 0xb3],
  [0xb5, 0xb5],
  [0xb9, 0xba],
  [0xbc, 0xbe],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, SMALL - 1],
];
const isWordSmall = new Uint8Array(SMALL);
for (const [from, to] of WORD_RANGES_BELOW_SMALL) isWordSmall.fill(1, from, to + 1);
const foldSmall: string[] = [];
for (let c = 0; c < SMALL; c++) foldSmall.push(c === 0xdf ? 'ss' : foldChar(c));
// Characters from SMALL on: rare in council text, so tested rather than looked up; but for the dashes, quotation
// marks, ellipses and currency signs of German text ("„", "–", "€"), which no word holds (NO_WORD_CHARS): tested
// one by one, they cost a 30 kB page some 1.5 ms of its first scan.
export const NO_WORD_CHARS = [
  [0x2010, 0x205f],
  [0x20a0, 0x20c0],
] as const;
const [[PUNCTUATION_FROM, PUNCTUATION_TO], [CURRENCY_FROM, CURRENCY_TO]] = NO_WORD_CHARS;
const isWideWordChar = (c: number) =>
  !((c >= PUNCTUATION_FROM && c <= PUNCTUATION_TO) || (c >= CURRENCY_FROM && c <= CURRENCY_TO)) &&
  (isIgnored(c) || WORD_CHAR.test(String.fromCharCode(c)));

/** The symbol of a character of a word: its own, or a word start's or end's. */
const markSymbol = (ch: string, own: number): number => (ch === WORD_START ? BOUNDARY : ch === WORD_END ? END : own);

/**
 * `marks`: bits a word sets where it ends (1 by default), so one automaton
 * can answer several questions in the same pass (see `finds`' `mask`).
 */
export function buildAutomaton(words: Iterable<string>, marks?: (word: string) => number): Automaton {
  const list = [...words].filter((w) => w && w !== WORD_START);
  // The alphabet first, so that the tables are typed arrays from the start (a page builds this).
  const symbolOf = new Map<string, number>();
  let chars = 0;
  for (const word of list)
    for (const ch of word) {
      chars++;
      if (ch !== WORD_START && ch !== WORD_END && !symbolOf.has(ch)) symbolOf.set(ch, symbolOf.size + FIRST_LETTER);
    }
  const symbolCount = symbolOf.size + FIRST_LETTER;
  // 16-bit cells where the states fit (they do for a pack's words): half the memory, and what storage keeps.
  const next = (
    chars + 1 < 0x8000 ? new Int16Array((chars + 1) * symbolCount) : new Int32Array((chars + 1) * symbolCount)
  ).fill(-1);
  const ends = new Uint8Array(chars + 1);
  let states = 1;
  for (const word of list) {
    let state = 0;
    for (const ch of word) {
      const at = state * symbolCount + markSymbol(ch, symbolOf.get(ch) as number);
      if ((next[at] as number) < 0) next[at] = states++;
      state = next[at] as number;
    }
    ends[state] = (ends[state] as number) | (marks ? marks(word) : 1);
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
    final[state] = (ends[state] as number) | (final[f] as number);
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

/** Whether any of the automaton's words (of those whose mark has a bit of `mask`) stands in `text` (from `from` on). */
export function finds(a: Automaton, text: string, from = 0, mask = 0xff): boolean {
  return scan(a, text, from, mask, stopAtFirst);
}
const stopAtFirst = () => true;

/**
 * Feeds `text` (from `from` on) through the automaton; `onState` hears every
 * state reached whose marks have a bit of `mask`, and stops the scan by
 * answering true. Answers whether it was stopped.
 */
export function scan(
  a: Automaton,
  text: string,
  from: number,
  mask: number,
  onState: (state: number) => boolean,
): boolean {
  const { symbols, wide, symbolCount, next, final } = a;
  const sSym = symbols[0x73] as number;
  let state = 0;
  let inWord = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && isIgnored(c)) continue;
    if (c === 0xad) continue;
    // The table looked up here, not through a function: a call per character is what a page's first scan,
    // run by the interpreter, spends most on.
    const word = c < SMALL ? isWordSmall[c] === 1 : isWideWordChar(c);
    if (word !== inWord) {
      state = next[state * symbolCount + (word ? BOUNDARY : END)] as number;
      if ((final[state] as number) & mask && onState(state)) return true;
    }
    inWord = word;
    if (c === 0xdf || c === 0x1e9e) {
      // ß: "ss".
      state = next[state * symbolCount + sSym] as number;
      if ((final[state] as number) & mask && onState(state)) return true;
      state = next[state * symbolCount + sSym] as number;
    } else state = next[state * symbolCount + (c < SMALL ? (symbols[c] as number) : (wide.get(c) ?? 0))] as number;
    if ((final[state] as number) & mask && onState(state)) return true;
  }
  if (inWord) {
    state = next[state * symbolCount + END] as number;
    if ((final[state] as number) & mask && onState(state)) return true;
  }
  return false;
}

/** The state a word of the automaton ends in (walked from the root: a word follows its own path), -1 if it is none. */
export function endOf(a: Automaton, word: string): number {
  let state = 0;
  for (const ch of word) {
    const c = ch.charCodeAt(0);
    const sym = markSymbol(ch, c < SMALL ? (a.symbols[c] as number) : (a.wide.get(c) ?? 0));
    if (sym === 0) return -1;
    state = a.next[state * a.symbolCount + sym] as number;
  }
  return state;
}

/**
 * The trie under the automaton's table: its states breadth first (`order`),
 * each state's parent and the symbol from it, and each state's fallback. A
 * state first reached from s in a breadth-first walk is a child of s (every
 * fallback target is no deeper than s, so it was reached before).
 */
export function trieOf(a: Automaton): {
  order: ArrayLike<number>;
  parentOf: Int32Array;
  symOf: Uint8Array;
  fail: ArrayLike<number>;
} {
  const { next, symbolCount: S, final } = a;
  const states = final.length;
  const seen = new Uint8Array(states);
  const parentOf = new Int32Array(states);
  const symOf = new Uint8Array(states);
  const fail = new Int32Array(states);
  const order = [0];
  seen[0] = 1;
  for (let head = 0; head < order.length; head++) {
    const s = order[head] as number;
    for (let sym = 0; sym < S; sym++) {
      const t = next[s * S + sym] as number;
      if (t === 0 || seen[t]) continue;
      seen[t] = 1;
      parentOf[t] = s;
      symOf[t] = sym;
      // The fallback of a child of the root is the root; of a deeper state, where its parent's fallback
      // goes by the same symbol (the parent came first, so its fallback is known).
      fail[t] = s === 0 ? 0 : (next[(fail[s] as number) * S + sym] as number);
      order.push(t);
    }
  }
  return { order, parentOf, symOf, fail };
}
