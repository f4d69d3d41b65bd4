import { describe, expect, it } from 'vitest';
import { measureIds, readFiles, report } from './devsetReport';

// The development set is what the matcher was studied and tuned on; its figures are not held out. It
// holds the former validation sets whose errors were read (tuned-on-validation-2.json,
// looked-at-validation-1.json, looked-at-validation-4.json, looked-at-validation-5.json) and the sets written
// for issue 15 (dev-4-…,
// dev-5-…); see tests/fixtures/devset/README.md.
// Held-out sets are scored only in devset-heldout.test.ts, so running this file never scores them.
describe('labelled development set (tests/fixtures/devset: tuned on, including the former validation sets)', () => {
  const files = readFiles('devset');
  const items = files.flatMap(([, list]) => list);
  // looked-at-validation-4.json was written apart and scored once as validation (P 0.845, R 0.882) before
  // its errors were read: the matcher is not at the older files' level on it, and its floor says where it
  // stands instead of lowering the others'.
  const LATE = 'looked-at-validation-4.json';
  // looked-at-validation-5.json likewise: scored once as validation (P 0.922, R 0.763), then its misses read.
  const LATER = 'looked-at-validation-5.json';
  const early = files.filter(([name]) => name !== LATE && name !== LATER);

  it('is large enough and covers every measure, with hard negatives and double matches', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const id of measureIds)
      expect(items.filter((i) => i.measures.includes(id)).length, id).toBeGreaterThanOrEqual(5);
    expect(items.filter((i) => i.measures.length === 0).length).toBeGreaterThanOrEqual(80);
    expect(items.filter((i) => i.measures.length >= 2).length).toBeGreaterThanOrEqual(5);
    for (const i of items) for (const m of i.measures) expect(measureIds).toContain(m);
  });

  it('meets the targets on the files before validation 4: precision ≥ 0.97, recall ≥ 0.97', () => {
    const r = report(
      'devset (files before validation 4)',
      early.flatMap(([, list]) => list),
    );
    expect(r.precision).toBeGreaterThanOrEqual(0.97);
    expect(r.recall).toBeGreaterThanOrEqual(0.97);
  });

  it('the whole set, with validations 4 and 5: precision ≥ 0.96, recall ≥ 0.96', () => {
    const r = report('devset (all files)', items);
    expect(r.precision).toBeGreaterThanOrEqual(0.96);
    expect(r.recall).toBeGreaterThanOrEqual(0.96);
  });

  it(`${LATE}: precision ≥ 0.91, recall ≥ 0.91`, () => {
    const list = files.find(([name]) => name === LATE)?.[1] ?? [];
    expect(list.length).toBe(189);
    const r = report(`devset ${LATE}`, list);
    expect(r.precision).toBeGreaterThanOrEqual(0.91);
    expect(r.recall).toBeGreaterThanOrEqual(0.91);
  });

  it(`${LATER}: precision ≥ 0.96, recall ≥ 0.96`, () => {
    const list = files.find(([name]) => name === LATER)?.[1] ?? [];
    expect(list.length).toBe(215);
    const r = report(`devset ${LATER}`, list);
    expect(r.precision).toBeGreaterThanOrEqual(0.96);
    expect(r.recall).toBeGreaterThanOrEqual(0.96);
  });

  // Each file on its own, so a gain on one cannot hide a loss on another.
  it.each(early.map(([name, list]) => ({ name, list })))('$name: precision ≥ 0.94, recall ≥ 0.95', ({ name, list }) => {
    const r = report(`devset ${name}`, list);
    expect(r.precision).toBeGreaterThanOrEqual(0.94);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
  });
});
