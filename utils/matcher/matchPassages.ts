import { MIN_COMPOUND_PREFIX, MIN_MODIFIER, type WordPattern } from '../pack/parseTerm';
import type { PositionPack } from '../pack/types';
import { withLanguageLists } from '../text/languageLists';
import { leadInsOf } from '../text/listItems';
import { withNegatedGerman } from '../text/negatedGerman';
import { organisationNameTokens } from '../text/organisationNames';
import { type Token, tokenize } from '../text/tokenize';
import { type Automaton, buildAutomaton, finds } from './automaton';
import { type CompiledMatcher, type CompiledMeasure, matcherFor } from './compileMatcher';

/** Where a matched term stands in the passage text. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface MeasureMatch {
  /** Measure id: "KW21-7". */
  id: string;
  /** First and last line of the measure in its resolution. */
  lines: [number, number];
  /** 0–1; a match is reported from `threshold` on. */
  score: number;
  /** The passage's own words that made the match, in order of appearance ("Toulouse", "Städtefreundschaft"). */
  terms: string[];
  /** Where those words stand in the passage, for highlighting. */
  spans: TextSpan[];
  /** The lexicon concepts (or names) that were found: why it matched. */
  reasons: string[];
}

export interface PassageMatch {
  index: number;
  text: string;
  measures: MeasureMatch[];
}

export interface MatchOptions {
  /** Lowest score reported. 0.5 is the middle of the sensitivity scale. */
  threshold?: number;
  /**
   * The passages that stand before the first one given, when a page is matched in batches: a lead-in
   * among them ("Die Verwaltung wird beauftragt, …:") still lends its items their context (listItems.ts).
   */
  preceding?: readonly string[];
}

export const DEFAULT_THRESHOLD = 0.5;

// A phrase does not run across the end of a sentence or clause.
const CLAUSE_BREAK = /[.!?;]\s/;
// Score of one specific name (a network, a programme): strong evidence alone.
const NAME_SCORE = 0.9;
// A fully satisfied rule of k concepts scores 0.7 + 0.08·k: two independent
// concepts (0.86) are nearly as sure as a name, three (0.94) surer.
const RULE_BASE = 0.7;
const RULE_STEP = 0.08;
// A rule only partly met stays below the middle of the sensitivity scale
// (at most 0.45·(k−1)/k), so it counts only when the user asks for more matches.
const PARTIAL_WEIGHT = 0.45;
// Each further independent piece of evidence adds a little confidence.
const EXTRA_EVIDENCE = 0.02;

// After a modifier, these endings make a new word rather than a compound:
// "Schul|ung" is training, not school; "Partner|schaft" is not a partner.
const DERIVATION = /^(?:ung|heit|keit|isch|lich|schaft|ling|nis|tum)/;
// A passage with this many distinct words for a measure keeps it even when an
// exclusion term appears: one stray "Airbus" must not hide a paragraph that is
// plainly about the partnership with Toulouse.
const OVERRIDE_EXCLUSION = 4;

interface TermHit {
  term: number;
  start: number;
  end: number;
}

