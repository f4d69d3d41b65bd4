import { HIGHLIGHT_COLOURS_KEY, storedColours } from '../activeSpecs';
import { colourHighlightCss, highlightCss } from '../content/palette';
import { readLocal } from '../content/readLocal';

/**
 * The viewer's `::highlight()` rules: those of the active packs' colours, as the background wrote them, or every
 * colour's when that is missing or unreadable (a viewer opened before the background first wrote it).
 *
 * Why not every colour always: each such rule makes the browser work out every element's highlight styles on
 * each restyle, and the viewer of a 50-page PDF has some 7,700 elements. A/B, eight opens each: a whole restyle
 * (as a switch to dark mode makes) 107 → 57 ms with one colour's five rules instead of 40; reading and matching
 * every page took the same within the noise.
 */
export function viewerHighlightRules(stored: unknown): string {
  const colours = storedColours(stored);
  return colours ? colours.map(colourHighlightCss).join('\n') : highlightCss();
}

/** Puts the rules into the viewer (a constructed sheet), before its first page is drawn. */
export async function styleViewerHighlights(doc: Document): Promise<void> {
  const stored = await readLocal([HIGHLIGHT_COLOURS_KEY]).then(
    (read) => read[HIGHLIGHT_COLOURS_KEY],
    () => undefined,
  );
  const sheet = new (doc.defaultView ?? globalThis).CSSStyleSheet();
  sheet.replaceSync(viewerHighlightRules(stored));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
