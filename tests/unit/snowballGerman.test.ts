import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stemmer as snowballLibrary } from '@orama/stemmers/german';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snowballGerman } from '@/utils/text/snowballGerman';
import { stemGerman } from '@/utils/text/stem';

/** Every file under a folder (the fixtures: council pages, resolutions, texts, in several encodings). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The distinct lower-case words of the fixtures, as the tokenizer hands them to the stemmer. */
function fixtureWords(): string[] {
  const words = new Set<string>();
  for (const file of filesUnder(join(process.cwd(), 'tests/fixtures'))) {
    if (!/\.(html?|txt|json|md)$/.test(file)) continue;
    for (const w of readFileSync(file, 'latin1').match(/\p{L}+/gu) ?? []) words.add(w.toLowerCase());
    for (const w of readFileSync(file, 'utf8').match(/\p{L}+/gu) ?? []) words.add(w.toLowerCase());
  }
  return [...words];
}

describe('the Snowball German stemmer, written out', () => {
  it('stems every word of the fixtures as the Snowball library does', () => {
    const words = fixtureWords();
    expect(words.length).toBeGreaterThan(10_000);
    const differing = words.filter((w) => snowballGerman(w) !== snowballLibrary(w));
    expect(differing).toEqual([]);
  });

  it('stems the words its rules turn on as the library does', () => {
    for (const w of [
      'aufeinanderfolgenden',
      'kategorischen',
      'bauer',
      'bauen',
      'freundlichkeit',
      'ergebnisse',
      'kenntnisse',
      'städtepartnerschaften',
      'größten',
      'häuser',
      'feststellung',
      'heiligkeit',
      'fähigkeiten',
      'mauer',
      'bayern',
      'ehemaligen',
      'geistlichen',
      'herrlichkeit',
      'erst',
      'kunst',
      'bist',
      'gesetzlich',
      'au',
      'aa',
      'wissenschaftlerinnen',
      'nachhaltigkeit',
      'schuleuuu',
      'ayuya',
      'ß',
      'fluß',
      'abendlich',
      'ewigend',
    ])
      expect([w, snowballGerman(w)]).toEqual([w, snowballLibrary(w)]);
  });

  it('stems random words of German letters as the library does', () => {
    const letter = fc.constantFrom(...'abcdefghiklmnorstuyzäöüß'.split(''), 'e', 'n', 'u', 'i');
    fc.assert(
      fc.property(fc.array(letter, { minLength: 0, maxLength: 16 }), (chars) => {
        const w = chars.join('');
        expect(snowballGerman(w)).toBe(snowballLibrary(w));
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves three letters of a word of three or more (what the candidate automaton relies on for the shortest stems)', () => {
    const letter = fc.constantFrom(...'abcdefghiklmnorstuyzäöüß'.split(''), 'e', 'n', 'u', 'i', '1', '7');
    fc.assert(
      fc.property(fc.array(letter, { minLength: 3, maxLength: 12 }), (chars) => {
        expect(stemGerman(chars.join('')).length).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 20_000 },
    );
  });
});