function wordsOfToken(m: CompiledMatcher, token: Token): number[] {
  const ids = [...(m.byStem.get(token.stem) ?? [])];
  if (token.capitalised) {
    ids.push(...(m.byName.get(token.fold) ?? []));
    if (token.fold.endsWith('s')) ids.push(...(m.byName.get(token.fold.slice(0, -1)) ?? []));
  }
  const s = token.stem;
  // Compounds are nouns, and German writes nouns with a capital: "vermitteln"
  // is no compound of "Mittel", while "Fördermittel" is.
  const candidates = new Set<number>(
    token.capitalised
      ? [
          ...(m.compoundBySuffix.get(s.slice(-3)) ?? []),
          ...(m.compoundByPrefix.get(s.slice(0, 3)) ?? []),
          ...(m.compoundByPrefix.get(token.fold.slice(0, 3)) ?? []),
        ]
      : [],
  );
  for (const id of candidates) {
    const { value: v, fold } = m.words[id] as WordPattern;
    // Head ("Städtepartnerschaft" ends in "partnerschaft") or modifier
    // ("Partnerschaftsvertrag" begins with it) of a compound. The rest must be
    // a word of its own (≥ 3 letters as head's modifier, ≥ 4 after a modifier,
    // so "Schulung" is not a compound of "Schule").
    if (s.length < v.length + 3) continue;
    const modifier =
      (token.fold.length >= fold.length + 3 &&
        token.fold.startsWith(fold) &&
        !DERIVATION.test(token.fold.slice(fold.length))) ||
      (s.startsWith(v) && s.length - v.length >= 4 && !DERIVATION.test(s.slice(v.length)));
    if (modifier || s.endsWith(v)) ids.push(id);
  }
  for (const id of [...(m.prefixByStart.get(token.fold.slice(0, 3)) ?? []), ...m.shortPrefixWords]) {
    if (token.fold.startsWith((m.words[id] as WordPattern).value)) ids.push(id);
  }
  // A longer prefix term also stands as the head of a compound: "Neuzugewanderte" (zugewandert*).
  const f = token.fold;
  for (let p = MIN_MODIFIER; p + MIN_COMPOUND_PREFIX <= f.length; p++) {
    for (const id of m.prefixByStart.get(f.slice(p, p + 3)) ?? []) {
      const v = (m.words[id] as WordPattern).value;
      if (v.length >= MIN_COMPOUND_PREFIX && f.startsWith(v, p)) ids.push(id);
    }
  }
  return ids;
}

function findTermHits(m: CompiledMatcher, text: string, tokens: Token[], memo: WordMemo): TermHit[] {
  const tokenWords = tokens.map((t) => {
    // Names and compounds count only for words written with a capital: "Leiden" (the city) is not "leiden".
    const forms = t.capitalised ? memo.capitalised : memo.lower;
    let ids = forms.get(t.norm);
    if (!ids) {
      ids = wordsOfToken(m, t);
      if (forms.size > MEMO_LIMIT) forms.clear();
      forms.set(t.norm, ids);
    }
    return ids;
  });
  const hits: TermHit[] = [];
  const masked = organisationNameTokens(text, tokens);
  for (let i = 0; i < tokens.length; i++) {
    if (masked.has(i)) continue;
    for (const w of tokenWords[i] as number[]) {
      for (const term of m.termsByFirstWord.get(w) ?? []) {
        const parts = m.termWords[term] as number[];
        const gaps = (m.terms[term] as { gaps: number[] }).gaps;
        let pos = i;
        let ok = true;
        for (let k = 1; k < parts.length && ok; k++) {
          ok = false;
          const limit = Math.min(tokens.length - 1, pos + 1 + (gaps[k - 1] ?? 0));
          for (let j = pos + 1; j <= limit; j++) {
            const prev = tokens[j - 1] as Token;
            // "9. Mai": the point of an ordinal number ends no sentence.
            if (!/^\d+$/.test(prev.norm) && CLAUSE_BREAK.test(text.slice(prev.end, (tokens[j] as Token).start))) break;
            if ((tokenWords[j] as number[]).includes(parts[k] as number)) {
              pos = j;
              ok = true;
              break;
            }
          }
        }
        if (ok) hits.push({ term, start: (tokens[i] as Token).start, end: (tokens[pos] as Token).end });
      }
    }
  }
  return hits;
}

