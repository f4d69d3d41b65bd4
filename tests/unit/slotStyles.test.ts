// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { highlightName, highlightRule } from '@/components/content/palette';
import { slotStyles } from '@/components/content/slotStyles';

// happy-dom's CSS parser does not know ::highlight() and leaves such rules out of a sheet: the text given to the
// adopted sheet is what the test reads.
const given: string[] = [];
beforeEach(() => {
  document.adoptedStyleSheets = [];
  document.head.replaceChildren();
  given.length = 0;
  vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation((text: string) => void given.push(text));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the highlight rules a page gets (slotStyles)', () => {
  it('puts in a slot’s rule when it is first painted, once, and none before', () => {
    const styles = slotStyles(document);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    styles.add(3);
    styles.add(3);
    styles.add(12);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    const rules = given.at(-1) ?? '';
    expect(rules.match(/::highlight\(/g)).toHaveLength(2);
    expect(rules).toContain(`::highlight(${highlightName(3)})`);
    expect(rules).toContain(`::highlight(${highlightName(12)})`);
  });

  it('falls back to a <style> element where a sheet cannot be adopted', () => {
    const doc = document.implementation.createHTMLDocument('Vorlage');
    Object.defineProperty(doc, 'adoptedStyleSheets', {
      get: () => [],
      set: () => {
        throw new Error('not allowed');
      },
    });
    slotStyles(doc).add(5);
    const style = doc.querySelector('style[data-ratsmarker-ui="styles"]');
    expect(style?.textContent).toContain(highlightRule(5));
  });
});
