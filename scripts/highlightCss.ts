/**
 * `npx tsx scripts/highlightCss.ts` writes entrypoints/content/style.css from the palette
 * (a unit test checks that the two agree).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { highlightCss } from '../components/content/palette';

export const HEADER = `/* Highlight colours of the packs, one slot per pack colour and measure shade (written by
   scripts/highlightCss.ts from components/content/palette.ts). Injected as a content-script stylesheet,
   so the page's DOM stays as it was. */
`;
export const FOOTER = `mark.ratsmarker-mark {
  color: inherit;
  padding: 0;
}
`;

export const contentCss = () => `${HEADER}${highlightCss()}\n${FOOTER}`;

if (process.argv[1] === fileURLToPath(import.meta.url))
  writeFileSync(new URL('../entrypoints/content/style.css', import.meta.url), contentCss());
