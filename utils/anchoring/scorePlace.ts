import { type ContextAgreement, prefixAgreement, suffixAgreement } from './contextSimilarity';
import type { TextPositionSelector } from './selectors';

/**
 * What is looked for: a note's TextQuoteSelector, whose empty prefix or suffix
 * says the quote stood at the very start or end of its text; or a bare quote
 * whose context is not known (undefined: it counts neither way).
 */
export interface QuoteQuery {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** A place in the text where a note's quote may stand now, with how many edits its text is from the quote. */
export interface Place {
  start: number;
  end: number;
  errors: number;
}

export interface ScoredPlace extends Place {
  /**
   * What the text says (quote and context, 0 … 1): two places close in this
   * are alike whatever their positions, and the note is not placed by guess.
   */
  content: number;
  /** `content` with closeness to the stored position (0 … 1): what decides between places and the threshold. */
  score: number;
  /** The quote's own similarity (0 … 1). */
  quoteScore: number;
  /** How well each side's context agrees (0 … 1, beyond chance), undefined where no context is known. */
  prefixScore: number | undefined;
  suffixScore: number | undefined;
  /**
   * How much of each side's stored context the text around the place could be
   * compared with (0 … 1; the rest lies beyond the text's start or end). An
   * empty stored side is known wherever the place is.
   */
  prefixKnown: number;
  suffixKnown: number;
  /** The weight of each side of context and of all the evidence (quote and known context). */
  sideWeight: number;
  contentMax: number;
}

// The quote itself: the largest share, so a place with the quote intact
// outranks one with intact context but a rewritten quote. Not more, or an
// identical sentence elsewhere on the page (council texts repeat their
// formulas: "Die Verwaltung wird beauftragt", "Begründung") would pass the
// threshold on its own, without any of its context.
const QUOTE_WEIGHT = 50;

// Each side of the context, for quotes of 32 characters or more. Context tells
// copies of a quote apart and confirms an edited quote's place; it is short
// and lies next to the edits a text goes through, so each side alone must not
// carry a place (15 + 50 < threshold × total for an unknown quote, see below).
const CONTEXT_WEIGHT = 15;
// Short quotes ("Begründung", "Rat") say little by themselves: their context
// counts up to this much per side, so they lean on it (and a 3-letter quote
// with one changed letter is still found where its context is).
const SHORT_CONTEXT_WEIGHT = 40;
// Quotes up to this length count their context fully, longer ones less and
// less (CONTEXT_WEIGHT from twice this length on).
const SHORT_QUOTE = 16;

// Closeness to the stored position: small, and never part of `content`. The
// page may have grown or shrunk anywhere before the passage, so position is
// weak evidence; it ranks places whose text differs and tells the threshold
// that a place far away needs better text. Between places whose text is alike
// it decides nothing: a paragraph copied in just before the original stands
// exactly where the original was.
const POSITION_WEIGHT = 10;
// At this distance (in characters) position counts half: a page or two of
// council text, about what a changed agenda or a longer Begründung moves.
const POSITION_HALF_DISTANCE = 2000;

// Context text of unrelated places still agrees in some letters (German
// prose shares its spaces, "en", "er", "die"); agreement up to this share is
// counted as none, so that unrelated context never adds up to a place.
const CHANCE_AGREEMENT = 0.4;

/**
 * The lowest quote similarity with which a place can still reach `minScore`:
 * with every side of context that is known agreeing fully and the place at
 * its stored position. Places with more errors need not be searched for.
 */
export function lowestQuoteScore(quote: QuoteQuery, minScore: number): number {
  const side = contextWeight(quote.exact.length);
  const context = (quote.prefix === undefined ? 0 : side) + (quote.suffix === undefined ? 0 : side);
  // Position adds at most POSITION_WEIGHT to the sum and to the total alike.
  const total = QUOTE_WEIGHT + context + POSITION_WEIGHT;
  return Math.max(0, (minScore * total - context - POSITION_WEIGHT) / QUOTE_WEIGHT);
}

/** The context weight per side for a quote of `length` characters. */
export function contextWeight(length: number): number {
  if (length <= SHORT_QUOTE) return SHORT_CONTEXT_WEIGHT;
  return Math.max(CONTEXT_WEIGHT, (SHORT_CONTEXT_WEIGHT * SHORT_QUOTE) / length);
}

// Stored context with no text to compare it with (the candidate stands at the
// start or end of the text) counts as half agreement: the document may just
// have lost its first or last lines, or gained them; it neither confirms nor
// refutes the place.
const UNKNOWN_AGREEMENT = 0.5;

const beyondChance = (similarity: number) => Math.max(0, (similarity - CHANCE_AGREEMENT) / (1 - CHANCE_AGREEMENT));

/** One side's agreement: the compared part beyond chance, the part beyond the text's edge as unknown. */
const sideValue = (a: ContextAgreement) =>
  a.evidence * beyondChance(a.similarity) + (1 - a.evidence) * UNKNOWN_AGREEMENT;

/** Closeness of `start` to the stored position: 1 there, ½ at POSITION_HALF_DISTANCE. */
export function closeness(start: number, position: TextPositionSelector): number {
  const distance = Math.abs(start - position.start);
  return 1 / (1 + distance / POSITION_HALF_DISTANCE);
}

/**
 * Scores a place for a note's quote: quote similarity (by its edit errors),
 * prefix and suffix similarity (by edit distance), each weighted, and
 * closeness to the stored position. Context that cannot be compared (the
 * text begins or ends there) drops out of the sum rather than counting as wrong.
 */
export function scorePlace(
  text: string,
  place: Place,
  quote: QuoteQuery,
  position: TextPositionSelector | undefined,
): ScoredPlace {
  const length = quote.exact.length;
  const quoteScore = Math.max(0, 1 - place.errors / length);
  const side = contextWeight(length);
  const before = prefixAgreement(text, place.start, quote.prefix ?? '');
  const after = suffixAgreement(text, place.end, quote.suffix ?? '');
  // Context not known does not count. An empty one says the quote stood at the
  // text's start (or end): a place there agrees fully, a place with text before
  // (after) it not at all; else the title at the top of a motion, cut short,
  // would go to its copy further down with one side of context.
  const prefixWeight = quote.prefix === undefined ? 0 : side;
  const suffixWeight = quote.suffix === undefined ? 0 : side;
  const prefixValue = quote.prefix === '' ? (place.start === 0 ? 1 : 0) : sideValue(before);
  const suffixValue = quote.suffix === '' ? (place.end === text.length ? 1 : 0) : sideValue(after);
  const contentSum = QUOTE_WEIGHT * quoteScore + prefixWeight * prefixValue + suffixWeight * suffixValue;
  const contentMax = QUOTE_WEIGHT + prefixWeight + suffixWeight;
  const content = contentSum / contentMax;
  const parts = {
    quoteScore,
    prefixScore: prefixWeight ? prefixValue : undefined,
    suffixScore: suffixWeight ? suffixValue : undefined,
    prefixKnown: quote.prefix === '' ? 1 : before.evidence,
    suffixKnown: quote.suffix === '' ? 1 : after.evidence,
    sideWeight: side,
    contentMax,
  };
  if (!position) return { ...place, ...parts, content, score: content };
  const score = (contentSum + POSITION_WEIGHT * closeness(place.start, position)) / (contentMax + POSITION_WEIGHT);
  return { ...place, ...parts, content, score };
}
