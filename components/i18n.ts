import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';
import { fillMessage, type PageStrings, pageStringsFrom } from './pageStrings';

/** A message key of locales/*.json (typed by @wxt-dev/i18n). */
export type MessageKey = keyof GeneratedI18nStructure;

declare global {
  // On council pages: the strings the background stored for pages (see pageStrings.ts), read with the page's
  // startup read, in the content script's world, where the radar and the extras (own bundles, own copies of
  // this module) find them too. Extension pages have none and ask the browser, whose catalogue is theirs already.
  var __ratsmarkerStrings: PageStrings | undefined;
}

/** Council pages: use the strings stored for pages from now on (a key they lack is still asked of the browser). */
export function useStoredStrings(value: unknown): void {
  globalThis.__ratsmarkerStrings = pageStringsFrom(value);
}

/** The UI string for `key` in the browser's language (German first, English otherwise). */
export function t(key: MessageKey, substitutions?: string | readonly string[]): string {
  const subs =
    substitutions === undefined ? undefined : typeof substitutions === 'string' ? [substitutions] : [...substitutions];
  const template = globalThis.__ratsmarkerStrings?.[key];
  if (template !== undefined) return fillMessage(template, subs ?? []) || key;
  // The browser's own lookup, as @wxt-dev/i18n's `t` makes it for keys without dots and plurals (all of ours),
  // without that wrapper's code in every page's bundle.
  const getMessage = browser.i18n.getMessage as (k: string, s?: string[]) => string;
  return getMessage(key, subs) || key;
}

/** A core error (code and parameters, see utils/i18n/messages.ts) in the reader's language. */
export function errorText(error: unknown): string {
  const e = error as { code?: string; params?: readonly string[]; line?: number; message?: string };
  if (!e?.code) return String(e?.message ?? error);
  const text = t(e.code as MessageKey, e.params ?? []);
  return e.line && e.line > 0 ? t('errAtLine', [String(e.line), text]) : text;
}

/** Marks an extension page with the language its strings are in (the catalogue the browser chose). */
export function markPageLanguage(doc: Document = document): void {
  doc.documentElement.lang = t('uiLanguage');
}
