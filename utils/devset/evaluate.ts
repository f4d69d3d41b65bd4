import { type MatchOptions, matchPassages } from '../matcher/matchPassages';
import type { PositionPack } from '../pack/types';

export interface LabelledParagraph {
  id: string;
  text: string;
  measures: string[];
}

export interface DevsetReport {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  perMeasure: Record<string, { tp: number; fp: number; fn: number }>;
  errors: { id: string; kind: 'fp' | 'fn'; measure: string; text: string; terms?: string[] }[];
}

/** Precision and recall of the matcher over labelled paragraphs, counted per (paragraph, measure) pair. */
export function evaluateDevset(
  items: readonly LabelledParagraph[],
  pack: PositionPack,
  options?: MatchOptions,
): DevsetReport {
  const results = matchPassages(
    items.map((i) => i.text),
    pack,
    options,
  );
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perMeasure: DevsetReport['perMeasure'] = {};
  const errors: DevsetReport['errors'] = [];
  const bump = (id: string, k: 'tp' | 'fp' | 'fn') => {
    perMeasure[id] ??= { tp: 0, fp: 0, fn: 0 };
    perMeasure[id][k]++;
  };
  items.forEach((item, i) => {
    const found = (results[i] as (typeof results)[number]).measures;
    const gold = new Set(item.measures);
    for (const m of found) {
      if (gold.has(m.id)) {
        tp++;
        bump(m.id, 'tp');
      } else {
        fp++;
        bump(m.id, 'fp');
        errors.push({ id: item.id, kind: 'fp', measure: m.id, text: item.text, terms: m.terms });
      }
    }
    for (const g of gold) {
      if (!found.some((m) => m.id === g)) {
        fn++;
        bump(g, 'fn');
        errors.push({ id: item.id, kind: 'fn', measure: g, text: item.text });
      }
    }
  });
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    perMeasure,
    errors,
  };
}
