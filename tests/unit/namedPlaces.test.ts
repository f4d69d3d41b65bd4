import { describe, expect, it } from 'vitest';
import { matchPassages } from '@/utils/matcher/matchPassages';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { namedPlaceTokens } from '@/utils/text/namedPlaces';
import { tokenize } from '@/utils/text/tokenize';

/** The words of `text` that the rules take for the name of a thing called after a place. */
function masked(text: string): string[] {
  const tokens = tokenize(text);
  return [...namedPlaceTokens(text, tokens)]
    .sort((a, b) => a - b)
    .map((i) => text.slice(tokens[i]?.start, tokens[i]?.end));
}

// Sentences written for this test, in the voice of council documents of other cities.
describe('names of things called after a place', () => {
  it('finds hotels, streets, canals, districts and competitions named after a place', () => {
    expect(masked('Der Bebauungsplan für das frühere Kino Amsterdam am Ring wird geändert.')).toEqual(['Amsterdam']);
    expect(masked('Die Haltestelle am Europaplatz und die Brücke am Rhein-Herne-Kanal werden saniert.')).toEqual([
      'Europaplatz',
      'Herne',
      'Kanal',
    ]);
    expect(masked('Die Europa-Allee wird zur Fahrradstraße.')).toEqual(expect.arrayContaining(['Europa', 'Allee']));
    expect(masked('In der Toulouser Allee entstehen 40 Wohnungen.')).toEqual(['Toulouser']);
    expect(masked('Im Französischen Viertel wird das Pflaster erneuert.')).toEqual(['Französischen']);
    expect(masked('Für das Spiel in der Conference League und im Europa-Pokal gilt ein Glasverbot.')).toEqual([
      'Conference',
      'League',
      'Europa',
      'Pokal',
    ]);
  });

  it('finds where a business comes from', () => {
    expect(masked('Die Bäume liefert ein belgischer Baumschulbetrieb.')).toEqual(['belgischer']);
    expect(masked('Den Zuschlag erhielt ein Projektentwickler aus den Niederlanden.')).toEqual(['Niederlanden']);
  });

  it('leaves places that are places alone', () => {
    for (const text of [
      'Die Städtepartnerschaft mit Toulouse wird mit einem Schüleraustausch belebt.',
      'Eine niederländische Partnerstadt, etwa Haarlem, bringt den Austausch näher.',
      'Europa setzt strenge Regeln für die Badeseen, etwa den Baggersee im Norden.',
      'Der EU-Binnenmarkt und der Arbeitsmarkt in der Euregio Rhein-Maas-Nord.',
      'Das Welcome Center berät Neuzugezogene in zwölf Sprachen.',
    ])
      expect(masked(text), text).toEqual([]);
  });

  it('keeps such names from counting as evidence, while the measure still matches real partnerships', () => {
    const pack = builtinKw21();
    const ids = (text: string) => matchPassages([text], pack)[0]?.measures.map((m) => m.id) ?? [];
    expect(
      ids('Die Sanierung des Europakanals und des Europaplatzes beginnt im Mai; die EU fördert sie vor Ort.'),
    ).not.toContain('KW21-22');
    expect(
      ids('Der Pachtvertrag für das Hotel Europa am Bahnhof wird verlängert; gefeiert wird das Jubiläum.'),
    ).toEqual([]);
    expect(
      ids(
        'Für die Begrünung bestellt das Grünflächenamt 20.000 Blumenzwiebeln bei einem niederländischen Gartenbaubetrieb als Partner.',
      ),
    ).toEqual([]);
    expect(
      ids('Die Stadt sucht eine Partnerschaft mit einer Gemeinde in den Niederlanden, etwa Venlo oder Nijmegen.'),
    ).toContain('KW21-9');
  });
});