function scoreMeasure(
  measure: CompiledMeasure,
  hitTerms: Set<number>,
  hitSurfaces: Map<number, Set<string>>,
  inherited: ReadonlySet<number>,
) {
  const names = measure.names.filter((t) => hitTerms.has(t));
  const satisfied = new Set<string>();
  const own = new Set<string>();
  for (const [name, ids] of measure.concepts) {
    if (ids.some((t) => hitTerms.has(t))) own.add(name);
    if (ids.some((t) => hitTerms.has(t) || inherited.has(t))) satisfied.add(name);
  }

  let best = names.length > 0 ? NAME_SCORE : 0;
  let fullRules = 0;
  const reasons = new Set<string>();
  for (const rule of measure.rules) {
    const present = rule.concepts.filter((c) => satisfied.has(c));
    // A concept lent by a lead-in completes a rule, but the passage must bring one of its own.
    if (present.length >= rule.min && present.some((c) => own.has(c))) {
      fullRules++;
      best = Math.max(best, Math.min(0.95, RULE_BASE + RULE_STEP * rule.min));
      for (const c of present) reasons.add(c);
    } else {
      best = Math.max(best, (PARTIAL_WEIGHT * present.length) / rule.min);
    }
  }
  const evidence = names.length + fullRules;
  if (measure.exclusions.some((t) => hitTerms.has(t) || inherited.has(t))) {
    const support = new Set<string>();
    for (const t of names) for (const w of hitSurfaces.get(t) ?? []) support.add(w);
    for (const c of evidence > 0 ? reasons : satisfied)
      for (const t of measure.concepts.get(c) ?? []) for (const w of hitSurfaces.get(t) ?? []) support.add(w);
    if (support.size < OVERRIDE_EXCLUSION) return undefined;
  }
  const score = Math.min(0.99, best + EXTRA_EVIDENCE * Math.max(0, evidence - 1));
  return { score, names, reasons, satisfied, full: evidence > 0 };
}

/** Where the terms of a matcher stand in a passage (none where the candidate filter finds nothing). */
function termHitsOf(m: CompiledMatcher, text: string): TermHit[] {
  // Candidate first: a passage where no term can begin is not tokenised at all.
  const candidates = candidatesOf(m);
  if (candidates && !finds(candidates, text)) return [];
  // A list of languages counts as the word "mehrsprachig" (languageLists.ts), a negated "Deutsch" as
  // "nichtdeutschsprachig" (negatedGerman.ts).
  const tokens = withNegatedGerman(withLanguageLists(text, tokenize(text)));
  if (tokens.length === 0) return [];
  return findTermHits(m, text, tokens, memoOf(m));
}

const NOTHING_INHERITED: ReadonlySet<number> = new Set();

