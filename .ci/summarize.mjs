// Adds up what Vitest (unit tests, Firefox end-to-end) and Playwright (Chromium end-to-end) printed
// into one line: "N passed, N failed".
import { readFileSync } from 'node:fs';

const [logPath, rcText, benchText = '0'] = process.argv.slice(2);
const log = readFileSync(logPath, 'utf8').replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
let passed = 0;
let failed = 0;
// Vitest (the unit tests, and the Firefox end-to-end suite): " Test Files  1 failed | 3 passed (4)"
// then "      Tests  2 failed | 27 passed (29)". A file that failed before its tests ran (Firefox did
// not start, say) shows only in the first line: it counts as one failure.
for (const m of log.matchAll(/^\s*Test Files\s+(.*)\(\d+\)\s*\n\s*Tests\s+(.*)\(\d+\)\s*$/gm)) {
  const testsFailed = Number(/(\d+) failed/.exec(m[2])?.[1] ?? 0);
  passed += Number(/(\d+) passed/.exec(m[2])?.[1] ?? 0);
  failed += testsFailed > 0 ? testsFailed : Number(/(\d+) failed/.exec(m[1])?.[1] ?? 0);
}
// Playwright: "  12 passed (40s)", "  1 failed", "  1 flaky"
for (const m of log.matchAll(/^\s+(\d+) (passed|failed|flaky)\b/gm)) {
  if (m[2] === 'passed' || m[2] === 'flaky') passed += Number(m[1]);
  else failed += Number(m[1]);
}
// A step that failed before any test ran (type-check, lint, build) counts as one failure.
if (Number(rcText) !== 0 && failed === 0) failed = 1;
// The quick benchmark counts as one check, when it ran.
if (Number(rcText) === 0) {
  if (Number(benchText) === 0) passed += 1;
  else failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
