/**
 * The Hypothesis client's anchoring tests, run against Ratsmarker's quote
 * anchoring. The cases are data in tests/fixtures/anchoring/ (BSD-2-Clause,
 * see SOURCES.md there); each peer test is one test here, and where
 * Ratsmarker answers differently on purpose the comment says why.
 */
import { describe, expect, it } from 'vitest';
import { type Location, locateQuote } from '@/utils/anchoring/locateQuote';
import type { QuoteQuery } from '@/utils/anchoring/scorePlace';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import { BASELINES, fixture, loadBaseline, newDocument } from './anchorFixtures';

// The peer's quotes come with no context, or with one side only: the rest is not known.
const quoteOf = (exact: string, prefix?: string, suffix?: string): QuoteQuery => ({ exact, prefix, suffix });
/** The score of the place Ratsmarker would take, or of the best it looked at (lost) or the best of the places offered. */
const scoreOf = (l: Location) =>
  l.status === 'found' ? l.score : l.status === 'lost' ? (l.best?.score ?? 0) : (l.places[0]?.score ?? 0);

interface MatchCase {
  name: string;
  text?: string;
  textLiteral?: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  descending?: { quote?: string[]; prefix?: string[]; suffix?: string[] };
  hints?: Record<string, { offsetOf: string; plus: string }>;
  expect?: { match?: string; at?: string; score?: number; scoreBelow?: number; none?: boolean } & Record<
    string,
    unknown
  >;
}
const matchQuote = JSON.parse(fixture('match-quote-cases.json')) as {
  texts: Record<string, string>;
  cases: MatchCase[];
};

describe('peer: match-quote-test.js', () => {
  for (const c of matchQuote.cases) {
    const text = c.textLiteral ?? matchQuote.texts[c.text as string] ?? '';
    it(c.name, () => {
      if (c.descending) {
        const { quote: quotes, prefix: prefixes, suffix: suffixes } = c.descending;
        const locations = (quotes ?? prefixes ?? suffixes ?? []).map((v) =>
          locateQuote(text, quotes ? quoteOf(v) : prefixes ? quoteOf(c.quote, v) : quoteOf(c.quote, '', v)),
        );
        const scores = locations.map(scoreOf);
        for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1] as number);
        // Exception: the peer takes every place it looks at; Ratsmarker has a minimum score. "Some years
        // after" for "Many years later" (6 of 16 characters wrong, no context) is below it: not found,
        // with its best candidate's score still ranked last. Everything else here is found.
        if (quotes) expect(locations.map((l) => l.status)).toEqual(['found', 'found', 'found', 'lost']);
        else expect(locations.every((l) => l.status === 'found')).toBe(true);
        return;
      }
      if (c.hints) {
        // Exception, on purpose (issue 19): "befor us" stands twice with nothing to tell the places
        // apart but the hint (no context). The peer lets position break the tie; Ratsmarker never
        // guesses between places whose text fits alike ("nicht mehr gefunden", both places offered),
        // because a paragraph copied in just before the original stands exactly where the original
        // was. The hint still orders the offered places: the hinted one first.
        const at = (h: { offsetOf: string; plus: string }) => text.indexOf(h.offsetOf) + h.plus.length;
        const posA = at(c.hints.A as { offsetOf: string; plus: string });
        const posB = at(c.hints.B as { offsetOf: string; plus: string });
        const q = quoteOf(c.quote);
        const withHint = (p: number) => locateQuote(text, q, describePosition(p, p + c.quote.length));
        const a = withHint(posA);
        const b = withHint(posB);
        const none = locateQuote(text, q);
        for (const l of [a, b, none]) expect(l.status).toBe('ambiguous');
        const starts = (l: Location) => (l.status === 'ambiguous' ? l.places.map((p) => p.start) : []);
        expect(starts(a)).toEqual([posA, posB]);
        expect(starts(b)).toEqual([posB, posA]);
        // Without a hint: the first place first, as the peer picks it.
        expect(starts(none)[0]).toBe(posA);
        return;
      }
      const l = locateQuote(text, quoteOf(c.quote, c.prefix, c.suffix));
      const e = c.expect ?? {};
      if (e.none) {
        expect(l.status).not.toBe('found');
        return;
      }
      expect(l.status).toBe('found');
      if (l.status !== 'found') return;
      expect(text.slice(l.start, l.end)).toBe(e.match);
      if (e.at !== undefined) expect(l.start).toBe(text.indexOf(e.at));
      if (e.score !== undefined) expect(l.score).toBe(e.score);
      if (e.scoreBelow !== undefined) {
        expect(l.score).toBeGreaterThan(0);
        expect(l.score).toBeLessThan(e.scoreBelow);
      }
    });
  }
});

