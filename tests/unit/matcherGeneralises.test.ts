import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compoundPhrase, headWords } from '@/utils/matcher/compoundParaphrase';
import { matchPassages } from '@/utils/matcher/matchPassages';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { createPack } from '@/utils/pack/loadPack';
import type { MeasureLexicon } from '@/utils/pack/types';
import { withLanguageLists } from '@/utils/text/languageLists';
import { leadInsOf } from '@/utils/text/listItems';
import { withNegatedGerman } from '@/utils/text/negatedGerman';
import { organisationNameTokens } from '@/utils/text/organisationNames';
import { tokenize } from '@/utils/text/tokenize';

// The mechanisms that carry the matcher to wording it was not tuned on (issue 15), each shown with a
// pack of its own, so the test is about the mechanism and not about KW21's lexicon.
const source = readFileSync(new URL('../fixtures/resolutions/vk7_verkehr.txt', import.meta.url), 'utf8');
const packWith = (lexicon: MeasureLexicon) => createPack(source, { code: 'VK7', measures: { 'VK7-3': lexicon } });
const hits = (lexicon: MeasureLexicon, texts: string[]) =>
  matchPassages(texts, packWith(lexicon)).map((p) => p.measures.some((m) => m.id === 'VK7-3'));

describe('a prefix term stands as the head of a compound', () => {
  const lexicon = { label: 'x', concepts: { neu: ['Zugewandert*'], amt: ['Bürgeramt'] }, match: [['neu', 'amt']] };

  it('finds "Neuzugewanderte" and "Videodolmetschen" by "Zugewandert*" and "Dolmetsch*"', () => {
    expect(hits(lexicon, ['Das Bürgeramt berät Neuzugewanderte.', 'Das Bürgeramt berät Zugewanderte.'])).toEqual([
      true,
      true,
    ]);
    const dolmetschen = { label: 'x', concepts: { d: ['Dolmetsch*'], amt: ['Bürgeramt'] }, match: [['d', 'amt']] };
    expect(hits(dolmetschen, ['Im Bürgeramt gibt es Videodolmetschen.'])).toEqual([true]);
  });

  it('only after a modifier of three letters, and only for prefixes of five or more', () => {
    const short = { label: 'x', concepts: { z: ['Zug*'], amt: ['Bürgeramt'] }, match: [['z', 'amt']] };
    expect(hits(short, ['Das Bürgeramt liegt am Vorortzug.', 'Das Bürgeramt liegt am Zugang.'])).toEqual([false, true]);
    expect(hits(lexicon, ['Das Bürgeramt berät Unzugewanderte.'])).toEqual([false]);
  });
});

describe('a compound of the lexicon is found written as a phrase', () => {
  const lexicon = {
    label: 'x',
    concepts: { austausch: ['Austausch', 'Fachkräfteaustausch'], ausland: ['Ausland*'] },
    match: [['austausch', 'ausland']],
  };
  const strict = { label: 'x', concepts: { f: ['Fachkräfteaustausch'], a: ['Ausland*'] }, match: [['f', 'a']] };

  it('splits a compound at a head the lexicon knows as a word', () => {
    const heads = headWords(['Austausch', 'Fachkräfteaustausch', 'Partnerschaft', 'Asien']);
    expect(compoundPhrase('Fachkräfteaustausch', heads)).toBe('Austausch Fachkräfte');
    expect(compoundPhrase('Verwaltungsaustausch', heads)).toBe('Austausch Verwaltung');
    expect(compoundPhrase('Städtepartnerschaft', heads)).toBe('Partnerschaft Städte');
    // No head the lexicon knows, a modifier too short to be a word, or term syntax: no phrase.
    expect(compoundPhrase('Gymnasien', heads)).toBeUndefined();
    expect(compoundPhrase('Fachkräfte', heads)).toBeUndefined();
    expect(compoundPhrase('fachkräfteaustausch*', heads)).toBeUndefined();
    expect(compoundPhrase('=Fachkräfteaustausch', heads)).toBeUndefined();
  });

  it('matches "Austausch von Fachkräften" for "Fachkräfteaustausch"', () => {
    expect(
      hits({ ...strict, concepts: { ...strict.concepts, other: ['Austausch'] } }, [
        'Ein Austausch von Fachkräften mit dem Ausland ist geplant.',
        'Ein Austausch der Fenster mit Glas aus dem Ausland ist geplant.',
      ]),
    ).toEqual([true, false]);
    expect(hits(lexicon, ['Ein Fachkräfteaustausch mit dem Ausland ist geplant.'])).toEqual([true]);
  });
});

