import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchPassages } from '@/utils/matcher/matchPassages';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { createPack } from '@/utils/pack/loadPack';
import { packFromFile } from '@/utils/pack/packFile';
import { parseTerm } from '@/utils/pack/parseTerm';
import type { MeasureLexicon } from '@/utils/pack/types';

// Precision on text written apart (issue 15): words that carry a measure only in one of their senses.
// Each mechanism with examples of its own, not items of the labelled sets.
const source = readFileSync(new URL('../fixtures/resolutions/vk7_verkehr.txt', import.meta.url), 'utf8');
const packWith = (lexicon: MeasureLexicon) => createPack(source, { code: 'VK7', measures: { 'VK7-3': lexicon } });
const hits = (lexicon: MeasureLexicon, texts: string[]) =>
  matchPassages(texts, packWith(lexicon)).map((p) => p.measures.some((m) => m.id === 'VK7-3'));

describe('a noun of the lexicon matches only a word written with a capital', () => {
  const lexicon = { label: 'x', concepts: { ort: ['Schule'], rad: ['Fahrrad*'] }, match: [['ort', 'rad']] };

  // At the start of a sentence a capital says nothing: there both readings stand (the next test).
  it('"Schulen" (schools) is the noun, "schulen" (to train) is not', () => {
    expect(
      hits(lexicon, [
        'Vor den Schulen werden Fahrradbügel aufgestellt.',
        'Die Stadt will ihre Fahrradstaffel im Umgang mit Kindern schulen.',
      ]),
    ).toEqual([true, false]);
  });

  it('a verb or adjective of the lexicon (small letter) still matches at the start of a sentence', () => {
    const verb = { label: 'x', concepts: { s: ['schulen'], rad: ['Fahrrad*'] }, match: [['s', 'rad']] };
    expect(hits(verb, ['Schulen wird die Stadt ihre Fahrradstaffel.', 'Wir schulen die Fahrradstaffel.'])).toEqual([
      true,
      true,
    ]);
  });

  it('names of languages in -isch are no nouns only: "Englisch" is also "englische Formulare"', () => {
    expect(parseTerm('Englisch').words[0]?.noun).toBeUndefined();
    expect(parseTerm('Schule').words[0]?.noun).toBe(true);
    expect(parseTerm('schulen').words[0]?.noun).toBeUndefined();
    const sprache = { label: 'x', concepts: { e: ['Englisch'], rad: ['Fahrrad*'] }, match: [['e', 'rad']] };
    expect(hits(sprache, ['Die Fahrradkarte gibt es in englischer Fassung.'])).toEqual([true]);
  });
});

describe('KW21-20: the name of an EU programme shows EU money, not that anyone acquires it together', () => {
  const kw21 = builtinKw21();
  const has20 = (text: string) => (matchPassages([text], kw21)[0]?.measures ?? []).some((m) => m.id === 'KW21-20');

  it('a programme named as the source of a thing already built is not the measure', () => {
    expect(
      has20('Die neue Stadthalle wurde mit Mitteln aus dem EFRE saniert; eine Tafel am Eingang erinnert daran.'),
    ).toBe(false);
    expect(has20('Der Marktplatz in Hinterdorf trägt das Schild „Gefördert durch LEADER“.')).toBe(false);
  });

  it('a programme with an application, or with neighbours working on it together, is', () => {
    expect(has20('Die Verwaltung wird beauftragt, Mittel aus dem EFRE für die Radstation zu beantragen.')).toBe(true);
    expect(has20('Mit den Nachbargemeinden will die Stadt ein Interreg-Projekt zum Hochwasserschutz anstoßen.')).toBe(
      true,
    );
    expect(has20('Gemeinsam mit dem Landkreis bereitet die Stadt ein Vorhaben im ESF Plus vor.')).toBe(true);
  });
});

