/**
 * The strings council pages show, in the browser's language, as the background
 * stored them (components/background/pageStrings.ts). A page reads them with its
 * startup read: the browser's own `i18n.getMessage` loads the extension's whole
 * catalogue the first time a page asks, through a synchronous round trip to the
 * browser process, which held a council page's main thread for 7 to 150 ms
 * (more the busier the machine) before its first badge.
 */
export const PAGE_STRINGS_KEY = 'pageStrings';

/** A message with `$1` … `$9` where its substitutions go. */
export type PageStrings = Readonly<Record<string, string>>;

/** The stored strings, or nothing when what is stored is not a record of strings (then the browser's are used). */
export function pageStringsFrom(stored: unknown): PageStrings | undefined {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
  for (const value of Object.values(stored)) if (typeof value !== 'string') return undefined;
  return stored as PageStrings;
}

/** A stored message with its substitutions in place (as the browser puts them: `$1` is the first). */
export function fillMessage(template: string, substitutions: readonly string[]): string {
  return template.replace(/\$([1-9])/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');
}
