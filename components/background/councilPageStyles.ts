import { browser } from 'wxt/browser';
import { councilDocumentPatterns } from '@/utils/detect/councilHosts';
import { activeSpecsItem } from '../activeSpecs';
import { addedSitesItem } from '../backgroundChecks';
import { oneAfterAnother } from '../content/oneAfterAnother';
import { colourSheets, highlightRegistration, type StyleScripting, syncHighlightStyles } from './highlightStyles';

/** The stylesheets of the active packs' colours (for a content script the background puts into a page itself). */
export async function activeColourSheets(): Promise<string[]> {
  return colourSheets((await activeSpecsItem.getValue().catch(() => null))?.specs ?? []);
}

/**
 * Keeps the registered highlight colours (highlightStyles.ts) to the active packs and the pages the content
 * script runs on: whenever the background's reading of the packs or the reader's added sites change, and when
 * the extension is installed or the browser starts (in case the browser lost the registration). One sync at a
 * time, so that two changes in a row cannot register the same id twice.
 */
export function keepHighlightStyles(): () => Promise<void> {
  const sync = oneAfterAnother(async () => {
    const [sheets, added] = await Promise.all([activeColourSheets(), addedSitesItem.getValue()]);
    const wanted = highlightRegistration(sheets, [...councilDocumentPatterns(), ...added]);
    await syncHighlightStyles(browser.scripting as unknown as StyleScripting, wanted);
  });
  const run = () => void sync().catch((error) => console.warn('Ratsmarker: highlight colours', error));
  activeSpecsItem.watch(run);
  addedSitesItem.watch(run);
  return sync;
}
