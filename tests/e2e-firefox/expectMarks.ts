import { expect } from 'vitest';
import type { PageExpectation } from '../e2e/expectations';
import { waitFor } from './firefox';
import type { CouncilPage } from './pages/councilPage';

/**
 * Checks a council page against the expectations shared with the Chromium
 * suite; `paint` says where the highlighted words are: CSS Custom Highlights,
 * or the `<mark>` fallback.
 */
export async function expectMarks(rm: CouncilPage, expected: PageExpectation, paint: 'highlight' | 'mark') {
  for (const m of expected.marked) {
    // A page that loads its text late is covered a little later.
    const blocks = await waitFor(async () => {
      const b = await rm.blocksWith(m.measure);
      return b.some((t) => t.includes(m.text)) && b;
    }, `a block with ${m.measure} containing "${m.text}"`);
    if (m.total !== undefined) expect(blocks).toHaveLength(m.total);
    if (m.withText !== undefined) expect(blocks.filter((t) => t.includes(m.text))).toHaveLength(m.withText);
  }
  for (const text of expected.unmarked ?? []) expect(await rm.paragraphIsMarked(text)).toBe(false);
  if (expected.badge) await rm.badge(expected.badge);
  if (expected.badges === 0) {
    await new Promise((r) => setTimeout(r, 300));
    expect(await rm.countMarkedBlocks()).toBe(0);
  }
  if (expected.badges !== undefined) expect(await rm.badges()).toHaveLength(expected.badges);
  const painted = paint === 'highlight' ? await rm.highlightedTexts() : await rm.markedTexts();
  for (const [name, word] of Object.entries(expected.painted ?? {})) expect(painted[name]).toContain(word);
}
