import { describe, expect, it } from 'vitest';
import { shownMeasures } from '@/components/radar/shownMeasures';
import { kw21FromDisk } from '../../scripts/nodePacks';

describe('shownMeasures', () => {
  const kw21 = kw21FromDisk();
  const message = shownMeasures({ specs: [{ pack: kw21, colour: 2 }] as never });

  it('gives the agenda page every measure in the resolution’s order, with its reference and words', () => {
    expect(message.type).toBe('measures');
    expect(message.codes).toBe('KW21');
    expect(message.measures.map((m) => m.id)).toEqual(kw21.measures.map((m) => m.id));
    const seven = message.measures.find((m) => m.id === 'KW21-7');
    expect(seven).toMatchObject({ reference: 'KW21, Z. 7–8', colour: 2 });
    expect(seven?.label).toBe(kw21.measures.find((m) => m.id === 'KW21-7')?.lexicon.label);
    expect(seven?.source.startsWith('KW21 Internationale Zusammenarbeit')).toBe(true);
  });

  it('carries none of the matcher or the lexicon, and a fraction of the pack', () => {
    const text = JSON.stringify(message);
    expect(text).not.toContain('concepts');
    expect(text).not.toContain('"matcher"');
    expect(text.length).toBeLessThan(JSON.stringify(kw21).length / 2);
  });
});
