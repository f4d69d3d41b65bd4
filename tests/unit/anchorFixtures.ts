/** Loading the peer's anchoring fixtures (tests/fixtures/anchoring/, see SOURCES.md there) for the anchor tests. */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll } from 'vitest';
import { describePosition, type TextQuoteSelector } from '@/utils/anchoring/selectors';

export const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/anchoring/${name}`, import.meta.url), 'utf8');

const windows: Window[] = [];
afterAll(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
});
export function newDocument(): Document {
  const window = new Window({
    url: 'http://localhost/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  windows.push(window);
  return window.document as unknown as Document;
}

interface Baseline {
  rows: { id: string; target: { selector: ({ type: string } & Record<string, unknown>)[] }[] }[];
}
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/**
 * A baseline page's text as Hypothesis read it (in a browser): the body's
 * textContent, links and images cut off as its test does. A browser with
 * scripts on reads <noscript> content as raw text; happy-dom (scripts off)
 * parses it as markup, so it is escaped first to count the same characters.
 */
function baselineText(name: string): string {
  const doc = newDocument();
  doc.documentElement.innerHTML = fixture(`html-baselines/${name}.html`)
    .replace(/src=/g, 'sr_=')
    .replace(/href=/g, 'hre_=')
    .replace(/<noscript>([\s\S]*?)<\/noscript>/g, (_, inner: string) => `<noscript>${escapeHtml(inner)}</noscript>`);
  return doc.body.textContent ?? '';
}
const selectorsOf = (row: Baseline['rows'][number]) => {
  const s = row.target[0]?.selector ?? [];
  const quote = s.find((x) => x.type === 'TextQuoteSelector') as unknown as TextQuoteSelector;
  const position = s.find((x) => x.type === 'TextPositionSelector') as unknown as { start: number; end: number };
  return { quote, position: describePosition(position.start, position.end) };
};

export const BASELINES = ['minimal', 'wikipedia-regression-testing'] as const;
export function loadBaseline(name: string) {
  const rows = (JSON.parse(fixture(`html-baselines/${name}.json`)) as Baseline).rows;
  return { text: baselineText(name), annotations: rows.map((r) => ({ id: r.id, ...selectorsOf(r) })) };
}