describe('a list of languages means "in several languages"', () => {
  const lexicon = { label: 'x', concepts: { m: ['mehrsprachig*'], amt: ['Bürgeramt'] }, match: [['m', 'amt']] };
  const words = (text: string) => withLanguageLists(text, tokenize(text)).map((t) => t.norm);

  it('stands "mehrsprachig" after two or more languages or a count of languages', () => {
    expect(words('Merkblätter in Englisch, Arabisch und Ukrainisch')).toContain('mehrsprachig');
    expect(words('auf Deutsch oder Türkisch')).toContain('mehrsprachig');
    expect(words('in zwölf Sprachen')).toContain('mehrsprachig');
    expect(words('in 14 Sprachen')).toContain('mehrsprachig');
    expect(words('in englischer und arabischer Sprache')).toContain('mehrsprachig');
  });

  it('not for one language, for nationalities, or for languages learnt', () => {
    expect(words('Merkblätter in Englisch')).not.toContain('mehrsprachig');
    expect(words('viele türkische und arabische Familien')).not.toContain('mehrsprachig');
    expect(words('Kurse in Spanisch und Polnisch')).not.toContain('mehrsprachig');
    expect(words('Kenntnisse in Englisch und Französisch')).not.toContain('mehrsprachig');
    expect(words('Englisch- und Französischkenntnisse')).not.toContain('mehrsprachig');
  });

  it('matches a term for "mehrsprachig", highlighting the languages named, past the candidate filter', () => {
    const text = 'Das Bürgeramt gibt Merkblätter in Dari, Farsi und Tigrinya aus.';
    const [result] = matchPassages([text], packWith(lexicon));
    const m = result?.measures.find((x) => x.id === 'VK7-3');
    expect(m?.terms).toContain('Dari, Farsi und Tigrinya');
    expect(hits(lexicon, ['Das Bürgeramt gibt Merkblätter in Dari aus.'])).toEqual([false]);
  });
});

describe('a negated "Deutsch" is read as a negation, not looked up as a phrase', () => {
  const words = (text: string) => withNegatedGerman(tokenize(text)).map((t) => t.norm);
  const lexicon = {
    label: 'x',
    concepts: { wer: ['nichtdeutschsprachig*'], amt: ['Bürgeramt'] },
    match: [['wer', 'amt']],
  };

  it('in any of its forms', () => {
    for (const text of [
      'Eltern, die noch kein Deutsch sprechen',
      'Menschen ohne ausreichende Deutschkenntnisse',
      'wer kaum Deutsch spricht',
      'deren Muttersprache nicht Deutsch ist',
      'Personen mit geringen Deutschkenntnissen',
      'Kinder ohne deutsche Staatsangehörigkeit',
    ])
      expect(words(text), text).toContain('nichtdeutschsprachig');
  });

  it('not where German is not negated, or only "not only" German', () => {
    for (const text of [
      'Beratung auf Deutsch und Englisch',
      'nicht nur auf Deutsch, sondern auch auf Englisch',
      'Deutschkenntnisse werden vorausgesetzt',
      'Die Stadt ist nicht in Deutschland.',
    ])
      expect(words(text), text).not.toContain('nichtdeutschsprachig');
  });

  it('matches a lexicon term for it', () => {
    expect(
      hits(lexicon, [
        'Das Bürgeramt hilft Menschen, die wenig Deutsch sprechen.',
        'Das Bürgeramt berät nicht nur auf Deutsch.',
      ]),
    ).toEqual([true, false]);
  });
});

