import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

// What every council page loads and evaluates before its first highlight, as built (`wxt build` before the e2e run).
const built = (file: string) => readFileSync(new URL(`../../.output/chrome-mv3/${file}`, import.meta.url));

test('the scripts that run in council pages stay small and bring no API polyfill', () => {
  const content = built('content-scripts/content.js');
  // Issue 13: at most 30 kB gzipped.
  expect(gzipSync(content, { level: 9 }).length).toBeLessThanOrEqual(30_000);
  // The webextension-polyfill (its API table and wrappers) is for extension pages and the background only.
  for (const file of ['content-scripts/content.js', 'radar.js', 'extras.js'])
    expect(built(file).toString(), file).not.toContain('should only be loaded in a browser extension');
  expect(built('background.js').toString()).toContain('should only be loaded in a browser extension');
});
