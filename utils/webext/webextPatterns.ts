/**
 * webext-patterns as the extension's bundles import it (wxt.config.ts points `webext-patterns` here): the
 * library, with the two calls that cost the background hundreds of milliseconds answered the same way, cheaply.
 *
 * Why: webext-permission-toggle asks `isUrlPermittedByManifest` (webext-permissions) whenever a tab is
 * activated or finishes loading, and that
 * - drops the manifest's overlapping patterns with `excludeDuplicatePatterns`, which compares every pattern
 *   with every other, building a regular expression for each comparison: 160,000 of them for the manifest's
 *   some 400 patterns, 270–350 ms;
 * - then tests the tab's URL with `patternToRegex` of them all, one expression of 24,000 characters, which the
 *   first test compiles (more than 100 ms in a worker that has just woken).
 * Both ran on every council page the reader opened (found in CPU profiles of the worker), on one of a two-core
 * machine's cores while the page's own scan ran. Here each pattern is compiled once for the comparisons (which
 * are made only between patterns of hosts that can match), the answer for a list is kept (the manifest's does
 * not change while the worker runs), and the expression of a long list tests a URL against the patterns of its
 * host only (urlPatternTest.ts).
 */
import { patternToRegex as compile } from '../../node_modules/webext-patterns/index.js';
import { indexPatterns, urlPatternTest } from './urlPatternTest';

export * from '../../node_modules/webext-patterns/index.js';

const kept = new Map<string, readonly string[]>();
const regexes = new Map<string, RegExp>();

/** The patterns that no other of the list covers: the same answer as webext-patterns' own, in the same order. */
export function excludeDuplicatePatterns(matchPatterns: string[]): string[] {
  if (matchPatterns.includes('<all_urls>')) return ['<all_urls>'];
  if (matchPatterns.includes('*://*/*')) return ['*://*/*'];
  const unique = [...new Set(matchPatterns)];
  // A line break cannot stand in a valid pattern (an invalid one throws below, as in the library).
  const key = unique.join('\n');
  let answer = kept.get(key);
  if (!answer) {
    // Only the patterns whose host can match a pattern's own host part can cover it (a pattern is tested as
    // the text it is): a few per pattern, where the library compared all with all. Each pattern's expression is
    // made once (patternToRegex below keeps it).
    const index = indexPatterns(unique);
    answer = unique.filter(
      (subset) =>
        !(index?.candidates(subset) ?? unique).some(
          (superset) => superset !== subset && patternToRegex(superset).test(subset),
        ),
    );
    kept.set(key, answer);
  }
  return [...answer];
}

// Lists longer than this are tested by host; a short list's one expression is small enough to compile.
const BY_HOST_FROM = 16;

/**
 * The library's expression for the patterns, kept for the list. For a long list, an expression whose `test`
 * looks only at the patterns of the URL's host (the same answer); anything else it is asked (`exec`, `source`)
 * it answers as the library's expression, which it is.
 */
export function patternToRegex(...matchPatterns: readonly string[]): RegExp {
  const key = matchPatterns.join('\n');
  let regex = regexes.get(key);
  if (!regex) {
    regex = matchPatterns.length >= BY_HOST_FROM ? new PatternListRegExp(matchPatterns) : compile(...matchPatterns);
    regexes.set(key, regex);
  }
  return regex;
}

class PatternListRegExp extends RegExp {
  readonly #test: (url: string) => boolean;
  constructor(patterns: readonly string[]) {
    super(compile(...patterns));
    this.#test = urlPatternTest(patterns);
  }
  override test(url: string): boolean {
    return this.#test(String(url));
  }
}
