// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { passagesInView } from '@/components/content/passagesInView';

/** Passages of `height` px one under the other, the page scrolled by `scrolled` px; counts the boxes read. */
function page(count: number, height: number, scrolled = 0) {
  const reads = { count: 0 };
  const passages = Array.from({ length: count }, (_, i) => {
    const block = document.createElement('p');
    block.getBoundingClientRect = () => {
      reads.count++;
      const top = i * height - scrolled;
      return { top, bottom: top + height, left: 0, right: 100, width: 100, height, x: 0, y: top } as DOMRect;
    };
    return { blocks: [block] };
  });
  return { passages, reads };
}

describe('the passages in view, matched first', () => {
  it('are those in the window and half a screen beyond, found with a few box reads on a long page', () => {
    const { passages, reads } = page(15_000, 20);
    const view = passagesInView(passages, { top: 0, bottom: 600 });
    // Half a screen below the window: those beginning at 900 px or above, passages 0 … 45.
    expect(view).toEqual(Array.from({ length: 46 }, (_, i) => i));
    expect(reads.count).toBeLessThan(70);
  });

  it('follow the reader down the page', () => {
    const { passages } = page(1_000, 20, 10_000);
    const view = passagesInView(passages, { top: 0, bottom: 600 });
    // From the one ending 300 px above the window (passage 484) to the one beginning 300 px below it (545).
    expect(view[0]).toBe(484);
    expect(view.at(-1)).toBe(545);
  });

  it('are none when the view holds more than a first look (then the page is matched in its order)', () => {
    const { passages } = page(1_000, 2);
    expect(passagesInView(passages, { top: 0, bottom: 600 })).toEqual([]);
  });
});