describe('list items take the context of their lead-in', () => {
  const lexicon = {
    label: 'x',
    concepts: { wer: ['Ausländerbehörde'], was: ['mehrsprachig*', 'Dolmetsch*'] },
    match: [['wer', 'was']],
  };
  const motion = [
    '3. Für Menschen, die neu in der Stadt sind, wird die Ausländerbehörde wie folgt ausgestattet:',
    'a) Formulare gibt es künftig in Englisch, Türkisch und Arabisch;',
    'b) für Vorsprachen wird ein Videodolmetschen eingerichtet.',
    '4. Die Sporthalle wird saniert; Formulare gibt es in Englisch und Polnisch.',
  ];

  it('finds the items of a lead-in, up to the next item of the list around it', () => {
    expect(leadInsOf(motion)).toEqual([-1, 0, 0, -1]);
    expect(leadInsOf(['Der Rat beschließt folgende Maßnahmen:', '– erstens', '– zweitens', 'Begründung'])).toEqual([
      -1, 0, 0, -1,
    ]);
    // A heading is no lead-in, and a paragraph after a lead-in is no item.
    expect(leadInsOf(['Begründung:', 'a) Die Stadt wächst.'])).toEqual([-1, -1]);
    expect(leadInsOf(['Die Verwaltung wird beauftragt, Folgendes zu prüfen:', 'Die Stadt wächst.'])).toEqual([-1, -1]);
  });

  it('matches an item with what the lead-in says once for all, but never a passage without its own evidence', () => {
    expect(hits(lexicon, motion)).toEqual([false, true, true, false]);
    // Alone, the items say nothing of the Ausländerbehörde.
    expect(hits(lexicon, motion.slice(1, 3))).toEqual([false, false]);
  });

  it('keeps the lead-in when a page is matched in batches', () => {
    const pack = packWith(lexicon);
    const second = matchPassages(motion.slice(2), pack, { preceding: motion.slice(0, 2) });
    expect(second.map((p) => p.measures.some((m) => m.id === 'VK7-3'))).toEqual([true, false]);
  });
});

describe('the name of a committee or office is no evidence', () => {
  const masked = (text: string) => {
    const tokens = tokenize(text);
    return [...organisationNameTokens(text, tokens)].map((i) => text.slice(tokens[i]?.start, tokens[i]?.end));
  };

  it('including an adjective written small inside the name', () => {
    expect(masked('im Ausschuss für internationale Angelegenheiten: Die Stadt')).toEqual([
      'internationale',
      'Angelegenheiten',
    ]);
    expect(masked('Das Amt für öffentliche Ordnung prüft internationale Kontakte.')).toEqual([
      'öffentliche',
      'Ordnung',
    ]);
  });
});

describe('KW21 on wording that differs from its lexicon', () => {
  const pack = builtinKw21();
  const ids = (text: string) => matchPassages([text], pack)[0]?.measures.map((m) => m.id) ?? [];

  it('finds the measure in paraphrases, derivations and lists', () => {
    expect(ids('Die Stadtwerke planen einen Austausch von Fachkräften mit ihrer Partnerstadt in Polen.')).toContain(
      'KW21-17',
    );
    expect(
      ids('Das Einwohnermeldeamt berät Neuzugewanderte künftig auch in Englisch, Türkisch und Arabisch.'),
    ).toContain('KW21-25');
    expect(ids('Die Stadtbibliothek bietet Vorlesestunden in Spanisch, Polnisch und Ukrainisch an.')).toContain(
      'KW21-28',
    );
    expect(ids('Die Stadt sucht eine Partnergemeinde in der Provinz Gelderland.')).toContain('KW21-9');
  });

  it('keeps apart what only shares the words', () => {
    // A committee's name, a country of origin, a language course, a country for its language.
    expect(ids('Im Ausschuss für internationale Angelegenheiten: Sanierung der Grundschule.')).toEqual([]);
    expect(ids('Die Stadtverwaltung bietet Praktika für Geflüchtete aus der Ukraine an.')).not.toContain('KW21-17');
    expect(ids('Die Volkshochschule bietet Kurse in Spanisch und Polnisch an.')).toEqual([]);
    expect(ids('Die Stadtverwaltung bietet Geflüchteten aus der Ukraine Beratung an.')).not.toContain('KW21-25');
  });
});
