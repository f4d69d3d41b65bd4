import { browser } from 'wxt/browser';

/** A message key of public/_locales (typed by WXT from the German messages). */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** The UI string for `key` in the browser's language (German first, English otherwise). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
