import { groupLines, lineText, type PdfLine, type PdfTextItem } from './pdfLines';

export interface PdfPassage {
  text: string;
  /** First page of the passage (1-based). */
  page: number;
  kind: 'paragraph' | 'item' | 'lines' | 'heading';
  /** Margin line numbers of a line-numbered motion. */
  lines?: [number, number];
}

const ITEM_MARKER = /^(?:\(?\d{1,2}[.)](?!\d)|\(?[a-z][.)]|[ivx]{1,4}[.)]|[•·▪◦●‣–—-])\s/;
const HEADING = /^\p{Lu}[^.!?]{0,58}:$/u;
// Line numbers stand in the left margin, apart from the text.
const MIN_NUMBERED_RUN = 5;
// A gap between lines larger than this many times the usual spacing ends a paragraph.
const PARAGRAPH_GAP = 1.45;

interface ReadLine {
  page: number;
  y: number;
  size: number;
  text: string;
  number?: number;
}

/** Splits a margin number off a line: "12  Die Verwaltung …" where "12" stands alone at the left. */
function marginNumber(line: PdfLine): { number: number; rest: PdfTextItem[] } | undefined {
  const [first, ...rest] = line.items;
  if (!first || !/^\s*\d{1,4}\s*$/.test(first.str)) return undefined;
  const next = rest.find((i) => i.str.trim());
  // The number must stand apart from the text (a margin), not begin it ("2 Kinder …").
  if (next && next.x - (first.x + first.width) < first.size * 0.8) return undefined;
  return { number: Number(first.str.trim()), rest };
}

function readLines(lines: readonly PdfLine[]): ReadLine[] {
  const read: ReadLine[] = lines.map((l) => {
    const m = marginNumber(l);
    return {
      page: l.page,
      y: l.y,
      size: l.size,
      text: lineText(m ? m.rest : l.items),
      ...(m ? { number: m.number } : {}),
    };
  });
  // Only a run of rising numbers counts as line numbers; lone numbers are text.
  let run: ReadLine[] = [];
  const close = () => {
    if (run.length < MIN_NUMBERED_RUN)
      for (const l of run) {
        l.text = `${l.number} ${l.text}`.trim();
        l.number = undefined;
      }
    run = [];
  };
  for (const l of read) {
    if (l.number === undefined) continue;
    const last = run.at(-1);
    if (last && l.number !== (last.number as number) + 1) close();
    run.push(l);
  }
  close();
  return read;
}

function join(a: string, b: string): string {
  if (!a) return b;
  // A hyphen at the end of a printed line before a lower-case word splits one word.
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  if (/\p{L}-$/u.test(a)) return a + b;
  return `${a} ${b}`;
}

/**
 * The passages of a PDF's text, as for a web page: paragraphs (split by
 * vertical space), numbered and lettered items, headings, and for a
 * line-numbered motion groups of lines with their margin numbers as reference.
 */
export function pdfPassages(items: readonly PdfTextItem[]): PdfPassage[] {
  const lines = readLines(groupLines(items));
  const spacing = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1] as ReadLine;
    const b = lines[i] as ReadLine;
    if (a.page === b.page) {
      const d = Math.round(a.y - b.y);
      spacing.set(d, (spacing.get(d) ?? 0) + 1);
    }
  }
  // The usual line spacing: the smallest gap between lines that is at least a
  // line high (smaller ones are sub- or superscripts); paragraph gaps are larger.
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)] ?? 10;
  const lineGaps = [...spacing.keys()].filter((d) => d >= size * 0.9);
  const usual = lineGaps.length > 0 ? Math.min(...lineGaps) : size * 1.2;
  const out: PdfPassage[] = [];
  let current: PdfPassage | undefined;
  const flush = () => {
    if (current && /\p{L}/u.test(current.text)) out.push(current);
    current = undefined;
  };
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const text = line.text;
    if (!text) {
      flush(); // an empty numbered line
      return;
    }
    const gapBreak = prev !== undefined && prev.page === line.page && prev.y - line.y > usual * PARAGRAPH_GAP;
    const kind: PdfPassage['kind'] = HEADING.test(text)
      ? 'heading'
      : ITEM_MARKER.test(text)
        ? 'item'
        : line.number !== undefined
          ? 'lines'
          : 'paragraph';
    const continues =
      current !== undefined && !gapBreak && kind !== 'heading' && kind !== 'item' && current.kind !== 'heading';
    if (!continues) {
      flush();
      current = {
        text,
        page: line.page,
        kind,
        ...(line.number !== undefined ? { lines: [line.number, line.number] } : {}),
      };
    } else if (current) {
      current.text = join(current.text, text);
      if (line.number !== undefined) current.lines = [current.lines?.[0] ?? line.number, line.number];
    }
  });
  flush();
  return out;
}
