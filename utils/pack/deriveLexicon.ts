import type { Measure } from '../resolution/types';
import { GERMAN_STOPWORDS } from '../text/stopwords';
import { tokenize } from '../text/tokenize';
import type { MeasureLexicon } from './types';

// A word that appears in more than this share of the measures says what the
// whole resolution is about, not what one measure is about.
const MAX_SHARE = 0.25;
// Longer measures need more shared words before a passage counts as touching them.
const LONG_MEASURE = 8;

function contentWords(text: string): Map<string, string> {
  const byStem = new Map<string, string>();
  for (const t of tokenize(text)) {
    const surface = text.slice(t.start, t.end);
    if (/^\d+$/.test(t.norm) || GERMAN_STOPWORDS.has(t.norm) || t.stem.length < 4) continue;
    if (!byStem.has(t.stem)) byStem.set(t.stem, surface.replace(/[*:_·/]-?innen$|[*:_·/]-?in$/, ''));
  }
  return byStem;
}

/**
 * A lexicon drawn from the measures' own words, for resolutions that come
 * without a curated one: every word specific to one measure is a concept, and
 * a passage must share two of them (three for long measures). Abbreviations
 * (RGRE, SDG) are names: one is enough.
 */
export function deriveLexicons(measures: readonly Measure[]): Map<string, MeasureLexicon> {
  const words = measures.map((m) => contentWords(m.text));
  const df = new Map<string, number>();
  for (const w of words) for (const stem of w.keys()) df.set(stem, (df.get(stem) ?? 0) + 1);
  const maxDf = Math.max(1, Math.floor(measures.length * MAX_SHARE));

  const out = new Map<string, MeasureLexicon>();
  measures.forEach((measure, i) => {
    const concepts: Record<string, string[]> = {};
    const names: string[] = [];
    for (const [stem, surface] of words[i] as Map<string, string>) {
      if ((df.get(stem) ?? 0) > maxDf) continue;
      if (/^\p{Lu}{3,}$/u.test(surface)) names.push(`=${surface}`);
      else concepts[stem] = [surface];
    }
    const keys = Object.keys(concepts);
    const min = keys.length > LONG_MEASURE ? 3 : Math.min(2, keys.length);
    out.set(measure.id, {
      label:
        measure.text
          .split(/[.:!?–]/)[0]
          ?.trim()
          .slice(0, 60) ?? measure.id,
      concepts,
      names,
      match: keys.length > 0 ? [{ anyOf: keys, min }] : [],
    });
  });
  return out;
}
