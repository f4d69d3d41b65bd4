import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWord, normalizeWord } from '@/utils/text/normalize';
import { tokenize } from '@/utils/text/tokenize';

const norms = (text: string) => tokenize(text).map((t) => t.norm);
const stems = (text: string) => tokenize(text).map((t) => t.stem);

describe('tokenize', () => {
  it('reads every gender form as the base noun, spanning the whole written form', () => {
    for (const form of [
      'Bürger*innen',
      'Bürger:innen',
      'Bürger_innen',
      'BürgerInnen',
      'Bürger/-innen',
      'Bürger/innen',
      'Bürgerinnen',
    ]) {
      const [token, ...rest] = tokenize(form);
      expect(rest).toEqual([]);
      expect(token?.norm, form).toBe('bürger');
      expect(token?.end).toBe(form.length);
    }
  });

  it('keeps words that only end in -innen', () => {
    expect(norms('Wir beginnen innen')).toEqual(['wir', 'beginnen', 'innen']);
  });

  it('splits hyphenated compounds and keeps closed ones whole', () => {
    expect(norms('EU-Fördermittel und Badegewässerrichtlinie')).toEqual([
      'eu',
      'fördermittel',
      'und',
      'badegewässerrichtlinie',
    ]);
  });

  it('stems inflected forms alike', () => {
    expect(stems('Fördermitteln')).toEqual(stems('Fördermittel'));
    expect(stems('Partnerstädten')).toEqual(stems('Partnerstadt'));
    expect(stems('Europas')).toEqual(stems('Europa'));
    expect(stems('SDGs')).toEqual(stems('SDG'));
    expect(stems('niederländischen')).toEqual(stems('Niederlande'));
  });

  it('ignores soft hyphens and reads decomposed umlauts', () => {
    expect(norms('Städte\u00ADpartnerschaft')).toEqual(['städtepartnerschaft']);
    expect(norms('Sta\u0308dte')).toEqual(['städte']);
  });

  it('folds umlauts', () => {
    expect(foldWord('Größe')).toBe('grosse');
  });

  it('gives offsets that point at the words in the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        let last = 0;
        for (const t of tokenize(s)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(s.length);
          last = t.end;
        }
      }),
    );
  });

  it('folds each word as foldWord folds its normalised form, though it normalises it once (property)', () => {
    const letters = fc.constantFrom(...'aAäÄoÖöuÜüßẞeéÉèçCIi\u0308\u00ad\u200b *:-'.split(''));
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 60 }), fc.string({ maxLength: 40 }), (chars, s) => {
        for (const t of tokenize(chars.join('') + s)) expect(t.fold).toBe(foldWord(t.norm));
      }),
    );
  });

  it('composes an umlaut split by an invisible character, as one written whole (found by the property above)', () => {
    expect(normalizeWord('Sta\u200b\u0308dte')).toBe('städte');
    expect(normalizeWord('Sta\u00ad\u0308dte')).toBe(normalizeWord('Städte'));
    expect(tokenize('Sta\u00ad\u0308dte')[0]?.stem).toBe(tokenize('Städte')[0]?.stem);
  });

  it('normalises and folds as the full steps do, though it skips them for words that need none (property)', () => {
    const full = (w: string) =>
      w
        .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
        .normalize('NFC')
        .toLowerCase();
    const fold: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss', é: 'e', è: 'e', á: 'a', à: 'a', ç: 'c' };
    const letters = fc.constantFrom(
      ...'aAäÄoÖöuÜüßẞeéÉèçCIiİΣσ\u0308\u0301\u00ad\u00ac\u00ae\u02ff\u200b\u2060\ufeffǅ'.split(''),
    );
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 12 }), fc.string({ maxLength: 8 }), (chars, s) => {
        const w = chars.join('') + s;
        expect(normalizeWord(w)).toBe(full(w));
        expect(foldWord(w)).toBe(full(w).replace(/[äöüßéèáàç]/g, (c) => fold[c] ?? c));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads an abbreviation’s plural and an inner capital I only where the word ends so', () => {
    expect(tokenize('die NGOs und SDGs')[0 + 1]?.norm).toBe('ngo');
    expect(tokenize('BürgerInnen')[0]?.norm).toBe('bürger');
    expect(tokenize('Bus')[0]?.norm).toBe('bus');
    expect(tokenize('Innen')[0]?.norm).toBe('innen');
  });
});
