// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBadge } from '@/components/content/badge';
import { createCardLayer, placeCard } from '@/components/content/card';
import { createHighlighter } from '@/components/content/highlighter';
import { stepIndex } from '@/components/content/stepIndex';
import { loadTestMarks, resetTestMarks } from '@/components/content/testMarks';
import { CARD_STRINGS } from './helpers/cardStrings';

describe('placeCard', () => {
  const viewport = { width: 1000, height: 800, scrollX: 0, scrollY: 100 };
  const card = { width: 400, height: 300 };

  it('puts the card below the passage when there is room', () => {
    expect(placeCard({ top: 100, bottom: 150, left: 50, right: 600 }, card, viewport)).toEqual({ top: 258, left: 50 });
  });

  it('puts it above when there is no room below', () => {
    expect(placeCard({ top: 450, bottom: 700, left: 50, right: 600 }, card, viewport)).toEqual({ top: 242, left: 50 });
  });

  it('puts it beside when there is no room above or below, never over the passage', () => {
    const pos = placeCard({ top: 200, bottom: 650, left: 20, right: 500 }, card, viewport);
    expect(pos.left).toBeGreaterThanOrEqual(500);
  });
});

describe('the <mark> fallback', () => {
  it('wraps and unwraps ranges that span several nodes, leaving the text as it was', () => {
    document.body.innerHTML = '<p id="p">Die <b>Städte</b>partnerschaft</p>';
    const p = document.getElementById('p') as HTMLElement;
    const h = createHighlighter(document);
    // happy-dom has no CSS Custom Highlight API, as some content scripts do not.
    expect(h.kind).toBe('mark');
    const range = document.createRange();
    range.setStart((p.querySelector('b') as HTMLElement).firstChild as Text, 0);
    range.setEnd(p.lastChild as Text, 'partner'.length);
    h.add(0, range);
    expect([...p.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Städte', 'partner']);
    expect(p.textContent).toBe('Die Städtepartnerschaft');
    h.remove(0, range);
    expect(p.querySelectorAll('mark')).toHaveLength(0);
    expect(p.textContent).toBe('Die Städtepartnerschaft');
  });
});

describe('badge and card', () => {
  // Open shadow roots (the test switch), so the test can look inside; closed ones: contentPrivacy.test.ts.
  beforeAll(() => loadTestMarks(async () => true));
  afterAll(() => resetTestMarks());
  it('build their content from text only, so page text cannot become markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { host, button } = createBadge(
      document,
      [{ short: 'KW21 · Z. 7–8', spoken: 'KW21 Z. 7–8', terms: [hostile], colour: 0 }],
      (a, b) => `${a}: ${b}`,
    );
    document.body.append(host);
    expect(button.getAttribute('aria-label')).toBe(`KW21 Z. 7–8: ${hostile}`);
    expect(host.shadowRoot?.querySelector('img')).toBeNull();
    const cards = createCardLayer(document);
    cards.open(
      button,
      { top: 0, bottom: 10, left: 0, right: 10 },
      [{ label: hostile, reference: 'KW21, Z. 7–8', text: hostile, terms: [hostile], colour: 0, source: hostile }],
      CARD_STRINGS,
    );
    const layer = document.querySelector('[data-ratsmarker-ui="card"]');
    expect(layer?.shadowRoot?.querySelector('img')).toBeNull();
    expect(layer?.shadowRoot?.textContent).toContain(hostile);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    cards.close();
    expect(document.querySelector('[data-ratsmarker-ui="card"]')).toBeNull();
  });
});

describe('stepIndex (next and previous match)', () => {
  it('starts at the first or the last match when none has the focus', () => {
    expect(stepIndex(-1, 4, 1)).toBe(0);
    expect(stepIndex(-1, 4, -1)).toBe(3);
  });
  it('steps from the focused match and wraps round at either end', () => {
    expect(stepIndex(1, 4, 1)).toBe(2);
    expect(stepIndex(3, 4, 1)).toBe(0);
    expect(stepIndex(0, 4, -1)).toBe(3);
    expect(stepIndex(2, 4, -1)).toBe(1);
    expect(stepIndex(0, 1, 1)).toBe(0);
  });
});
