import { browser } from 'wxt/browser';
import { PAGE_STRINGS_KEY } from '../pageStrings';

// Each substitution stands as itself, so that the page puts its own in (fillMessage in ../pageStrings.ts).
const SLOTS = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9'];

/**
 * Stores every message in the browser's language for council pages (see
 * ../pageStrings.ts); the background calls it when the extension is installed
 * or updated (new keys) and when the browser starts (the browser's language
 * changes only with a restart). The keys are read from the extension's own
 * default catalogue; every catalogue has the same keys (a unit test checks).
 */
export async function storePageStrings(): Promise<void> {
  const response = await fetch((browser.runtime.getURL as (path: string) => string)('/_locales/de/messages.json'));
  const keys = Object.keys((await response.json()) as Record<string, unknown>);
  const getMessage = browser.i18n.getMessage as (key: string, substitutions: string[]) => string;
  const messages: Record<string, string> = {};
  for (const key of keys) {
    const message = getMessage(key, SLOTS);
    if (message) messages[key] = message;
  }
  await browser.storage.local.set({ [PAGE_STRINGS_KEY]: messages });
}
