// Words that follow a hyphen at a line end as their own word: "Kultur-" / "und Sportvereine".
const AFTER_SUSPENDED_HYPHEN = /^(?:und|oder|bzw|sowie|als|bis|wie|noch|statt|beziehungsweise)\b/;

/**
 * How a printed line that ends in a hyphen goes on into the next, for web
 * pages and PDFs alike: "Städtefreund-" + "schaft" is one word without the
 * hyphen ('merge'); "EU-" + "Förderung" is one word with it ('keep');
 * "Kultur-" + "und Sport" is a suspended hyphen, two words (undefined, as
 * for any line that does not end in a hyphen after a letter).
 */
export function hyphenJoin(before: string, after: string): 'merge' | 'keep' | undefined {
  if (!/\p{L}-$/u.test(before)) return undefined;
  if (/^\p{Ll}/u.test(after)) return AFTER_SUSPENDED_HYPHEN.test(after) ? undefined : 'merge';
  return /^[\p{Lu}\d]/u.test(after) ? 'keep' : undefined;
}
