import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatePattern, trie } from '@/utils/matcher/candidatePattern';
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
const unfiltered: CompiledMatcher = { ...compiled, candidates: '' };

const firstWordsOf = (...terms: string[]) => terms.map((t) => parseTerm(t).words[0] as never);
const finds = (terms: string[], text: string) => new RegExp(candidatePattern(firstWordsOf(...terms))).test(text);

describe('candidatePattern', () => {
  it('shares common beginnings (a trie), and a shorter value stands for the longer ones', () => {
    expect(trie(['ab', 'ac'])).toBe('[aAäÄáÁàÀ](?:[bB]|[cCçÇ])');
    expect(trie(['ab', 'abc'])).toBe('[aAäÄáÁàÀ][bB]');
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
    const re = new RegExp(compiled.candidates);
    const passed = texts.filter((t) => re.test(t)).length;
    expect(passed).toBeLessThan(texts.length);
  });
});
