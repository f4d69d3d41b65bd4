import { MIN_COMPOUND_PREFIX, MIN_MODIFIER, type WordPattern } from '../pack/parseTerm';
import type { PositionPack } from '../pack/types';
import { withLanguageLists } from '../text/languageLists';
import { leadInsOf } from '../text/listItems';
import { withNegatedGerman } from '../text/negatedGerman';
import { organisationNameTokens } from '../text/organisationNames';
import { type Token, tokenize } from '../text/tokenize';
import { finds } from './automaton';
import { type CompiledMatcher, type CompiledMeasure, matcherFor } from './compileMatcher';
import { NEEDED, pageAutomatonOf, passageGateOf, RELEVANT } from './pageAutomaton';
import { type PassageGate, passesGate } from './passageGate';

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
   * No shortcuts: every passage tokenised, every word stemmed and looked up.
   * The same result, slower: for the tests that prove the shortcuts lose nothing.
   */
  exhaustive?: boolean;
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

// Where a sentence ends: a full stop, question or exclamation mark before a capital, a digit or a
// quotation mark, or a blank line (a heading above its text). The point of an ordinal number or of a
// common abbreviation ends none: "9. Mai", "Nr. 144", "z. B. Schulen".
const SENTENCE_END =
  /(?:(?<!\b(?:\d+|Nr|Dr|Abs|Art|bzw|ca|vgl|ggf|gem|usw|z|B|Str|Prof|Hr|Fr|St|S))\.|[!?])\s+(?=[\p{Lu}\d„"])|\n\s*\n/gu;

/** The terms hit in each sentence of the passage. */
function termsBySentence(text: string, hits: readonly TermHit[]): Set<number>[] {
  const ends = [...text.matchAll(SENTENCE_END)].map((x) => x.index as number);
  const out: Set<number>[] = [];
  for (const h of hits) {
    const k = ends.filter((e) => e < h.start).length;
    const terms = out[k] ?? new Set<number>();
    terms.add(h.term);
    out[k] = terms;
  }
  return out;
}

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

/** The word patterns a token matches (exported for the test that the relevance filter loses none). */
export function wordsOfToken(m: CompiledMatcher, token: Token): number[] {
  const stems = m.byStem.get(token.stem) ?? [];
  // A noun of the lexicon matches only a word written with a capital (parseTerm.ts).
  const ids = token.capitalised ? [...stems] : stems.filter((id) => !(m.words[id] as WordPattern).noun);
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

const NONE: number[] = [];

/** Where the terms stand, by the words alone: names of offices and of things called after a place not yet left out. */
function findTermHits(
  m: CompiledMatcher,
  text: string,
  tokens: Token[],
  memo: WordMemo,
): (TermHit & { token: number })[] {
  const tokenWords = tokens.map((t) => {
    // Not stemmed: no lexicon word's value stands in it (see pageAutomaton.ts), so it matches none.
    if (t.stem === '') return NONE;
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
  const hits: (TermHit & { token: number })[] = [];
  // Whether a sentence or clause ends before token j, looked at once per token (a phrase's next word is looked
  // for from each hit of its first, over the same tokens): 0 not yet, 1 no, 2 yes.
  let breaks: Uint8Array | undefined;
  const breakBefore = (j: number) => {
    breaks ??= new Uint8Array(tokens.length);
    let b = breaks[j] as number;
    if (b === 0) {
      const prev = tokens[j - 1] as Token;
      // "9. Mai": the point of an ordinal number ends no sentence.
      b = !/^\d+$/.test(prev.norm) && CLAUSE_BREAK.test(text.slice(prev.end, (tokens[j] as Token).start)) ? 2 : 1;
      breaks[j] = b;
    }
    return b === 2;
  };
  for (let i = 0; i < tokens.length; i++) {
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
            if (breakBefore(j)) break;
            if ((tokenWords[j] as number[]).includes(parts[k] as number)) {
              pos = j;
              ok = true;
              break;
            }
          }
        }
        if (ok) hits.push({ term, token: i, start: (tokens[i] as Token).start, end: (tokens[pos] as Token).end });
      }
    }
  }
  return hits;
}

// How far from a token the rules of organisationNames.ts and namedPlaces.ts look: a name that covers a token
// begins at most this many tokens before it ("Amt für Migration und Integration …": a head, "für", six words),
// and a rule reads at most this many tokens after where it begins.
const NAME_REACH = 8;

/**
 * The hits whose first word does not stand in the name of an office or of a
 * thing called after a place. The names are looked for only in windows
 * around the hits, which decide as the whole passage would (a name is seen
 * from where it begins, and no rule reads beyond NAME_REACH): on a long
 * passage with one hit that is a few tokens instead of all.
 */
function unmaskedHits<H extends { token: number }>(text: string, tokens: Token[], hits: H[]): H[] {
  if (hits.length === 0) return hits;
  const at = [...new Set(hits.map((h) => h.token))].sort((a, b) => a - b);
  const masked = new Set<number>();
  for (let k = 0; k < at.length; ) {
    const from = Math.max(0, (at[k] as number) - NAME_REACH);
    let to = (at[k] as number) + NAME_REACH + 1;
    while (k < at.length && (at[k] as number) - NAME_REACH <= to) to = (at[k++] as number) + NAME_REACH + 1;
    for (const i of organisationNameTokens(text, tokens.slice(from, Math.min(to, tokens.length)))) masked.add(from + i);
  }
  return masked.size === 0 ? hits : hits.filter((h) => !masked.has(h.token));
}

/** What the passage's hit terms (and its lead-in's) are to one measure: found through termRolesOf. */
interface MeasureHits {
  /** A name of the measure was hit. */
  named: boolean;
  /** Concepts with a term of the passage's own. */
  own?: Set<string>;
  /** Concepts with a term of the lead-in's. */
  lent?: Set<string>;
}

function scoreMeasure(
  measure: CompiledMeasure,
  hitTerms: Set<number>,
  hitSurfaces: Map<number, Set<string>>,
  inherited: ReadonlySet<number>,
  sentences: () => Set<number>[],
  found: MeasureHits | undefined,
) {
  const names = found?.named ? measure.names.filter((t) => hitTerms.has(t)) : [];
  // In the measure's order of concepts (the reasons are shown in it).
  const satisfied = new Set<string>();
  const own = new Set<string>();
  for (const name of measure.concepts.keys()) {
    const mine = found?.own?.has(name) === true;
    if (mine) own.add(name);
    if (mine || found?.lent?.has(name)) satisfied.add(name);
  }

  let best = names.length > 0 ? NAME_SCORE : 0;
  let fullRules = 0;
  const reasons = new Set<string>();
  for (const rule of measure.rules) {
    const present = rule.concepts.filter((c) => satisfied.has(c));
    // A concept lent by a lead-in completes a rule, but the passage must bring one of its own.
    // A rule of common words ("Schulen", "international") asks for them in one sentence: a heading on the
    // twin town above a question about schools is no school going international. A lead-in's concepts
    // stand beside every sentence of its item.
    const together =
      !rule.sentence ||
      sentences().some((terms) => {
        const has = (c: string) => (measure.concepts.get(c) ?? []).some((t) => terms.has(t));
        const here = present.filter(has);
        const lent = present.filter((c) => !has(c) && (measure.concepts.get(c) ?? []).some((t) => inherited.has(t)));
        return here.length > 0 && here.length + lent.length >= rule.min;
      });
    if (present.length >= rule.min && present.some((c) => own.has(c)) && together) {
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

interface RawHits {
  tokens: Token[];
  /** Where the terms stand by the words alone (see findTermHits); unmaskedHits leaves out those in names. */
  hits: (TermHit & { token: number })[];
}
const NO_HITS: RawHits = { tokens: [], hits: [] };

/**
 * Where the terms of a matcher stand in a passage by its words (none where the passage cannot hold a match).
 * With a `gate`, only a name or a whole rule of the passage's own can report (the sensitivity is above what a
 * rule partly met reaches, and the passage inherits no lead-in), so the stricter gate decides (passageGate.ts).
 */
function rawTermHits(m: CompiledMatcher, text: string, gate: PassageGate | null, exhaustive = false): RawHits {
  // Candidate first: a passage where no term can begin is not tokenised at all.
  const automaton = pageAutomatonOf(m);
  if (m.candidates.length > 0 && !exhaustive) {
    if (gate ? !passesGate(gate, automaton, text) : !finds(automaton, text, 0, NEEDED)) return NO_HITS;
  }
  const memo = memoOf(m);
  const words = tokenize(
    text,
    exhaustive
      ? undefined
      : (norm) => {
          let relevant = memo.relevant.get(norm);
          if (relevant === undefined) {
            relevant = finds(automaton, norm, 0, RELEVANT);
            if (memo.relevant.size > MEMO_LIMIT) memo.relevant.clear();
            memo.relevant.set(norm, relevant);
          }
          return relevant;
        },
  );
  // A list of languages counts as the word "mehrsprachig" (languageLists.ts), a negated "Deutsch" as
  // "nichtdeutschsprachig" (negatedGerman.ts).
  const tokens = withNegatedGerman(withLanguageLists(text, words));
  if (tokens.length === 0) return NO_HITS;
  return { tokens, hits: findTermHits(m, text, tokens, memo) };
}

/** Where the terms of a matcher stand in a passage, outside the names of offices and places (a lead-in's). */
function termHitsOf(m: CompiledMatcher, text: string, exhaustive = false): TermHit[] {
  const { tokens, hits } = rawTermHits(m, text, null, exhaustive);
  return unmaskedHits(text, tokens, hits);
}

/**
 * Whether some measure the hits touch could score `threshold`: the most scoreMeasure could give it, were every
 * rule whose concepts stand met in one sentence and no exclusion hit. Both, and fewer hits, only lower a score,
 * so a passage this says no to matches nothing (the exactness test compares with the exhaustive path).
 */
function mayReach(m: CompiledMatcher, found: Map<number, MeasureHits>, threshold: number): boolean {
  for (const [i, f] of found) {
    if (!f.named && !f.own) continue;
    const measure = m.measures[i] as CompiledMeasure;
    let best = f.named ? NAME_SCORE : 0;
    let evidence = f.named ? measure.names.length : 0;
    for (const rule of measure.rules) {
      let present = 0;
      let own = false;
      for (const c of rule.concepts) {
        const mine = f.own?.has(c) === true;
        if (mine || f.lent?.has(c)) present++;
        own ||= mine;
      }
      if (present >= rule.min && own) {
        evidence++;
        best = Math.max(best, Math.min(0.95, RULE_BASE + RULE_STEP * rule.min));
      } else best = Math.max(best, (PARTIAL_WEIGHT * present) / rule.min);
    }
    if (Math.min(0.99, best + EXTRA_EVIDENCE * Math.max(0, evidence - 1)) >= threshold) return true;
  }
  return false;
}

const NOTHING_INHERITED: ReadonlySet<number> = new Set();

function matchOne(
  m: CompiledMatcher,
  text: string,
  threshold: number,
  inherited: ReadonlySet<number> = NOTHING_INHERITED,
  exhaustive = false,
): MeasureMatch[] {
  // An item that inherits its lead-in's concepts needs only one of its own: then the weaker test only.
  const gate = inherited.size === 0 ? passageGateOf(m) : null;
  const strict = gate !== null && threshold > PARTIAL_WEIGHT * gate.largestPartialRule;
  const raw = rawTermHits(m, text, strict ? gate : null, exhaustive);
  if (raw.hits.length === 0) return [];
  const rawTerms = new Set(raw.hits.map((h) => h.term));
  const rawFound = measureHitsOf(m, rawTerms, inherited);
  // Leaving out the hits in names (offices, things called after a place) reads the words around each hit:
  // most of the work on a passage that shares words with the measures but matches none. It is done only where
  // the words could still reach the sensitivity; leaving hits out only lowers a score.
  if (threshold > 0 && !exhaustive && !mayReach(m, rawFound, threshold)) return [];
  const hits = unmaskedHits(text, raw.tokens, raw.hits);
  if (hits.length === 0) return [];
  const same = hits === raw.hits;
  const hitTerms = same ? rawTerms : new Set(hits.map((h) => h.term));
  let bySentence: Set<number>[] | undefined;
  const sentences = () => {
    bySentence ??= termsBySentence(text, hits);
    return bySentence;
  };
  const hitSurfaces = new Map<number, Set<string>>();
  for (const h of hits) {
    const set = hitSurfaces.get(h.term) ?? new Set<string>();
    set.add(text.slice(h.start, h.end).toLowerCase());
    hitSurfaces.set(h.term, set);
  }
  const out: MeasureMatch[] = [];
  // A measure none of whose names or concept terms was hit scores 0: only the others are scored.
  const found = same ? rawFound : measureHitsOf(m, hitTerms, inherited);
  for (const [i, measure] of m.measures.entries()) {
    if (threshold > 0 && !found.get(i)?.named && !found.get(i)?.own) continue;
    const result = scoreMeasure(measure, hitTerms, hitSurfaces, inherited, sentences, found.get(i));
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
  const before = options.preceding ?? [];
  const all = before.length > 0 ? [...before, ...passages] : passages;
  const leads = leadInsOf(all);
  const match = passageMatcher(matchers, options);
  return passages.map((text, index) => {
    const lead = leads[before.length + index] ?? -1;
    return { index, text, measures: match(text, lead < 0 ? undefined : (all[lead] as string)) };
  });
}

/**
 * Matches one passage at a time, given the lead-in whose item it is (leadInsOf, read once for the whole
 * document): how a page matched in slices goes passage by passage without reading lead-ins again for each.
 */
export function passageMatcher(
  matchers: readonly CompiledMatcher[],
  options: Pick<MatchOptions, 'threshold' | 'exhaustive'> = {},
): (text: string, lead?: string) => MeasureMatch[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  // The terms of each lead-in, per matcher: what its items inherit.
  const leadTerms = matchers.map(() => new Map<string, ReadonlySet<number>>());
  const inherited = (mi: number, lead: string | undefined): ReadonlySet<number> => {
    if (lead === undefined) return NOTHING_INHERITED;
    const known = leadTerms[mi] as Map<string, ReadonlySet<number>>;
    let terms = known.get(lead);
    if (!terms) {
      terms = new Set(termHitsOf(matchers[mi] as CompiledMatcher, lead, options.exhaustive).map((h) => h.term));
      known.set(lead, terms);
    }
    return terms;
  };
  return (text, lead) =>
    matchers.length === 1
      ? matchOne(matchers[0] as CompiledMatcher, text, threshold, inherited(0, lead), options.exhaustive)
      : matchers
          .flatMap((m, mi) => matchOne(m, text, threshold, inherited(mi, lead), options.exhaustive))
          .sort((a, b) => b.score - a.score);
}

// What each distinct word of the pages matches, per matcher, kept across calls (a page is matched in
// batches, and rescans read the same words again); bounded so a huge page cannot grow it without end.
const MEMO_LIMIT = 100_000;
interface WordMemo {
  lower: Map<string, number[]>;
  capitalised: Map<string, number[]>;
  /** Whether a normalised word holds any lexicon word's value (else it is not stemmed). */
  relevant: Map<string, boolean>;
}
const memos = new WeakMap<CompiledMatcher, WordMemo>();
function memoOf(m: CompiledMatcher): WordMemo {
  let memo = memos.get(m);
  if (!memo) {
    memo = { lower: new Map(), capitalised: new Map(), relevant: new Map() };
    memos.set(m, memo);
  }
  return memo;
}

// What each term is to the measures (by index): one of its names, or a term of one of its concepts, per matcher.
// Scoring then starts from the few terms a passage hit, not from every term of every concept of the measures
// it touches (some 150–375 a measure: two lookups each, for each passage with a hit).
type TermRole = { measure: number; concept?: string };
const termRoles = new WeakMap<CompiledMatcher, Map<number, TermRole[]>>();
function termRolesOf(m: CompiledMatcher): Map<number, TermRole[]> {
  let index = termRoles.get(m);
  if (!index) {
    const built = new Map<number, TermRole[]>();
    const add = (t: number, role: TermRole) => {
      const list = built.get(t);
      if (list) list.push(role);
      else built.set(t, [role]);
    };
    for (const [i, measure] of m.measures.entries()) {
      for (const t of measure.names) add(t, { measure: i });
      for (const [concept, ids] of measure.concepts) for (const t of ids) add(t, { measure: i, concept });
    }
    index = built;
    termRoles.set(m, index);
  }
  return index;
}

/** Per measure (by index), what the hit terms and the lead-in's terms are to it; measures they touch only. */
function measureHitsOf(
  m: CompiledMatcher,
  hitTerms: ReadonlySet<number>,
  inherited: ReadonlySet<number>,
): Map<number, MeasureHits> {
  const roles = termRolesOf(m);
  const out = new Map<number, MeasureHits>();
  const entry = (i: number) => {
    let e = out.get(i);
    if (!e) {
      e = { named: false };
      out.set(i, e);
    }
    return e;
  };
  for (const t of hitTerms)
    for (const r of roles.get(t) ?? NO_ROLES) {
      const e = entry(r.measure);
      if (r.concept === undefined) e.named = true;
      else {
        e.own ??= new Set();
        e.own.add(r.concept);
      }
    }
  for (const t of inherited)
    for (const r of roles.get(t) ?? NO_ROLES) {
      if (r.concept === undefined) continue;
      const e = entry(r.measure);
      e.lent ??= new Set();
      e.lent.add(r.concept);
    }
  return out;
}
const NO_ROLES: TermRole[] = [];
