import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as library from 'webext-patterns';
import { councilHostPatterns, councilMatchPatterns } from '@/utils/detect/councilHosts';
import { urlPatternTest } from '@/utils/webext/urlPatternTest';
import { excludeDuplicatePatterns, patternToRegex } from '@/utils/webext/webextPatterns';

// The library's own compiler, watched: how long the lists are that it is asked to make one expression of.
const compiled = vi.hoisted(() => ({ lengths: [] as number[] }));
vi.mock('../../node_modules/webext-patterns/index.js', async (original) => {
  const lib = await original<typeof import('webext-patterns')>();
  return {
    ...lib,
    patternToRegex: (...patterns: string[]) => {
      compiled.lengths.push(patterns.length);
      return lib.patternToRegex(...patterns);
    },
  };
});
afterEach(() => {
  compiled.lengths = [];
});

// The manifest's patterns: host permissions and the content scripts' pages on every known host.
const MANIFEST = [...councilHostPatterns(), ...councilMatchPatterns()];

const URLS = [
  'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711',
  'http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/to0040.asp?__ksinr=1',
  'https://ratsinfo.duesseldorf.de/',
  'https://ratsinfo.duesseldorf.de',
  'https://ratsinfo.duesseldorf.de:8443/vo0050.asp',
  'https://www.buergerschaft-hh.hamburg.de/bi/vo020.asp?VOLFDNR=1',
  'https://hamburg.de/vo020.asp',
  'https://evilhamburg.de/vo020.asp',
  'https://ratsinfo.duesseldorf.de.example.com/vo0050.asp',
  'https://example.com/ratsinfo.duesseldorf.de/vo0050.asp',
  'ftp://ratsinfo.duesseldorf.de/vo0050.asp',
  'file:///home/reader/vo0050.asp',
  'about:blank',
  'chrome://extensions/',
];

// Pattern parts with real overlaps: the same host with wider and narrower paths, wildcard hosts over plain ones.
const host = fc.constantFrom('a.de', 'b.a.de', '*.a.de', '*', 'c.org', 'xa.de');
const path = fc.constantFrom('/*', '/x/*', '/*vo0050.asp*', '/x/y', '/', '/*x*');
const scheme = fc.constantFrom('*', 'http', 'https');
const pattern = fc.oneof(
  { weight: 20, arbitrary: fc.tuple(scheme, host, path).map(([s, h, p]) => `${s}://${h}${p}`) },
  { weight: 1, arbitrary: fc.constantFrom('<all_urls>', '*://*/*', 'file:///*') },
);
const url = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('http', 'https', 'ftp', 'ws'),
      fc.constantFrom('a.de', 'b.a.de', 'c.b.a.de', 'xa.de', 'c.org', 'a.de:80', 'a.dex'),
      fc.constantFrom('', '/', '/x/', '/x/y', '/vo0050.asp?x=1', '/q/vo0050.asp', '?x'),
    )
    .map(([s, h, p]) => `${s}://${h}${p}`),
  fc.constantFrom('about:blank', 'file:///x/y', 'data:text/plain,a'),
);

describe('a URL against many match patterns', () => {
  it('answers as webext-patterns does, on the manifest', () => {
    for (const u of URLS) expect(urlPatternTest(MANIFEST)(u), u).toBe(library.doesUrlMatchPatterns(u, ...MANIFEST));
    expect(urlPatternTest(MANIFEST)(URLS[0] as string)).toBe(true);
  });

  it('answers as webext-patterns does, on any list', () => {
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 24 }), fc.array(url, { minLength: 1, maxLength: 8 }), (list, urls) => {
        const test = urlPatternTest([...list]);
        for (const u of urls)
          expect(test(u), `${u} in ${list.join(' ')}`).toBe(library.doesUrlMatchPatterns(u, ...list));
      }),
      { numRuns: 400 },
    );
  });

  it('tests a URL against the patterns of its host, not one expression of the whole list', () => {
    const test = urlPatternTest([...MANIFEST]);
    for (const u of URLS) test(u);
    // A known host has its host permission and its document and agenda pages; another host, none.
    expect(Math.max(...compiled.lengths)).toBeLessThan(40);
    expect(MANIFEST.length).toBeGreaterThan(200);
  });
});

describe('webext-patterns as the extension builds it', () => {
  it('drops the same overlapping patterns as the library, in the same order', () => {
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 30 }), (list) => {
        expect(excludeDuplicatePatterns([...list])).toEqual(library.excludeDuplicatePatterns([...list]));
      }),
      { numRuns: 300 },
    );
    expect(excludeDuplicatePatterns(['*://a.de/*', 'https://a.de/x/*', 'https://a.de/x/*'])).toEqual(['*://a.de/*']);
  });

  it('compiles each pattern once when it drops the manifest’s overlapping patterns, and keeps the answer', () => {
    const list = [...MANIFEST, ...MANIFEST.slice(0, 10)];
    const first = excludeDuplicatePatterns(list);
    expect(first).toEqual(library.excludeDuplicatePatterns(list));
    // At most one expression per distinct pattern (the library made one per pair: 150,000 for this list).
    expect(compiled.lengths.length).toBeLessThanOrEqual(new Set(list).size);
    expect(compiled.lengths.every((n) => n === 1)).toBe(true);
    compiled.lengths = [];
    expect(excludeDuplicatePatterns(list)).toEqual(first);
    expect(compiled.lengths).toEqual([]);
  });

  it('gives for a long list an expression that tests as the library’s, by host', () => {
    const regex = patternToRegex(...MANIFEST);
    expect(regex).toBeInstanceOf(RegExp);
    expect(regex.source).toBe(library.patternToRegex(...MANIFEST).source);
    for (const u of URLS) expect(regex.test(u), u).toBe(library.patternToRegex(...MANIFEST).test(u));
    expect(patternToRegex(...MANIFEST)).toBe(regex);
    // A short list: the library's own expression.
    expect(patternToRegex('*://a.de/*').source).toBe(library.patternToRegex('*://a.de/*').source);
  });
});