function matchOne(
  m: CompiledMatcher,
  text: string,
  threshold: number,
  inherited: ReadonlySet<number> = NOTHING_INHERITED,
): MeasureMatch[] {
  const hits = termHitsOf(m, text);
  if (hits.length === 0) return [];
  const hitTerms = new Set(hits.map((h) => h.term));
  const hitSurfaces = new Map<number, Set<string>>();
  for (const h of hits) {
    const set = hitSurfaces.get(h.term) ?? new Set<string>();
    set.add(text.slice(h.start, h.end).toLowerCase());
    hitSurfaces.set(h.term, set);
  }
  const out: MeasureMatch[] = [];
  // A measure none of whose names or concept terms was hit scores 0: only the others are scored.
  const touched = threshold > 0 ? measuresHitBy(m, hitTerms) : undefined;
  for (const [i, measure] of m.measures.entries()) {
    if (touched && !touched.has(i)) continue;
    const result = scoreMeasure(measure, hitTerms, hitSurfaces, inherited);
    if (!result || result.score < threshold) continue;
    // The words that explain the match: names found, and the terms of the
    // concepts that satisfied a rule (or, below a full rule, every concept found).
    const explaining = new Set<number>(result.names);
    const concepts = result.full ? result.reasons : result.satisfied;
    for (const c of concepts) for (const t of measure.concepts.get(c) ?? []) explaining.add(t);
    const used = hits.filter((h) => explaining.has(h.term)).sort((a, b) => a.start - b.start || b.end - a.end);
    const spans: TextSpan[] = [];
    const terms: string[] = [];
    const seen = new Set<string>();
    for (const h of used) {
      const last = spans.at(-1);
      if (last && h.start < last.end) {
        last.end = Math.max(last.end, h.end);
      } else spans.push({ start: h.start, end: h.end });
    }
    for (const s of spans) {
      const surface = text.slice(s.start, s.end);
      const key = surface.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        terms.push(surface);
      }
    }
    const reasons = [...result.names.map((t) => (m.terms[t] as { source: string }).source), ...concepts];
    out.push({
      id: measure.id,
      lines: measure.lines,
      score: Math.round(result.score * 100) / 100,
      terms,
      spans,
      reasons,
    });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Decides for each passage which measures of the packs it touches, with a
 * score and the words that made it match. Pure: no DOM, no storage.
 */
export function matchPassages(
  passages: readonly string[],
  packs: PositionPack | readonly PositionPack[],
  options: MatchOptions = {},
): PassageMatch[] {
  const list = Array.isArray(packs) ? (packs as readonly PositionPack[]) : [packs as PositionPack];
  return matchWith(passages, list.map(matcherFor), options);
}

/** The same with matchers compiled beforehand (read from storage on a page). */
export function matchWith(
  passages: readonly string[],
  matchers: readonly CompiledMatcher[],
  options: MatchOptions = {},
): PassageMatch[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const before = options.preceding ?? [];
  const leads = leadInsOf(before.length > 0 ? [...before, ...passages] : passages);
  // The terms of each lead-in, per matcher: what its items inherit.
  const leadTerms = new Map<string, ReadonlySet<number>>();
  const inheritedBy = (m: CompiledMatcher, mi: number, index: number): ReadonlySet<number> => {
    const lead = leads[before.length + index] ?? -1;
    if (lead < 0) return NOTHING_INHERITED;
    const key = `${mi}:${lead}`;
    let terms = leadTerms.get(key);
    if (!terms) {
      const text = (lead < before.length ? before[lead] : passages[lead - before.length]) as string;
      terms = new Set(termHitsOf(m, text).map((h) => h.term));
      leadTerms.set(key, terms);
    }
    return terms;
  };
  return passages.map((text, index) => ({
    index,
    text,
    measures:
      matchers.length === 1
        ? matchOne(
            matchers[0] as CompiledMatcher,
            text,
            threshold,
            inheritedBy(matchers[0] as CompiledMatcher, 0, index),
          )
        : matchers
            .flatMap((m, mi) => matchOne(m, text, threshold, inheritedBy(m, mi, index)))
            .sort((a, b) => b.score - a.score),
  }));
}

// What each distinct word of the pages matches, per matcher, kept across calls (a page is matched in
// batches, and rescans read the same words again); bounded so a huge page cannot grow it without end.
const MEMO_LIMIT = 100_000;
interface WordMemo {
  lower: Map<string, number[]>;
  capitalised: Map<string, number[]>;
}
const memos = new WeakMap<CompiledMatcher, WordMemo>();
function memoOf(m: CompiledMatcher): WordMemo {
  let memo = memos.get(m);
  if (!memo) {
    memo = { lower: new Map(), capitalised: new Map() };
    memos.set(m, memo);
  }
  return memo;
}

// Which measures (by index) name each term among their names or concepts, per matcher.
const termMeasures = new WeakMap<CompiledMatcher, Map<number, number[]>>();
function measuresHitBy(m: CompiledMatcher, hitTerms: ReadonlySet<number>): Set<number> {
  let index = termMeasures.get(m);
  if (!index) {
    index = new Map();
    for (const [i, measure] of m.measures.entries())
      for (const t of [...measure.names, ...[...measure.concepts.values()].flat()]) {
        const list = index.get(t) ?? [];
        if (!list.includes(i)) list.push(i);
        index.set(t, list);
      }
    termMeasures.set(m, index);
  }
  const out = new Set<number>();
  for (const t of hitTerms) for (const i of index.get(t) ?? []) out.add(i);
  return out;
}

// Built on a page from the stored words (a few milliseconds, no stemming), once per matcher.
const automata = new WeakMap<CompiledMatcher, Automaton | undefined>();
function candidatesOf(m: CompiledMatcher): Automaton | undefined {
  if (!automata.has(m)) automata.set(m, m.candidates.length > 0 ? buildAutomaton(m.candidates) : undefined);
  return automata.get(m);
}
