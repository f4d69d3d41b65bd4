import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finds as automatonFinds, buildAutomaton, WORD_START } from '@/utils/matcher/automaton';
import { candidateWords } from '@/utils/matcher/candidatePattern';
import { type CompiledMatcher, matcherFor } from '@/utils/matcher/compileMatcher';
import { matchWith } from '@/utils/matcher/matchPassages';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { parseTerm } from '@/utils/pack/parseTerm';

const texts = ['devset', 'validation'].flatMap((folder) => {
  const dir = new URL(`../fixtures/${folder}/`, import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { text: string }[]).map((p) => p.text));
});

const compiled = matcherFor(builtinKw21());
// The same matcher without the candidate filter: every passage is tokenised and scored.
const unfiltered: CompiledMatcher = { ...compiled, candidates: [] };

const firstWordsOf = (...terms: string[]) => terms.map((t) => parseTerm(t).words[0] as never);
const finds = (terms: string[], text: string) =>
  automatonFinds(buildAutomaton(candidateWords(firstWordsOf(...terms))), text);

describe('the candidate automaton', () => {
  it('finds any of its words in one pass, at a word’s start where asked', () => {
    const a = buildAutomaton(['partner', 'stadt', `${WORD_START}eu`]);
    expect(automatonFinds(a, 'die Städtepartner')).toBe(true);
    expect(automatonFinds(a, 'Großstadt')).toBe(true);
    expect(automatonFinds(a, 'neue Wege')).toBe(false);
    expect(automatonFinds(a, '(EU)')).toBe(true);
    expect(automatonFinds(a, 'nichts davon')).toBe(false);
  });

  it('finds stems inside compounds, whatever the case, umlauts or ß', () => {
    expect(finds(['Partnerschaft'], 'die STÄDTEPARTNERSCHAFTEN')).toBe(true);
    expect(finds(['Städte'], 'stadte')).toBe(true);
    expect(finds(['Straße'], 'Strasse')).toBe(true);
    expect(finds(['Strasse'], 'Straßenbau')).toBe(true);
    expect(finds(['Elterncafé'], 'ELTERNCAFES')).toBe(true);
  });

  it('finds short stems, =words, prefixes and names only at the start of a word', () => {
    expect(finds(['EU'], 'neue Wege')).toBe(false);
    expect(finds(['EU'], 'die EU-Mittel')).toBe(true);
    expect(finds(['=Rat'], 'der Stadtrat')).toBe(false);
    expect(finds(['Toulouse!'], 'Toulouse')).toBe(true);
    expect(finds(['interreg*'], 'Interreg-Mittel')).toBe(true);
  });

  it('lets characters that normalisation removes through', () => {
    expect(finds(['Partnerschaft'], 'Partner\u00ADschaft')).toBe(true);
  });
});

describe('candidate first, then scoring', () => {
  it('gives the same matches as scoring every passage, on every labelled paragraph', () => {
    expect(texts.length).toBeGreaterThan(100);
    expect(matchWith(texts, [compiled], { threshold: 0.3 })).toEqual(
      matchWith(texts, [unfiltered], { threshold: 0.3 }),
    );
  });

  it('gives the same matches on any text (property)', () => {
    const words = [
      'Toulouse',
      'Partnerstadt',
      'Städte',
      'partner',
      'EU',
      'Förder',
      'mittel',
      'Netzwerk',
      'ß',
      '\u00AD',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 30 }),
        (w) => {
          const text = w.join(' ');
          expect(matchWith([text], [compiled], { threshold: 0.3 })).toEqual(
            matchWith([text], [unfiltered], { threshold: 0.3 }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('passes over most passages that touch no measure', () => {
    const a = buildAutomaton(compiled.candidates);
    const passed = texts.filter((t) => automatonFinds(a, t)).length;
    expect(passed).toBeLessThan(texts.length);
  });
});
