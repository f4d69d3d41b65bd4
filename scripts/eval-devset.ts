import { readdirSync, readFileSync } from 'node:fs';
import { evaluateDevset, type LabelledParagraph } from '../utils/devset/evaluate';
import { kw21FromDisk } from './nodePacks';

const dir = new URL('../tests/fixtures/devset/', import.meta.url);
const items: LabelledParagraph[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as LabelledParagraph[]);
const threshold = process.argv[2] ? Number(process.argv[2]) : undefined;
const report = evaluateDevset(items, kw21FromDisk(), { threshold });
for (const e of report.errors)
  console.log(`${e.kind.toUpperCase()} ${e.measure} ${e.id} ${e.terms ? JSON.stringify(e.terms) : ''}\n   ${e.text}`);
console.log(JSON.stringify(report.perMeasure));
console.log(
  `items ${items.length}  precision ${report.precision.toFixed(3)}  recall ${report.recall.toFixed(3)}  tp ${report.truePositives} fp ${report.falsePositives} fn ${report.falseNegatives}`,
);
