import { describe, expect, it } from 'vitest';
import { finds } from '@/utils/matcher/automaton';
import { decodeAutomaton, encodeAutomaton } from '@/utils/matcher/automatonCodec';
import { matcherFor } from '@/utils/matcher/compileMatcher';
import { decodeGate, encodeGate } from '@/utils/matcher/gateCodec';
import { matchWith } from '@/utils/matcher/matchPassages';
import { buildPageAutomaton, NEEDED, pageAutomatonOf, passageGateOf } from '@/utils/matcher/pageAutomaton';
import { buildPassageGate, gateGroups, passesGate } from '@/utils/matcher/passageGate';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { labelledTexts } from './helpers/labelledTexts';

const texts = labelledTexts();
const compiled = matcherFor(builtinKw21());
const gate = passageGateOf(compiled);
const a = pageAutomatonOf(compiled);
const through = (text: string) => passesGate(gate as NonNullable<typeof gate>, a, text);

describe('the passage gate looks for every word of a term', () => {
  it('is built for KW21', () => {
    expect(gate).not.toBeNull();
  });

  it('one common word of a phrase does not open it; the whole phrase does', () => {
    // "rosa Stadt" (KW21-7, Toulouse), "für uns" and "in unserer Stadt" (KW21-22, here at home), "deutsch-
    // französische Kita" (a name of KW21-28): their common words alone, in passages about something else.
    expect(through('Die Stadt stellt für den Haushalt 2026 einen Nachtrag auf.')).toBe(false);
    expect(through('Die deutsche Verwaltung legt den Bericht für das erste Quartal vor.')).toBe(false);
    expect(through('Die Stadt prüft das neue Programm für die Kita am Rhein.')).toBe(false);
    // The phrase itself: a name opens it alone.
    expect(through('Im Süden der Stadt eröffnet eine deutsch-französische Kita.')).toBe(true);
  });

  it('lets through every passage that matches, at every sensitivity where it is used, and a fraction of the others', () => {
    let candidates = 0;
    let gated = 0;
    for (const threshold of [0.5, 0.7, 0.9]) {
      const matched = matchWith(texts, [compiled], { threshold, exhaustive: true });
      for (const [i, text] of texts.entries()) {
        if ((matched[i]?.measures.length ?? 0) > 0) expect(through(text)).toBe(true);
      }
    }
    for (const text of texts) {
      candidates += finds(a, text, 0, NEEDED) ? 1 : 0;
      gated += through(text) ? 1 : 0;
    }
    // The labelled sets are mostly about the measures' matters (hard negatives included): still, a good part
    // of the passages that hold some needed word stay out.
    expect(gated).toBeLessThan(candidates * 0.8);
  });

  it('a group stands only by a term all of whose words stand (each group a list of terms of keys)', () => {
    const g = gateGroups(compiled);
    // Every term of more than one word has more than one key (the words of "rosa Stadt" are two keys).
    const multi = g.groups.flat().filter((t) => t.length > 1);
    expect(multi.length).toBeGreaterThan(100);
    for (const t of g.groups.flat()) for (const k of t) expect(g.keys[k]?.length).toBeGreaterThan(0);
  });
});

describe('the gate as stored (gateCodec)', () => {
  const automaton = decodeAutomaton(encodeAutomaton(buildPageAutomaton(compiled)) as never);
  if (!automaton) throw new Error('no automaton');
  const built = buildPassageGate(compiled, automaton);
  if (!built) throw new Error('no gate');
  const encoded = encodeGate(built);
  if (!encoded) throw new Error('not encoded');

  it('comes back as the same gate, terms and keys included', () => {
    expect(decodeGate(encoded, automaton.final.length)).toEqual(built);
  });

  it('is refused where its terms or keys do not add up', () => {
    const states = automaton.final.length;
    expect(decodeGate({ ...encoded, termKeyCount: encoded.termKeyCount + 1 }, states)).toBeUndefined();
    expect(decodeGate({ ...encoded, termCount: encoded.termCount - 1 }, states)).toBeUndefined();
    expect(decodeGate({ ...encoded, keyCount: 1 }, states)).toBeUndefined();
    expect(decodeGate({ ...encoded, termKeys: encoded.termKeys.slice(0, 12) }, states)).toBeUndefined();
    expect(decodeGate({ ...encoded, groupCount: 3 }, states)).toBeUndefined();
  });
});