type Container = string | number;
const ranges = JSON.parse(fixture('html-ranges.json')) as {
  ranges: [Container, number, Container, number, string, string][];
  failures: {
    description: string;
    quote: { exact: string };
    position?: { start: number; end: number };
    expect: 'found' | 'not found';
  }[];
};

/** Where each node's text begins in root.textContent (the text Hypothesis describes ranges in). */
function textOffsets(root: Node): Map<Node, number> {
  const starts = new Map<Node, number>();
  let at = 0;
  const walk = (n: Node) => {
    starts.set(n, at);
    if (n.nodeType === 3) at += (n.nodeValue ?? '').length;
    else if (n.nodeType !== 8) for (const c of Array.from(n.childNodes)) walk(c);
  };
  walk(root);
  return starts;
}

/** The node a container descriptor names: an XPath of child steps ("p[2]", "div/text()[2]") or a text node's index. */
function resolve(root: Node, container: Container): Node {
  if (typeof container === 'number') {
    const texts: Node[] = [];
    const walk = (n: Node) => {
      if (n.nodeType === 3) texts.push(n);
      for (const c of Array.from(n.childNodes)) walk(c);
    };
    walk(root);
    return texts[container] as Node;
  }
  let node = root;
  for (const step of container.split('/').filter(Boolean)) {
    const m = /^([\w-]+|text\(\))(?:\[(\d+)\])?$/.exec(step);
    if (!m) throw new Error(`unsupported XPath step ${step}`);
    const name = m[1] as string;
    const nth = Number(m[2] ?? 1);
    const matching = Array.from(node.childNodes).filter((c) =>
      name === 'text()' ? c.nodeType === 3 : c.nodeType === 1 && (c as Element).localName === name,
    );
    node = matching[nth - 1] as Node;
    if (!node) throw new Error(`no node at ${container}`);
  }
  return node;
}

describe('peer: html-test.js ranges (describe, then anchor by quote alone and by quote with position)', () => {
  const doc = newDocument();
  const root = doc.createElement('section');
  root.innerHTML = fixture(ranges.ranges.length ? 'html-anchoring-fixture.html' : '');
  doc.body.append(root);
  const text = root.textContent ?? '';
  const starts = textOffsets(root);
  const boundary = (container: Container, offset: number) => {
    const node = resolve(root, container);
    if (node.nodeType === 3) return (starts.get(node) as number) + offset;
    const child = node.childNodes[offset];
    return child ? (starts.get(child) as number) : (starts.get(node) as number) + (node.textContent ?? '').length;
  };
  for (const [sc, so, ec, eo, quote, description] of ranges.ranges) {
    it(`describes and anchors ${description}`, () => {
      const start = boundary(sc, so);
      const end = boundary(ec, eo);
      expect(text.slice(start, end)).toBe(quote);
      const q = describeQuote(text, start, end);
      for (const l of [locateQuote(text, q), locateQuote(text, q, describePosition(start, end))])
        expect(l).toMatchObject({ status: 'found', start, end, method: 'exact' });
    });
  }
  for (const f of ranges.failures) {
    it(f.description, () => {
      const l = locateQuote(
        text,
        quoteOf(f.quote.exact),
        f.position && describePosition(f.position.start, f.position.end),
      );
      if (f.expect === 'found') expect(l).toMatchObject({ status: 'found', start: text.indexOf(f.quote.exact) });
      else expect(l.status).not.toBe('found');
    });
  }
});

describe('peer: html-test.js web page baselines', () => {
  for (const name of BASELINES) {
    const { text, annotations } = loadBaseline(name);
    for (const a of annotations) {
      it(`${name}: ${a.id} is anchored at its stored offsets, and described as the peer did`, () => {
        const { start, end } = a.position;
        expect(locateQuote(text, a.quote, a.position)).toMatchObject({ status: 'found', start, end });
        expect(locateQuote(text, a.quote)).toMatchObject({ status: 'found', start, end });
        expect(describeQuote(text, start, end)).toEqual({ ...a.quote, type: 'TextQuoteSelector' });
      });
    }
  }
});
