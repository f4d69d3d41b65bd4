import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMeasureIndex } from '@/components/content/measureIndex';
import { highlightName, highlightSlot, PALETTE, SHADES } from '@/components/content/palette';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { activePacksOf } from '@/utils/pipeline/activePacks';
import { contentCss } from '../../scripts/highlightCss';

describe('pack colours', () => {
  it('the content stylesheet has a rule for every slot (written from the palette)', () => {
    expect(readFileSync(join(process.cwd(), 'entrypoints/content/style.css'), 'utf8')).toBe(contentCss());
  });

  it('paints a pack’s matches in the colour chosen for it, measures in shades of it', () => {
    const [kw21] = activePacksOf([builtinKw21()]);
    const measures = createMeasureIndex([{ ...(kw21 as NonNullable<typeof kw21>), colour: 3 }]);
    const ids = builtinKw21().measures.map((m) => m.id);
    for (const id of ids) {
      expect(measures.colourOf(id)).toBe(3);
      expect(Math.floor(measures.slotOf(id) / SHADES.length)).toBe(3);
    }
    // Neighbouring measures differ in shade.
    expect(measures.slotOf(ids[0] as string)).not.toBe(measures.slotOf(ids[1] as string));
  });

  it('names highlights by number only: the page’s scripts can read the registry', () => {
    for (let c = 0; c < PALETTE.length; c++)
      for (let i = 0; i < 12; i++) expect(highlightName(highlightSlot(c, i))).toMatch(/^ratsmarker-\d+$/);
  });
});
