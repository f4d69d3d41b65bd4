import { browser } from 'wxt/browser';
import { highlightColoursItem, storedColours } from '../activeSpecs';
import { addedSitesItem } from '../backgroundChecks';
import { oneAfterAnother } from '../content/oneAfterAnother';
import {
  colourPagePatterns,
  colourSheets,
  hasRegisteredColours,
  highlightRegistration,
  type StyleScripting,
  syncHighlightStyles,
} from './highlightStyles';

/** The stylesheets of the active packs' colours; every colour's while the background has not written which. */
export async function activeColourSheets(): Promise<string[]> {
  return colourSheets(storedColours(await highlightColoursItem.getValue().catch(() => null)));
}

const pagePatterns = async () => colourPagePatterns(await addedSitesItem.getValue().catch(() => []));

/**
 * The stylesheets the background puts into a page with a content script it injects there („Diese Seite prüfen“,
 * an agenda read as a page): none where the page is one the registered colours go to (it got them as it loaded,
 * or, open as its site was added, from colourOpenTabs), so that its rules are not there twice.
 */
export async function coloursToInsert(url: string | undefined): Promise<string[]> {
  return hasRegisteredColours(url, await pagePatterns()) ? [] : activeColourSheets();
}

/**
 * Puts the colours into the open tabs of these pages now. A registered stylesheet comes with a page's load only,
 * but content scripts also go into pages already open: webext-dynamic-content-scripts puts them into a site's
 * open tabs as the reader adds the site (the reader then sees the page checked at once), and Firefox puts the
 * manifest's into open tabs as the extension is installed or updated.
 */
export async function colourOpenTabs(patterns: string[]): Promise<void> {
  const sheets = patterns.length > 0 ? await activeColourSheets() : [];
  if (sheets.length === 0) return;
  const tabs = await browser.tabs.query({ url: patterns });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.insertCSS({ target: { tabId: tab.id }, files: sheets }).catch(() => undefined),
    ),
  );
}

/**
 * Keeps the registered highlight colours (highlightStyles.ts) to the active packs and the pages the content
 * script runs on: whenever the active colours or the reader's added sites change, and when the extension is
 * installed or the browser starts (in case the browser lost the registration). One sync at a time, so that two
 * changes in a row cannot register the same id twice. Returns the sync, and what colours the open tabs of the
 * pages once the extension is installed or updated.
 */
export function keepHighlightStyles(): { sync: () => Promise<void>; colourOpenPages: () => Promise<void> } {
  const sync = oneAfterAnother(async () => {
    const [sheets, patterns] = await Promise.all([activeColourSheets(), pagePatterns()]);
    await syncHighlightStyles(browser.scripting as unknown as StyleScripting, highlightRegistration(sheets, patterns));
  });
  const run = () => void sync().catch((error) => console.warn('Ratsmarker: highlight colours', error));
  highlightColoursItem.watch(run);
  addedSitesItem.watch(run);
  return { sync, colourOpenPages: async () => colourOpenTabs(await pagePatterns()) };
}
