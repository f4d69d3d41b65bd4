/**
 * `npx tsx scripts/highlightCss.ts` writes the highlight stylesheets from the palette (a unit test checks that
 * they agree with it):
 * - entrypoints/content/style.css, the content script's manifest stylesheet on every council page: the `<mark>`
 *   fallback's rules only.
 * - public/highlight-colours/<colour>.css, each pack colour's `::highlight()` rules, which the background
 *   registers for council pages for the active packs' colours only (components/background/highlightStyles.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { colourHighlightCss, markCss, PALETTE } from '../components/content/palette';

const WRITTEN = '(written by scripts/highlightCss.ts from components/content/palette.ts)';

export const contentCss =
  () => `/* The <mark> fallback's colours of the packs, one slot per pack colour and measure shade ${WRITTEN}.
   Injected as a content-script stylesheet, so the page's DOM stays as it was. The ::highlight() rules come
   per active colour from public/highlight-colours/. */
${markCss()}
mark.ratsmarker-mark {
  color: inherit;
  padding: 0;
}
`;

export const colourCss = (
  colour: number,
) => `/* Highlight colour ${colour} of the packs, in its five shades ${WRITTEN}. */
${colourHighlightCss(colour)}
`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = (path: string) => new URL(`../${path}`, import.meta.url);
  writeFileSync(at('entrypoints/content/style.css'), contentCss());
  mkdirSync(at('public/highlight-colours/'), { recursive: true });
  PALETTE.forEach((_, c) => {
    writeFileSync(at(`public/highlight-colours/${c}.css`), colourCss(c));
  });
}
