import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { evaluateDevset, type LabelledParagraph } from '@/utils/devset/evaluate';
import { builtinKw21 } from '@/utils/pack/builtinPacks';

/** The labelled files of a folder under tests/fixtures, by name. */
export function readFiles(folder: string): [string, LabelledParagraph[]][] {
  const dir = new URL(`../fixtures/${folder}/`, import.meta.url);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as LabelledParagraph[]]);
}

export const pack = builtinKw21();
export const measureIds = pack.measures.map((m) => m.id);

/** Scores a set with the built-in pack and prints its figures (never its misses). */
export function report(name: string, items: LabelledParagraph[]) {
  const r = evaluateDevset(items, pack);
  const lines = Object.entries(r.perMeasure)
    .sort(([a], [b]) => measureIds.indexOf(a) - measureIds.indexOf(b))
    .map(([id, c]) => `  ${id.padEnd(8)} tp ${c.tp} fp ${c.fp} fn ${c.fn}`);
  console.log(
    `${name}: ${items.length} paragraphs, precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)} (tp ${r.truePositives}, fp ${r.falsePositives}, fn ${r.falseNegatives})\n${lines.join('\n')}`,
  );
  return r;
}
