import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfFacts } from '@/utils/pdf/pdfFacts';
import { pdfPassages } from '@/utils/pdf/pdfPassages';
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
  });

  it('says plainly when a PDF is broken', () => {
    const file = join(dir, 'kaputt.pdf');
    writeFileSync(file, '%PDF-1.7\nkaputt');
    expect(() => scan(file)).toThrow(/beschädigt/);
  });
});
