/**
 * `npm run lint:firefox`: builds for Firefox and runs Mozilla's `web-ext lint`.
 * Fails on any error and on any warning but those that cannot be avoided:
 * - the data-collection declaration Firefox asks for is newer (140) than the
 *   ESR 128 Ratsmarker supports, which ignores it;
 * - Preact's renderer (in the extension pages' shared chunks, never in the
 *   content script) contains an innerHTML assignment (for its
 *   dangerouslySetInnerHTML, which Ratsmarker never uses).
 */
import { execFileSync } from 'node:child_process';

const ALLOWED = new Map([
  ['KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', /data_collection_permissions/],
  ['KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION', /data_collection_permissions/],
  ['UNSAFE_VAR_ASSIGNMENT', /^chunks\//],
]);

execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
let out: string;
try {
  out = execFileSync('npx', ['web-ext', 'lint', '-s', '.output/firefox-mv2', '--output', 'json'], { encoding: 'utf8' });
} catch (e) {
  out = (e as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(out) as {
  errors: { code: string; message: string; file?: string }[];
  warnings: { code: string; message: string; description?: string; file?: string }[];
};
const unexpected = report.warnings.filter((w) => {
  const allowed = ALLOWED.get(w.code);
  return !allowed || !allowed.test(`${w.description ?? ''} ${w.file ?? ''}`.trim().replace(/^.* (chunks\/)/, '$1'));
});
for (const e of [...report.errors, ...unexpected]) console.log(`${e.code} ${e.file ?? ''} ${e.message}`);
console.log(
  `web-ext lint: ${report.errors.length} errors, ${unexpected.length} unexpected warnings (${report.warnings.length} in all)`,
);
process.exit(report.errors.length + unexpected.length > 0 ? 1 : 0);
