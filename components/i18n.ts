import { type GeneratedI18nStructure, i18n } from '#i18n';

/** A message key of locales/*.json (typed by @wxt-dev/i18n). */
export type MessageKey = keyof GeneratedI18nStructure;

/** The UI string for `key` in the browser's language (German first, English otherwise). */
export function t(key: MessageKey, substitutions?: string | readonly string[]): string {
  const translate = i18n.t as unknown as (k: string, s?: string[]) => string;
  const subs =
    substitutions === undefined ? undefined : typeof substitutions === 'string' ? [substitutions] : [...substitutions];
  return (subs ? translate(key, subs) : translate(key)) || key;
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
