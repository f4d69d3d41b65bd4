// The library itself, not the extension's alias of it (webextPatterns.ts), which is built on this.
import { allStarsRegex, allUrlsRegex, patternToRegex } from '../../node_modules/webext-patterns/index.js';

/**
 * Whether a URL matches any of a list of match patterns: the answer of webext-patterns' `doesUrlMatchPatterns`
 * (and of `patternToRegex(...list).test(url)`), without one expression of the whole list.
 *
 * Why: the manifest has some 400 patterns (20 hosts, each with its document, agenda and start-up pages). One
 * expression of them is 24,000 characters; the first test of a URL with it compiles it (some 65 ms in Node, more
 * than 100 ms in a service worker that has just woken), and `doesUrlMatchPatterns` builds an expression for
 * every pattern on every call. The background asks for every message a council page sends, and the per-site
 * toggle whenever a tab is activated or loaded: several hundred milliseconds of the worker, on one of a
 * two-core machine's cores, while the council page that woke it was being read.
 *
 * Here the patterns are filed by their host as written, and a URL is tested only against those whose host
 * can match its own (the same host; `*.` patterns whose rest ends it; `*`), with the library's own expression
 * for that handful, made once per handful. The answer is the library's: the patterns tested are all that could
 * match, and they are tested as the library tests them. A list with a pattern this does not read (no `://`) is
 * tested as one expression, as before.
 */
export function urlPatternTest(patterns: readonly string[]): (url: string) => boolean {
  let test = compiled.get(patterns);
  if (!test) {
    test = compile(patterns);
    compiled.set(patterns, test);
  }
  return test;
}

// Kept per list (by identity): the manifest's list is made once, the added sites' list anew when they change.
const compiled = new WeakMap<readonly string[], (url: string) => boolean>();

// A match pattern's scheme and host as the library reads them (the host is absent for file:///).
const PATTERN = /^([^:]+:\/\/)([^/]+)?\//;
// A URL's scheme and everything up to the path: what a pattern's host part is matched against.
const AUTHORITY = /^[^:]+:\/\/([^/]*)/;

function compile(patterns: readonly string[]): (url: string) => boolean {
  // The two catch-alls as doesUrlMatchPatterns reads them.
  const allUrls = patterns.includes('<all_urls>');
  const allStars = patterns.includes('*://*/*');
  const rest = patterns.filter((p) => p !== '<all_urls>' && p !== '*://*/*');
  const catchAll = (url: string) => (allUrls && allUrlsRegex.test(url)) || (allStars && allStarsRegex.test(url));
  if (rest.length === 0) return catchAll;
  const index = indexPatterns(rest);
  if (!index) {
    // A pattern this does not file: an invalid one makes the library throw, and so does this.
    const one = patternToRegex(...rest);
    return (url) => catchAll(url) || one.test(url);
  }
  const regexes = new Map<string, RegExp>();
  return (url) => {
    if (catchAll(url)) return true;
    const candidates = index.candidates(url);
    if (candidates.length === 0) return false;
    const key = candidates.join('\n');
    let regex = regexes.get(key);
    if (!regex) {
      regex = patternToRegex(...candidates);
      regexes.set(key, regex);
    }
    return regex.test(url);
  };
}

/** Match patterns filed by their host as written (none of them a catch-all). */
export interface PatternIndex {
  /** The patterns that could match `text` as webext-patterns reads them: all that do, and some more. */
  candidates(text: string): string[];
}

/**
 * The patterns filed by host; undefined if one is not a pattern with "://" and a path. webext-patterns
 * matches a pattern's host part against what stands between "://" and the next "/" of the text: for a plain
 * host exactly that, for `*.example.de` any labels and then "example.de" (so only a text whose part ends so),
 * for `*` anything.
 */
export function indexPatterns(patterns: readonly string[]): PatternIndex | undefined {
  const byHost = new Map<string, string[]>();
  const bySuffix = new Map<string, string[]>();
  const anyHost: string[] = [];
  for (const p of patterns) {
    const m = PATTERN.exec(p);
    if (!m) return undefined;
    const host = m[2] ?? '';
    if (host === '*') anyHost.push(p);
    else if (host.startsWith('*.')) push(bySuffix, host.slice(2), p);
    else push(byHost, host, p);
  }
  return {
    candidates(text) {
      const authority = AUTHORITY.exec(text)?.[1];
      // A text without "://" (about:blank, data:): only a pattern of any host could match it.
      if (authority === undefined) return [...anyHost];
      const out = [...(byHost.get(authority) ?? []), ...anyHost];
      for (const [suffix, list] of bySuffix) if (authority.endsWith(suffix)) out.push(...list);
      return out;
    },
  };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
