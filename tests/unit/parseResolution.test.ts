import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLineReference, parseResolution, ResolutionParseError } from '@/utils/resolution/parseResolution';

const kw21 = readFileSync(new URL('../../packs/kw21/kw21.txt', import.meta.url), 'utf8');

describe('parseResolution on KW21', () => {
  const r = parseResolution(kw21);

  it('reads the heading and the header fields', () => {
    expect(r.code).toBe('KW21');
    expect(r.title).toBe('Internationale Zusammenarbeit');
    expect(r.body).toBe('Kreisvorstand');
    expect(r.date).toBe('05.02.2020');
    expect(r.dateIso).toBe('2020-02-05');
    expect(r.agendaItem).toBe('2.21. Internationale Zusammenarbeit');
  });

  it('reads lines 1–40 in order, each exactly as written', () => {
    expect(r.lines.map((l) => l.number)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const text = (n: number) => r.lines.find((l) => l.number === n)?.text;
    expect(text(1)).toBe('Die Menschen in Düsseldorf sind international, die Unternehmen sind es, die');
    expect(text(6)).toBe('Bürger*innen der Stadt an. Das wollen die GRÜNEN weiter verbessern.');
    expect(text(7)).toBe('• Europa kann so schön sein: Die Städtefreundschaft und der Austausch mit');
    expect(text(16)).toBe('einbeziehen – das ist wichtiger als Show-Auslandsreisen der Stadtpitze.');
    expect(text(36)).toBe('Förderung von Verwaltungsmitarbeiter*innen und Auszubildenden, die „People');
    expect(text(39)).toBe('Ziele für nachhaltige Entwicklung (SDGs)');
    expect(text(40)).toBe('• 17 Partnerschaften zur Erreichung der Ziele');
    expect(r.lines.find((l) => l.number === 36)?.blankBefore).toBe(true);
    expect(r.lines.every((l) => !/\\\*|\s$/.test(l.text))).toBe(true);
  });

  it('finds the eleven measures with their line ranges', () => {
    expect(r.measures.map((m) => [m.id, m.firstLine, m.lastLine])).toEqual([
      ['KW21-7', 7, 8],
      ['KW21-9', 9, 12],
      ['KW21-13', 13, 16],
      ['KW21-17', 17, 19],
      ['KW21-20', 20, 21],
      ['KW21-22', 22, 24],
      ['KW21-25', 25, 27],
      ['KW21-28', 28, 29],
      ['KW21-30', 30, 32],
      ['KW21-33', 33, 38],
      ['KW21-40', 40, 40],
    ]);
  });

  it('keeps the preamble and the heading apart from the measures', () => {
    expect(r.preamble).toMatchObject({ firstLine: 1, lastLine: 6 });
    expect(r.headings).toEqual([{ line: 39, text: 'Ziele für nachhaltige Entwicklung (SDGs)' }]);
    expect(r.measures.at(-1)?.heading).toBe('Ziele für nachhaltige Entwicklung (SDGs)');
    expect(r.measures[0]?.text).toBe(
      'Europa kann so schön sein: Die Städtefreundschaft und der Austausch mit Toulouse soll intensiviert und verstetigt werden.',
    );
    expect(r.measures.find((m) => m.id === 'KW21-33')?.text).toContain(
      'gezielte Förderung von Verwaltungsmitarbeiter*innen',
    );
    expect(r.warnings).toEqual([]);
  });

  it('formats line references as the UI cites them', () => {
    expect(formatLineReference('KW21', 7, 8)).toBe('KW21, Z. 7–8');
    expect(formatLineReference('KW21', 40, 40)).toBe('KW21, Z. 40');
  });
});

describe('parseResolution on other resolutions in the same format', () => {
  it('loads a resolution with another code, CRLF line ends and no "### Text"', () => {
    const text = [
      '## VK3 Verkehr in der Innenstadt',
      'Gremium: Mitgliederversammlung',
      'Beschlussdatum: 1.3.2021',
      '',
      '- 1 Die Innenstadt soll für alle erreichbar bleiben.',
      '- 2 • Radwege an der Königsallee sollen durchgehend',
      '3 geschützt werden.',
      '- 4 • Busse im Zehn-Minuten-Takt.',
    ].join('\r\n');
    const r = parseResolution(text);
    expect(r.code).toBe('VK3');
    expect(r.dateIso).toBe('2021-03-01');
    expect(r.measures.map((m) => m.id)).toEqual(['VK3-2', 'VK3-4']);
    expect(r.measures[0]?.text).toBe('Radwege an der Königsallee sollen durchgehend geschützt werden.');
  });

  it('joins a word split by a hyphen at the end of a line', () => {
    const r = parseResolution('## A1 Test\n- 1 • Die Stadt-\n2 verwaltung soll EU-\n3 Fördermittel nutzen.');
    expect(r.measures[0]?.text).toBe('Die Stadtverwaltung soll EU-Fördermittel nutzen.');
  });

  it('treats every paragraph as a measure when there are no bullets', () => {
    const r = parseResolution('## B2 Ohne Spiegelstriche\n1 Erster Absatz.\n2 Noch erster.\n\n3 Zweiter Absatz.');
    expect(r.measures.map((m) => [m.id, m.firstLine, m.lastLine])).toEqual([
      ['B2-1', 1, 2],
      ['B2-3', 3, 3],
    ]);
  });
});

describe('parseResolution errors say which line is wrong', () => {
  const lineOf = (text: string) => {
    try {
      parseResolution(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ResolutionParseError);
      return { line: (e as ResolutionParseError).line, message: (e as Error).message };
    }
    throw new Error('no error');
  };

  it('no heading', () => {
    const e = lineOf('\nGremium: Vorstand\n- 1 • Text');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/Überschrift/);
  });

  it('a heading without a code', () => {
    expect(lineOf('## Internationale Zusammenarbeit\n- 1 • Text').message).toMatch(/Kürzel/);
  });

  it('no numbered lines', () => {
    expect(lineOf('## KW1 Titel\nGremium: Vorstand\n').message).toMatch(/Keine nummerierten Zeilen/);
  });

  it('duplicate line numbers', () => {
    const e = lineOf('## KW1 Titel\n- 1 • A\n2 B\n2 C');
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/^Zeile 4: Zeilennummer 2 kommt doppelt vor/);
  });

  it('falling line numbers', () => {
    expect(lineOf('## KW1 Titel\n- 5 • A\n3 B').line).toBe(3);
  });

  it('text before the first numbered line', () => {
    expect(lineOf('## KW1 Titel\nGremium: X\nFreier Text ohne Nummer\n- 1 • A').line).toBe(3);
  });
});