describe('KW21-17: a stint of work abroad for weeks or months is a short-term job, whatever it is called', () => {
  const kw21 = builtinKw21();
  const has17 = (text: string) => (matchPassages([text], kw21)[0]?.measures ?? []).some((m) => m.id === 'KW21-17');

  it('working for weeks or months in a partner town or abroad counts', () => {
    expect(
      has17('Zwei Gärtner des Grünflächenamts sollen sechs Wochen in der Partnergemeinde in Polen mitarbeiten.'),
    ).toBe(true);
    expect(
      has17('Elektrikerinnen der Stadtwerke können einige Monate bei einem Netzbetreiber in Österreich arbeiten.'),
    ).toBe(true);
  });

  it('work without a stay abroad, or abroad without a term, is not', () => {
    expect(has17('Die Bauhofmitarbeiter arbeiten seit Wochen an der Sanierung der Brücke.')).toBe(false);
    expect(has17('Der Bauhof hat in der Partnergemeinde bei der Renovierung der Schule mitgearbeitet.')).toBe(false);
  });
});

describe('a rule of common words may ask for them in one sentence', () => {
  const lexicon = {
    label: 'x',
    concepts: { ort: ['Schule'], rad: ['Fahrrad*'] },
    match: [{ anyOf: ['ort', 'rad'], min: 2, sentence: true }],
  };

  it('in one sentence it matches, in two it does not', () => {
    expect(
      hits(lexicon, [
        'Vor der Schule werden Fahrradbügel aufgestellt.',
        'Die Fahrradstraße wird verlängert. Die Schule erhält einen neuen Anbau.',
        'Fahrradbügel\n\nDie Schule erhält einen neuen Anbau.',
      ]),
    ).toEqual([true, false, false]);
  });

  it('"Nr. 12" and "9. Mai" end no sentence', () => {
    expect(hits(lexicon, ['Am 9. Mai bekommt die Schule Nr. 12 ihre Fahrradbügel.'])).toEqual([true]);
  });

  it('a lead-in lends its concepts to every sentence of its items', () => {
    const pack = packWith(lexicon);
    const [, item] = matchPassages(
      ['Die Verwaltung wird beauftragt, an der Schule:', '- Fahrradbügel aufzustellen.'],
      pack,
    );
    expect(item?.measures.some((m) => m.id === 'VK7-3')).toBe(true);
  });

  it('a pack file may say so, and nothing else than a boolean', () => {
    const ok = {
      format: 'ratsmarker-pack',
      version: 1,
      source,
      lexicon: { code: 'VK7', measures: { 'VK7-3': lexicon } },
    };
    expect(packFromFile(ok).measures.find((m) => m.id === 'VK7-3')?.lexicon.match).toEqual(lexicon.match);
    const bad = {
      ...ok,
      lexicon: {
        code: 'VK7',
        measures: { 'VK7-3': { ...lexicon, match: [{ anyOf: ['ort', 'rad'], min: 2, sentence: 'ja' }] } },
      },
    };
    expect(() => packFromFile(bad)).toThrow();
  });
});

describe('„Verwaltung“, the administration as a whole, is no office that serves newcomers', () => {
  const kw21 = builtinKw21();
  const ids = (text: string) => (matchPassages([text], kw21)[0]?.measures ?? []).map((m) => m.id);

  it('the administration hiring people of many origins is staff diversity, not a service for newcomers', () => {
    const found = ids(
      'Die Verwaltung soll gezielt Beschäftigte mit Einwanderungsgeschichte und anderen Muttersprachen gewinnen.',
    );
    expect(found).toContain('KW21-33');
    expect(found).not.toContain('KW21-25');
  });

  it('an office or its forms in many languages for newcomers still is', () => {
    expect(
      ids(
        'Die Verwaltung wird beauftragt, die Formulare des Bürgeramts mehrsprachig für Zugewanderte bereitzustellen.',
      ),
    ).toContain('KW21-25');
  });
});
