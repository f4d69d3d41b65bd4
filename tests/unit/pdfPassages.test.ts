import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfFacts } from '@/utils/pdf/pdfFacts';
import { lineMapped, type PdfTextItem } from '@/utils/pdf/pdfLines';
import { pdfPassages, textLayerStretches } from '@/utils/pdf/pdfPassages';
import { pdfItems } from '../../scripts/pdfItems';
import { motionPdf, plainPdf, scannedPdf } from '../fixtures/pdf/makePdfs';

describe('passages of a PDF', () => {
  it('groups a line-numbered motion into items with their margin line numbers, across pages', async () => {
    const { pages, items } = await pdfItems(await motionPdf());
    expect(pages).toBe(2);
    const passages = pdfPassages(items);
    const item1 = passages.find((p) => p.text.startsWith('1.'));
    expect(item1).toMatchObject({ kind: 'item', lines: [5, 7], page: 1 });
    // The hyphen at the line end joins "Partner-" and "stadt".
    expect(item1?.text).toBe(
      '1. Die Verwaltung wird beauftragt, den Austausch mit unserer Partnerstadt Toulouse zu intensivieren und jährlich eine Bürgerreise zu organisieren.',
    );
    expect(passages.find((p) => p.text.startsWith('2.'))).toMatchObject({ lines: [9, 10] });
    const reason = passages.find((p) => p.text.startsWith('Die Zusammenarbeit'));
    expect(reason).toMatchObject({ page: 2, lines: [15, 16] });
    expect(passages.map((p) => p.text).join(' ')).not.toMatch(/\b1[0-6] /);
    expect(pdfFacts(passages)).toMatchObject({ kind: 'Drucksache', number: '23/0815', date: '14.03.2024' });
  });

  it('reads a plain Vorlage by its paragraphs', async () => {
    const passages = pdfPassages((await pdfItems(await plainPdf())).items);
    expect(passages.map((p) => p.text)).toEqual([
      'Beschlussvorlage 039/26',
      'Betreff: Beitritt zum Konvent der Bürgermeister',
      'Die Stadt tritt dem Konvent der Bürgermeister für Klima und Energie bei und meldet ihre Klimaziele an das Netzwerk.',
      'Die Straßenbeleuchtung im Ortsteil Nord wird auf LED umgestellt.',
    ]);
  });

  it('finds no text in a scan', async () => {
    const { pages, items } = await pdfItems(await scannedPdf());
    expect(pages).toBe(1);
    expect(pdfPassages(items)).toEqual([]);
  });
});

describe('tracing passages back to the text layer', () => {
  it('finds every character of every passage in the item it came from', async () => {
    for (const make of [motionPdf, plainPdf]) {
      const { items } = await pdfItems(await make());
      for (const p of pdfPassages(items)) {
        let covered = 0;
        for (const r of p.runs) {
          expect(p.text.slice(r.at, r.at + r.end - r.start)).toBe(
            (items[r.item] as PdfTextItem).str.slice(r.start, r.end),
          );
          covered += r.end - r.start;
        }
        // Only the spaces put between items and the hyphens of split words have no source.
        expect(p.text.length - covered).toBeLessThanOrEqual((p.text.match(/ /g) ?? []).length);
      }
    }
  });

  it('finds a word split over two lines in both of its items', async () => {
    const { items } = await pdfItems(await motionPdf());
    const item1 = pdfPassages(items).find((p) => p.text.startsWith('1.'));
    if (!item1) throw new Error('item 1 not read');
    const start = item1.text.indexOf('Partnerstadt');
    const stretches = textLayerStretches(item1, items, start, start + 'Partnerstadt'.length);
    expect(stretches).toHaveLength(2);
    const textOf = (s: (typeof stretches)[number]) =>
      (items.find((i) => i.page === s.from.page && i.index === s.from.index) as PdfTextItem).str.slice(
        s.from.offset,
        s.to.offset,
      );
    expect(stretches.map(textOf)).toEqual(['Partner', 'stadt']);
  });

  it('collapses whitespace as a web page would, whatever the items hold', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ a-zä\t]{0,8}$/), { maxLength: 6 }), (strs) => {
        let x = 0;
        const items: PdfTextItem[] = strs.map((str, index) => {
          const it = { str, x, y: 0, size: 10, width: str.length * 5, page: 1, index };
          x += str.length * 5 + (index % 2) * 10;
          return it;
        });
        const line = lineMapped(items, new Map(items.map((it, i) => [it, i])));
        expect(line.text).not.toMatch(/^ | $| {2}/);
        expect(line.text.replace(/ /g, '')).toBe(strs.join('').replace(/\s/g, ''));
      }),
    );
  });
});

describe('the scan tool on PDFs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratsmarker-pdf-'));
  const scan = (file: string) =>
    execFileSync('npx', ['tsx', 'scripts/scan.ts', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('reports passages with their pages and the measures they match', async () => {
    const file = join(dir, 'antrag.pdf');
    writeFileSync(file, await motionPdf());
    const out = JSON.parse(scan(file));
    expect(out.document).toMatchObject({ number: '23/0815', pages: 2, textLayer: true });
    const toulouse = out.passages.find((p: { text: string }) => p.text.includes('Toulouse'));
    expect(toulouse).toMatchObject({ page: 1, documentLines: [5, 7] });
    expect(toulouse.measures.map((m: { id: string }) => m.id)).toEqual(['KW21-7']);
    // Each case starts the scan tool (tsx and pdf.js): up to 20 s on a loaded machine.
  }, 60_000);

  it('says plainly when a PDF is broken', () => {
    const file = join(dir, 'kaputt.pdf');
    writeFileSync(file, '%PDF-1.7\nkaputt');
    expect(() => scan(file)).toThrow(/beschädigt/);
  }, 60_000);
});
