import { doesUrlMatchPatterns } from 'webext-patterns';
import { councilDocumentPatterns } from '@/utils/detect/councilHosts';
import { colourIndex, PALETTE } from '../content/palette';
import { ALL_COUNCIL_PAGES, grantsEveryHost } from '../content/readDecision';

/**
 * The highlight colours of council pages: the `::highlight()` rules of the active packs' colours only, as a
 * stylesheet the browser puts into each council page as it begins to load (a registered content script with
 * CSS only), not as every colour's rules in the manifest's content stylesheet.
 *
 * Why: each `::highlight()` rule in a page makes the browser work out every element's highlight styles on each
 * restyle of it, the page's own first styling included, on every council page, with matches or without. On the
 * benchmark's pages, a whole restyle with all 40 rules took 119 ms at 1 MB and 577 ms at 5 MB; with one colour's
 * five, 51 and 239 ms (without any, 23 and 107 ms), and the 5 MB page's own loading blocked the reader 380 ms less.
 *
 * Why registered and not put in by the content script when it paints: a sheet added to a page already styled
 * restyles all of it, inside the scan (built and measured: the 5 MB page's longest task went from 231 to 547 ms);
 * a registered stylesheet is there before the page's first styling, as the manifest's is. And the page's
 * scripts cannot list it (it is not among `document.styleSheets`, nor in the DOM). What they can find out, as
 * with the manifest's stylesheet before, is that a slot has a style (`getComputedStyle(el, '::highlight(…)')`):
 * now, which of the eight colours the reader gave the active packs, never a pack's name or measures.
 */

/** The id of the registration. */
export const HIGHLIGHT_STYLES_ID = 'ratsmarker-highlight-colours';

/** The stylesheet of a pack colour's five shades (public/highlight-colours/, written by scripts/highlightCss.ts). */
export const colourSheet = (colour: number): string => `/highlight-colours/${colourIndex(colour)}.css`;

/** The stylesheets of these palette entries (as stored: components/activeSpecs.ts), or of every colour when unknown. */
export function colourSheets(colours: readonly number[] | undefined): string[] {
  return (colours ?? PALETTE.map((_, c) => c)).map(colourSheet);
}

/**
 * The pages the colours go to: the known hosts' document pages, as the content script's, and each site the
 * reader added; where a grant covers every host, the products' pages on any host only (the content script reads
 * no other page there: content/readDecision.ts), so that no other website gets them.
 */
export function colourPagePatterns(addedSites: readonly string[]): string[] {
  return [...new Set([...councilDocumentPatterns(), ...sitePatterns(addedSites)])];
}

/** The pages of added sites the colours go to (see colourPagePatterns). */
export function sitePatterns(addedSites: readonly string[]): string[] {
  return [...new Set(addedSites.flatMap((p) => (grantsEveryHost(p) ? ALL_COUNCIL_PAGES : [p])))];
}

/** Whether a page at `url` got the registered colours as it loaded (then a content script put in later needs none). */
export function hasRegisteredColours(url: string | undefined, patterns: readonly string[]): boolean {
  return url !== undefined && /^https?:/.test(url) && doesUrlMatchPatterns(url, ...patterns);
}

/** A registered content script, as far as this one is concerned (Chrome's and Firefox's `scripting`). */
export interface StyleRegistration {
  id: string;
  matches?: string[];
  css?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** The part of `browser.scripting` this needs. */
export interface StyleScripting {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<StyleRegistration[]>;
  registerContentScripts(scripts: StyleRegistration[]): Promise<unknown>;
  updateContentScripts(scripts: StyleRegistration[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

/**
 * What should be registered: the sheets of the active colours on the pages the content script runs on (the
 * known hosts' document pages and the reader's added sites), or nothing when no pack is active or no page.
 * `document_start`: Firefox puts a registered script's CSS in at its runAt (Chrome always at the start); in the
 * top frame only, as the content script runs.
 */
export function highlightRegistration(
  sheets: readonly string[],
  matches: readonly string[],
): StyleRegistration | undefined {
  if (sheets.length === 0 || matches.length === 0) return undefined;
  return {
    id: HIGHLIGHT_STYLES_ID,
    matches: [...matches],
    css: [...sheets],
    runAt: 'document_start',
    allFrames: false,
    persistAcrossSessions: true,
  };
}

// The browsers give a registration back in their own form: Chrome its patterns sorted and without duplicates,
// the files without the leading slash (Firefox likewise, or as URLs of the extension): compared as sets of paths.
const pathOf = (file: string) => file.replace(/^[a-z-]+:\/\/[^/]+/, '').replace(/^\/?/, '/');
const sameSet = (a: readonly string[] = [], b: readonly string[] = [], norm = (s: string) => s) => {
  const x = new Set(a.map(norm));
  const y = new Set(b.map(norm));
  return x.size === y.size && [...x].every((item) => y.has(item));
};

/**
 * Brings the browser's registration to `wanted` (from highlightRegistration): registers, updates or removes
 * it, and leaves it alone when it is already so (the registration persists across the browser's restarts, and
 * each change of it costs the browser a write). Returns what it did.
 */
export async function syncHighlightStyles(
  scripting: StyleScripting,
  wanted: StyleRegistration | undefined,
): Promise<'registered' | 'updated' | 'removed' | 'unchanged'> {
  const [current] = await scripting.getRegisteredContentScripts({ ids: [HIGHLIGHT_STYLES_ID] });
  if (!wanted) {
    if (!current) return 'unchanged';
    await scripting.unregisterContentScripts({ ids: [HIGHLIGHT_STYLES_ID] });
    return 'removed';
  }
  if (!current) {
    await scripting.registerContentScripts([wanted]);
    return 'registered';
  }
  if (sameSet(current.css, wanted.css, pathOf) && sameSet(current.matches, wanted.matches)) return 'unchanged';
  // What can change: the other fields stay as registered.
  await scripting.updateContentScripts([{ id: HIGHLIGHT_STYLES_ID, matches: wanted.matches, css: wanted.css }]);
  return 'updated';
}
