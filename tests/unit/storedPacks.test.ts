import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchPassages } from '@/utils/matcher/matchPassages';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { createPack, PackError } from '@/utils/pack/loadPack';
import { exportPack, packFromText } from '@/utils/pack/packFile';
import { readStoredPacks, sensitivityThreshold } from '@/utils/pack/storedPacks';
import { ResolutionParseError } from '@/utils/resolution/parseResolution';

const st4 = readFileSync(new URL('../fixtures/resolutions/st4_rheinufer.txt', import.meta.url), 'utf8');
const stored = (id: string, file = exportPack(createPack(st4))) => ({
  id,
  name: id,
  colour: 1,
  enabled: true,
  file,
  added: '2026-01-01T00:00:00.000Z',
});

describe('packs from text or file', () => {
  it('reads the resolution format and an exported pack JSON alike', () => {
    const fromText = packFromText(st4);
    const fromJson = packFromText(JSON.stringify(exportPack(fromText)));
    expect(fromJson.measures.map((m) => m.id)).toEqual(['ST4-2', 'ST4-4']);
    expect(fromJson.resolution).toEqual(fromText.resolution);
  });

  it('keeps the curated lexicon of KW21 through export and import', () => {
    const again = packFromText(JSON.stringify(exportPack(builtinKw21())));
    expect(again.measures.every((m) => m.curated)).toBe(true);
    expect(again.measures.find((m) => m.id === 'KW21-7')?.lexicon).toEqual(
      builtinKw21().measures.find((m) => m.id === 'KW21-7')?.lexicon,
    );
  });

  it('reports a malformed resolution with the line that is wrong', () => {
    const broken = st4.replace('- 4 •', '- 2 •');
    try {
      packFromText(broken);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(ResolutionParseError);
      expect((e as ResolutionParseError).line).toBe(12);
    }
  });

  it('rejects a pack JSON whose lexicon belongs to another code, or names a measure the resolution lacks', () => {
    const file = exportPack(builtinKw21());
    expect(() => packFromText(JSON.stringify({ ...file, source: st4 }))).toThrow(PackError);
    const extra = {
      ...file,
      lexicon: { ...file.lexicon, measures: { ...file.lexicon?.measures, 'KW21-99': { label: 'x' } } },
    };
    expect(() => packFromText(JSON.stringify(extra))).toThrow(/KW21-99/);
    expect(() => packFromText('{"format":"ratsmarker-pack"')).toThrow(PackError);
  });
});

describe('stored packs', () => {
  it('skips and reports a damaged pack, and loads the others', () => {
    const { packs, damaged } = readStoredPacks([
      stored('ST4'),
      { id: 'KAPUTT', name: 'x', colour: 0, enabled: true, file: { format: 'etwas' }, added: '' },
      'Unsinn',
    ]);
    expect(packs.map((p) => p.id)).toEqual(['ST4']);
    expect(damaged).toEqual(['KAPUTT', '#3']);
  });

  it('treats missing storage as empty and anything else as damaged', () => {
    expect(readStoredPacks(undefined)).toEqual({ packs: [], damaged: [] });
    expect(readStoredPacks({ not: 'a list' }).damaged).toEqual(['packs']);
  });

  it('maps sensitivity onto the threshold, the default in the middle', () => {
    expect(sensitivityThreshold(2)).toBe(0.5);
    expect(sensitivityThreshold(0)).toBeGreaterThan(sensitivityThreshold(2));
    expect(sensitivityThreshold(4)).toBeLessThan(sensitivityThreshold(2));
    expect(sensitivityThreshold(99)).toBe(sensitivityThreshold(4));
  });
});

describe('several packs at once', () => {
  const packs = [builtinKw21(), createPack(st4)];

  it('lets one passage match measures of two packs, with their own line references', () => {
    const [result] = matchPassages(
      [
        'Für die Gäste aus unserer Partnerstadt Toulouse sollen entlang der Rheinuferpromenade zusätzliche Sitzbänke aufgestellt werden.',
      ],
      packs,
    );
    expect(result?.measures.map((m) => [m.id, m.lines])).toEqual(
      expect.arrayContaining([
        ['KW21-7', [7, 8]],
        ['ST4-2', [2, 3]],
      ]),
    );
  });

  it('keeps measure ids unique across packs', () => {
    const ids = packs.flatMap((p) => p.measures.map((m) => m.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reports more matches at a lower threshold', () => {
    // A rule only partly met: contacts abroad, but no exchange or internship of staff.
    const text = 'Die Verwaltung prüft Kontakte zu Verwaltungen im Ausland.';
    const strict = matchPassages([text], packs, { threshold: sensitivityThreshold(0) })[0]?.measures.length ?? 0;
    const loose = matchPassages([text], packs, { threshold: sensitivityThreshold(4) })[0]?.measures.length ?? 0;
    expect(loose).toBeGreaterThan(strict);
  });
});

describe('a pack is checked whole on import', () => {
  const withLexicon = (lexicon: object) =>
    JSON.stringify({ ...exportPack(createPack(st4)), lexicon: { code: 'ST4', measures: { 'ST4-2': lexicon } } });
  const codeOf = (text: string) => {
    try {
      packFromText(text);
    } catch (e) {
      return [(e as PackError).code, ...(e as PackError).params];
    }
    return undefined;
  };

  it('refuses a rule that names a concept the measure does not have', () => {
    expect(codeOf(withLexicon({ label: 'x', concepts: { ufer: ['Rheinufer'] }, match: [['ufer', 'fehlt']] }))).toEqual([
      'errLexiconUnknownConcept',
      'ST4-2',
      'fehlt',
    ]);
  });

  it('refuses a term that is only punctuation', () => {
    expect(codeOf(withLexicon({ label: 'x', names: ['–?!'] }))?.[0]).toBe('errEmptyTerm');
    expect(codeOf(withLexicon({ label: 'x', concepts: { a: ['...'] }, match: [['a']] }))?.[0]).toBe('errEmptyTerm');
  });
});
