import { rmSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { MOTION, PAGE_EXPECTATIONS } from '../e2e/expectations';
import { expectMarks } from './expectMarks';
import { buildWithoutHighlightApi, firefoxForSuite } from './firefox';
import { CouncilPage } from './pages/councilPage';

let build: string | undefined;
const firefox = firefoxForSuite(() => {
  build = buildWithoutHighlightApi();
  return { extensionDir: build };
});

afterAll(() => {
  if (build) rmSync(build, { recursive: true, force: true });
});

test('without the CSS Custom Highlight API, <mark> elements paint the same words, and the page text stays as served', async () => {
  const expected = PAGE_EXPECTATIONS.find((p) => p.url === MOTION);
  if (!expected) throw new Error('no expectation for the motion');
  const rm = new CouncilPage(await firefox().openPage(MOTION));
  await rm.waitForScan();
  await expectMarks(rm, expected, 'mark');
  // Nothing went through the Highlight API (the page itself still has it).
  expect(await rm.highlightedTexts()).toEqual({});
  // Badges and cards work the same.
  await (await rm.badge(/^KW21 Z\. 7–8/)).click();
  expect(await rm.waitForCard('Toulouse')).toContain('KW21, Z. 7–8');
  // Without Ratsmarker's marks, badges, card and attributes, the text is the served text.
  const [cleaned, fresh] = await rm.page.evaluate(async () => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const ui of clone.querySelectorAll('[data-ratsmarker-ui]:not(mark)')) ui.remove();
    for (const mark of clone.querySelectorAll('mark[data-ratsmarker-ui]')) mark.replaceWith(...mark.childNodes);
    const html = await (await fetch(location.href)).text();
    return [clone.textContent, new DOMParser().parseFromString(html, 'text/html').body.textContent];
  });
  expect(cleaned).toBe(fresh);
});
