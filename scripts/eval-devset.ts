/**
 * `npx tsx scripts/eval-devset.ts [--threshold N] [--quiet] [FILE…]`
 * Lists every error of the matcher on the labelled development set (tests/fixtures/devset/), then the
 * figures of each file and of the whole set. With file names, only those files' errors are listed.
 * Reads the development set only: held-out validation sets are scored by their own test, never here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { evaluateDevset, type LabelledParagraph } from '../utils/devset/evaluate';
import { kw21FromDisk } from './nodePacks';

const dir = new URL('../tests/fixtures/devset/', import.meta.url);
const args = process.argv.slice(2);
let threshold: number | undefined;
let quiet = false;
const only: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i] as string;
  if (a === '--threshold') threshold = Number(args[++i]);
  else if (a === '--quiet') quiet = true;
  else only.push(a);
}
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f, items: JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as LabelledParagraph[] }));
const pack = kw21FromDisk();
const figures = (r: ReturnType<typeof evaluateDevset>) =>
  `precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  tp ${r.truePositives} fp ${r.falsePositives} fn ${r.falseNegatives}`;
const lines: string[] = [];
for (const { name, items } of files) {
  const report = evaluateDevset(items, pack, { threshold });
  if (!quiet && (only.length === 0 || only.some((o) => name.includes(o))))
    for (const e of report.errors)
      console.log(
        `${e.kind.toUpperCase()} ${e.measure} ${e.id} ${e.terms ? JSON.stringify(e.terms) : ''}\n   ${e.text}`,
      );
  lines.push(`${name.padEnd(42)} items ${String(items.length).padStart(3)}  ${figures(report)}`);
}
const all = files.flatMap((f) => f.items);
const report = evaluateDevset(all, pack, { threshold });
console.log(JSON.stringify(report.perMeasure));
console.log(lines.join('\n'));
console.log(`${'all development files'.padEnd(42)} items ${all.length}  ${figures(report)}`);
