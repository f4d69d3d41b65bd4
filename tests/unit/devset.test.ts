import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDevset, type LabelledParagraph } from '@/utils/devset/evaluate';
import { builtinKw21 } from '@/utils/pack/builtinPacks';

/** The labelled files of a folder, by name. */
function readFiles(folder: string): [string, LabelledParagraph[]][] {
  const dir = new URL(`../fixtures/${folder}/`, import.meta.url);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as LabelledParagraph[]]);
}

function readSet(folder: string): LabelledParagraph[] {
  return readFiles(folder).flatMap(([, items]) => items);
}

const pack = builtinKw21();
const measureIds = pack.measures.map((m) => m.id);

function report(name: string, items: LabelledParagraph[]) {
  const r = evaluateDevset(items, pack);
  const lines = Object.entries(r.perMeasure)
    .sort(([a], [b]) => measureIds.indexOf(a) - measureIds.indexOf(b))
    .map(([id, c]) => `  ${id.padEnd(8)} tp ${c.tp} fp ${c.fp} fn ${c.fn}`);
  console.log(
    `${name}: ${items.length} paragraphs, precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)} (tp ${r.truePositives}, fp ${r.falsePositives}, fn ${r.falseNegatives})\n${lines.join('\n')}`,
  );
  return r;
}

// The development set is what the matcher was studied and tuned on; its figures are not held out.
// tuned-on-validation-2.json was written as a validation set, but terms from its items went into the
// lexicon (commit aee441b), so it is development data now.
describe('labelled development set (tests/fixtures/devset, tuned on, including the former validation-2)', () => {
  const items = readSet('devset');

  it('is large enough and covers every measure, with hard negatives and double matches', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const id of measureIds)
      expect(items.filter((i) => i.measures.includes(id)).length, id).toBeGreaterThanOrEqual(5);
    expect(items.filter((i) => i.measures.length === 0).length).toBeGreaterThanOrEqual(80);
    expect(items.filter((i) => i.measures.length >= 2).length).toBeGreaterThanOrEqual(5);
    for (const i of items) for (const m of i.measures) expect(measureIds).toContain(m);
  });

  it('meets the targets: precision ≥ 0.90, recall ≥ 0.85', () => {
    const r = report('devset', items);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.recall).toBeGreaterThanOrEqual(0.85);
  });
});

// Validation only while nobody has looked at its errors: the figure is reported, its misses are not read.
// Each validation set is reported on its own: they were written at different times, by different hands
// (validation-3.json: 183 paragraphs in the voice of many cities' documents, labelled by meaning before any
// matcher run; see validation-3.README.md). Only the figures are printed, never the misses: a set whose
// errors someone has read moves to the development set.
describe('validation sets (tests/fixtures/validation: written apart, errors never looked at)', () => {
  const files = readFiles('validation');
  it.each(files.map(([name, items]) => ({ name, items })))('$name is reported', ({ name, items }) => {
    const r = report(`validation ${name}`, items);
    // Reported, not tuned: only a collapse fails the build.
    expect(r.precision).toBeGreaterThanOrEqual(0.75);
    expect(r.recall).toBeGreaterThanOrEqual(0.5);
  });
});
