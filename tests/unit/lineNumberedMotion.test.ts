import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { readCouncilPage } from '@/utils/detect/readCouncilPage';
import { decodeHtml } from '@/utils/dom/decodeHtml';
import { buildTextMap, domRangeOf } from '@/utils/dom/textMap';
import { matchPassages } from '@/utils/matcher/matchPassages';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { pdfPassages } from '@/utils/pdf/pdfPassages';
import { pdfItems } from '../../scripts/pdfItems';
import { numberedLinesPdf } from '../fixtures/pdf/makePdfs';

// A SessionNet motion whose lines carry their numbers in the text ("12 Die Verwaltung …"),
// one <p> per paragraph, lines parted by <br>, long words hyphenated across a break. Written
// for this test (tests/fixtures/pages/README.md); each paragraph is labelled by meaning in
// the .labels.json beside it, with its line range and its text as written before line-breaking.
const NAME = 'sessionnet_vo0050_antrag-zeilennummern-absaetze';
interface Label {
  lines: [number, number];
  measures: string[];
  text: string;
}
const labels = JSON.parse(
  readFileSync(new URL(`../fixtures/pages/${NAME}.labels.json`, import.meta.url), 'utf8'),
) as Label[];

const window = new Window({
  url: 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=48240',
  settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
});
afterAll(() => window.happyDOM.close());
window.document.write(decodeHtml(readFileSync(new URL(`../fixtures/pages/${NAME}.html`, import.meta.url))));
const doc = window.document as unknown as Document;
const page = readCouncilPage(doc, new URL(window.location.href));
const motion = page.passages.filter((p) => p.lines);

function score(found: string[][], gold: string[][]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  found.forEach((f, i) => {
    const g = gold[i] as string[];
    tp += f.filter((m) => g.includes(m)).length;
    fp += f.filter((m) => !g.includes(m)).length;
    fn += g.filter((m) => !f.includes(m)).length;
  });
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), tp, fp, fn };
}

describe('a line-numbered motion in HTML (one <p> per paragraph, lines parted by <br>)', () => {
  it('is read as its paragraphs and items, each with its line range, hyphenated words joined', () => {
    expect(motion.map((p) => p.lines)).toEqual(labels.map((l) => l.lines));
    expect(motion.map((p) => p.text)).toEqual(labels.map((l) => l.text));
  });

  it('is matched paragraph by paragraph with the precision of the same text on a plain page', () => {
    const pack = builtinKw21();
    const gold = labels.map((l) => l.measures);
    const ids = (texts: string[]) => matchPassages(texts, pack).map((r) => r.measures.map((m) => m.id).sort());
    const onPage = ids(motion.map((p) => p.text));
    const plain = ids(labels.map((l) => l.text));
    const numbered = score(onPage, gold);
    const unnumbered = score(plain, gold);
    console.log(
      `line-numbered motion, per paragraph: ${JSON.stringify(numbered)}; plain: ${JSON.stringify(unnumbered)}`,
    );
    expect(onPage).toEqual(plain);
    expect(numbered.precision).toBeGreaterThanOrEqual(unnumbered.precision);
    // Read as two passages over the whole motion, as before, precision was below 0.1.
    expect(numbered.precision).toBeGreaterThanOrEqual(0.85);
    // Most paragraphs touch no measure: a passage that ran over paragraphs would mark them.
    expect(onPage.filter((m, i) => m.length > 0 && gold[i]?.length === 0)).toEqual([]);
  });

  it('highlights a hyphenated term over both of its halves', () => {
    const item = motion.find((p) => p.text.includes('Städtefreundschaft'));
    if (!item) throw new Error('no passage with the hyphenated word');
    const map = buildTextMap(item.segments);
    const at = item.text.indexOf('Städtefreundschaft');
    const pos = domRangeOf(map, at, at + 'Städtefreundschaft'.length);
    if (!pos) throw new Error('no range');
    const range = doc.createRange();
    range.setStart(pos.startNode, pos.startOffset);
    range.setEnd(pos.endNode, pos.endOffset);
    expect(range.toString().replace(/\s+/g, ' ')).toBe('Städtefreund- 6 schaft');
  });
});

describe('the same motion as a PDF', () => {
  it('is read into the same passages, with the same line ranges', async () => {
    // The printed lines of each paragraph element, with a blank line (<br><br>) as a paragraph break.
    const paragraphs = [...doc.querySelectorAll('.WordSection1 p')].flatMap((p) => {
      const out: { number?: number; text: string }[][] = [[]];
      for (const raw of p.innerHTML.split(/<br\s*\/?>/i)) {
        const line = raw.trim().replace(/&amp;/g, '&');
        if (!line) out.push([]);
        else {
          const m = /^(\d+)\s*(.*)$/s.exec(line);
          out.at(-1)?.push({ number: Number(m?.[1]), text: m?.[2] ?? '' });
        }
      }
      return out.filter((lines) => lines.length > 0);
    });
    const { items } = await pdfItems(await numberedLinesPdf(paragraphs));
    const fromPdf = pdfPassages(items).map((p) => [p.lines, p.text]);
    expect(fromPdf).toEqual(motion.map((p) => [p.lines, p.text]));
  });
});
