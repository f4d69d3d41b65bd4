import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchPassages } from '@/utils/matcher/matchPassages';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { createPack } from '@/utils/pack/loadPack';

const pack = builtinKw21();
const ids = (text: string) => matchPassages([text], pack)[0]?.measures.map((m) => m.id) ?? [];

describe('matchPassages with KW21', () => {
  it('returns one result per passage, in order, with index and text', () => {
    const out = matchPassages(['Straßenbeleuchtung in der Altstadt.', 'Die Städtepartnerschaft mit Toulouse'], pack);
    expect(out.map((p) => [p.index, p.measures.length])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(out[1]?.text).toBe('Die Städtepartnerschaft mit Toulouse');
  });

  it('says why: score, lines, and the passage words that matched', () => {
    const text = 'Der Austausch mit unserer Partnerstadt Toulouse soll verstetigt werden.';
    const [m] = matchPassages([text], pack)[0]?.measures ?? [];
    expect(m).toMatchObject({ id: 'KW21-7', lines: [7, 8] });
    expect(m?.score).toBeGreaterThanOrEqual(0.5);
    expect(m?.terms).toContain('Toulouse');
    expect(m?.terms).toContain('Partnerstadt');
    for (const span of m?.spans ?? []) expect(m?.terms).toContain(text.slice(span.start, span.end));
  });

  it('finds related meaning written without the measure’s own words', () => {
    expect(ids('Die Stadt tritt dem Netzwerk Eurocities bei.')).toContain('KW21-13');
    expect(ids('Gemeinsam mit den Nachbarkreisen sollen mehr Interreg-Mittel eingeworben werden.')).toContain(
      'KW21-20',
    );
    expect(ids('Eine Verschwisterung mit Nijmegen wird geprüft.')).toContain('KW21-9');
    expect(ids('Die Klimapartnerschaft mit Tamale in Ghana wird fortgeführt.')).toContain('KW21-40');
    expect(ids('Das Welcome Center berät Neuzugezogene in zwölf Sprachen.')).toContain('KW21-25');
  });

  it('reads gender forms, compounds and inflections', () => {
    expect(ids('Sprachkurse für Mitarbeiter:innen der Stadtverwaltung werden angeboten.')).toContain('KW21-30');
    expect(ids('Der Anteil der Beschäftigten mit Migrationsgeschichte soll steigen.')).toContain('KW21-33');
    expect(ids('Die EU-Badegewässerrichtlinie prägt den Alltag am Rhein – das soll sichtbar werden.')).toContain(
      'KW21-22',
    );
  });

  it('does not take the same word in another meaning', () => {
    expect(ids('Die öffentlich-private Partnerschaft für das neue Hallenbad wird verlängert.')).toEqual([]);
    expect(ids('Der Austausch der Fenster im Rathaus beginnt im Mai.')).toEqual([]);
    expect(ids('Das Glasfasernetzwerk der Stadtwerke wird ausgebaut.')).toEqual([]);
    expect(ids('Die Sanierung der Europaschule ist abgeschlossen.')).toEqual([]);
    expect(ids('Die Artenvielfalt im Stadtwald und die Biodiversität der Wiesen sollen gefördert werden.')).toEqual([]);
    expect(ids('Airbus baut sein Werk in Toulouse aus; Zulieferer aus der Region profitieren.')).toEqual([]);
    expect(ids('Der Ausschuss für Europa und Internationales tagt am 3. März zur Kita-Sanierung.')).toEqual([]);
  });

  it('reports two measures when a passage touches two', () => {
    const text =
      'Mit Mitteln aus dem Programm Erasmus+ sollen Auszubildende der Stadtverwaltung ein Praktikum in unserer Partnerstadt Toulouse machen.';
    expect(ids(text).sort()).toEqual(['KW21-17', 'KW21-7']);
  });

  it('never throws and keeps spans inside the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        for (const p of matchPassages([s, `${s} Toulouse Partnerschaft ${s}`], pack)) {
          for (const m of p.measures) for (const sp of m.spans) expect(sp.end).toBeLessThanOrEqual(p.text.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('a resolution without a curated lexicon', () => {
  const source = readFileSync(new URL('../fixtures/resolutions/vk7_verkehr.txt', import.meta.url), 'utf8');
  const plain = createPack(source);

  it('loads and matches with terms drawn from its own measures', () => {
    expect(plain.measures.every((m) => !m.curated)).toBe(true);
    const out = matchPassages(
      [
        'Die Verwaltung soll prüfen, wie Carsharing-Stellplätze in Wohnquartieren ausgebaut werden können.',
        'Der Bebauungsplan Nr. 12 wird öffentlich ausgelegt.',
      ],
      plain,
    );
    expect(out[0]?.measures.map((m) => m.id)).toContain('VK7-5');
    expect(out[1]?.measures).toEqual([]);
  });
});

describe('the matcher’s memory of words', () => {
  const source = readFileSync(new URL('../fixtures/resolutions/vk7_verkehr.txt', import.meta.url), 'utf8');
  const withCity = createPack(source, {
    code: 'VK7',
    measures: { 'VK7-3': { label: 'Partnerstadt Leiden', names: ['Leiden!'] } },
  });
  const leiden = (texts: string[]) =>
    matchPassages(texts, withCity).map((p) => p.measures.some((m) => m.id === 'VK7-3'));

  it('tells the city "Leiden" from the verb "leiden", whichever comes first', () => {
    expect(leiden(['Viele Familien leiden unter dem Lärm.', 'Die Städtepartnerschaft mit Leiden wächst.'])).toEqual([
      false,
      true,
    ]);
    expect(leiden(['Die Städtepartnerschaft mit Leiden wächst.', 'Viele Familien leiden unter dem Lärm.'])).toEqual([
      true,
      false,
    ]);
  });
});
