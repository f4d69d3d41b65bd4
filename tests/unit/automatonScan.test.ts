import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Automaton,
  buildAutomaton,
  NO_WORD_CHARS,
  scan,
  WORD_END,
  WORD_RANGES_BELOW_SMALL,
  WORD_START,
} from '@/utils/matcher/automaton';

// The rule the scan must keep however it is tuned (automaton.ts), written plainly a character at a time: the
// characters normalisation removes are read as absent, "ß" and "ẞ" as "ss", a word's start and its end (before the
// character after it, and at the end of the text) are symbols of their own, and characters from 0x250 on go by the
// automaton's wide table.
const WORD = /[\p{L}\p{M}\p{N}]/u;
const ignored = (c: number) => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || (c >= 0x300 && c <= 0x36f);
function statesByRule(a: Automaton, text: string, mask: number): number[] {
  const out: number[] = [];
  const sSym = a.symbols[0x73] as number;
  const S = a.symbolCount;
  const at = (state: number, sym: number) => a.next[state * S + sym] as number;
  const hear = (s: number) => {
    if ((a.final[s] as number) & mask) out.push(s);
  };
  let state = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (ignored(c)) continue;
    const word = WORD.test(String.fromCharCode(c));
    if (word && !inWord) {
      state = at(state, 1);
      hear(state);
    }
    if (!word && inWord) {
      state = at(state, 2);
      hear(state);
    }
    inWord = word;
    if (c === 0xdf || c === 0x1e9e) {
      state = at(state, sSym);
      hear(state);
      state = at(state, sSym);
    } else state = at(state, c < 0x250 ? (a.symbols[c] as number) : (a.wide.get(c) ?? 0));
    hear(state);
  }
  if (inWord) hear(at(state, 2));
  return out;
}

function statesByScan(a: Automaton, text: string, mask: number): number[] {
  const out: number[] = [];
  scan(a, text, 0, mask, (s) => {
    out.push(s);
    return false;
  });
  return out;
}

const automaton = buildAutomaton(
  [
    'partner',
    'stadt',
    'strasse',
    'cafe',
    `${WORD_START}eu`,
    `${WORD_START}rat`,
    'λογος',
    'мир',
    'ss',
    `${WORD_START}un${WORD_END}`,
    `ort${WORD_END}`,
  ],
  (w) => (w.startsWith(WORD_START) ? 2 : 1),
);
// Letters of the words, their capitals and umlauts, the characters read as absent, ß and ẞ, Greek and Cyrillic
// capitals (above the table), digits, spaces and punctuation.
const unit = fc.constantFrom(
  ...'partnesdcfuoΛΟΓΣМИРλογσмир'.split(''),
  'P',
  'S',
  'É',
  'é',
  'Ä',
  'ä',
  'ß',
  'ẞ',
  '\u00ad',
  '\u200b',
  '\u2060',
  '\u0301',
  '7',
  ' ',
  '-',
  '.',
  '\u00a0',
  '€',
  '–',
  '„',
  '\u2070',
  '😀',
);

describe('the automaton scan', () => {
  it('hears the same states as the character-by-character rule, on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.constantFrom(1, 2, 3), (text, mask) => {
        expect(statesByScan(automaton, text, mask)).toEqual(statesByRule(automaton, text, mask));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds words across soft hyphens and combining marks, ß as "ss", and at word starts only where asked', () => {
    const found = (text: string, mask = 3) => statesByScan(automaton, text, mask).length > 0;
    expect(found('Part\u00adner')).toBe(true);
    expect(found('Straße')).toBe(true);
    expect(found('STRAẞE')).toBe(true);
    expect(found('Cafe\u0301')).toBe(true);
    expect(found('die EU', 2)).toBe(true);
    expect(found('neue Wege', 2)).toBe(false);
    expect(found('ΛΟΓΟΣ')).toBe(true);
    expect(found('Beirat', 2)).toBe(false);
    // Whole words: before any character that is no letter or digit, and at the text's end.
    expect(found('die UN', 2)).toBe(true);
    expect(found('UN-Ziele', 2)).toBe(true);
    expect(found('U\u00adN.', 2)).toBe(true);
    expect(found('und', 2)).toBe(false);
    expect(found('UN2030', 2)).toBe(false);
    expect(found('Sportort', 1)).toBe(true);
    expect(found('Orte', 1)).toBe(false);
  });

  it('reads the dashes, quotation marks and currency signs it does not test as no word characters, rightly', () => {
    for (const [from, to] of NO_WORD_CHARS)
      for (let c = from; c <= to; c++)
        expect([c.toString(16), WORD.test(String.fromCharCode(c))]).toEqual([c.toString(16), false]);
    expect(statesByScan(automaton, 'UN–Ziele „UN“ 5 €UN', 2)).toEqual(
      statesByRule(automaton, 'UN–Ziele „UN“ 5 €UN', 2),
    );
  });

  it('has written out exactly the word characters below 0x250', () => {
    const written = (c: number) => WORD_RANGES_BELOW_SMALL.some(([from, to]) => c >= from && c <= to);
    const differing: string[] = [];
    for (let c = 0; c < 0x250; c++)
      if (written(c) !== WORD.test(String.fromCharCode(c))) differing.push(c.toString(16));
    expect(differing).toEqual([]);
    expect(WORD_RANGES_BELOW_SMALL.at(-1)?.[1]).toBe(0x24f);
  });
});
