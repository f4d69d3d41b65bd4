import { describe, expect, it } from 'vitest';
import { colourHighlightCss, highlightCss } from '@/components/content/palette';
import { viewerHighlightRules } from '@/components/viewer/viewerHighlights';

const named = (css: string) => [...css.matchAll(/::highlight\((ratsmarker-\d+)\)/g)].map((m) => m[1]);

describe('the PDF viewer’s highlight colours', () => {
  it('styles the active packs’ colours only', () => {
    expect(viewerHighlightRules([0])).toBe(colourHighlightCss(0));
    expect(named(viewerHighlightRules([3, 0, 3]))).toEqual([
      ...named(colourHighlightCss(0)),
      ...named(colourHighlightCss(3)),
    ]);
    expect(viewerHighlightRules([])).toBe('');
  });

  it('styles every colour when the list is missing or not a list of palette entries', () => {
    for (const stored of [undefined, null, '0', [0.5], [-1], [8], [{}]])
      expect(viewerHighlightRules(stored)).toBe(highlightCss());
  });
});
