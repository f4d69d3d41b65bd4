import { hyphenJoin } from '../text/lineBreakHyphen';
import type { MappedText, TextRun } from './mappedText';
import { groupLines, lineMapped, type PdfLine, type PdfTextItem } from './pdfLines';

export interface PdfPassage {
  text: string;
  /** First page of the passage (1-based). */
  page: number;
  kind: 'paragraph' | 'item' | 'lines' | 'heading';
  /** Margin line numbers of a line-numbered motion. */
  lines?: [number, number];
  /** Where the passage's text stands in the items it was read from (indexes into them), for the text layer. */
  runs: TextRun[];
}

/** A place in a page's text layer: the item (its index on the page) and a character in it. */
export interface PdfTextPoint {
  page: number;
  index: number;
  offset: number;
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
  text: MappedText;
  number?: number;
  items: PdfTextItem[];
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

function readLines(lines: readonly PdfLine[], indexOf: ReadonlyMap<PdfTextItem, number>): ReadLine[] {
  const read: ReadLine[] = lines.map((l) => {
    const m = marginNumber(l);
    return {
      page: l.page,
      y: l.y,
      size: l.size,
      text: lineMapped(m ? m.rest : l.items, indexOf),
      items: l.items,
      ...(m ? { number: m.number } : {}),
    };
  });
  // Only a run of rising numbers counts as line numbers; lone numbers are text.
  let run: ReadLine[] = [];
  const close = () => {
    if (run.length < MIN_NUMBERED_RUN)
      for (const l of run) {
        l.text = lineMapped(l.items, indexOf);
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

/** Appends the next printed line to a passage. */
function join(a: MappedText, b: MappedText): void {
  // The same rule as on web pages: a word split at the line end is one word again.
  const how = hyphenJoin(a.text.slice(-2), b.text.slice(0, 40));
  if (how === 'merge') a.pop();
  else if (how === undefined && a.length > 0) a.push(' ');
  a.append(b);
}

/**
 * The passages of a PDF's text, as for a web page: paragraphs (split by
 * vertical space), numbered and lettered items, headings, and for a
 * line-numbered motion groups of lines with their margin numbers as reference.
 */
export function pdfPassages(items: readonly PdfTextItem[]): PdfPassage[] {
  const indexOf = new Map(items.map((it, i) => [it, i] as const));
  const lines = readLines(groupLines(items), indexOf);
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
  let current: (Omit<PdfPassage, 'text' | 'runs'> & { text: MappedText }) | undefined;
  const flush = () => {
    if (current) {
      const text = current.text.text;
      if (/\p{L}/u.test(text)) out.push({ ...current, text, runs: current.text.runs() });
    }
    current = undefined;
  };
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const text = line.text.text;
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
        text: line.text,
        page: line.page,
        kind,
        ...(line.number !== undefined ? { lines: [line.number, line.number] } : {}),
      };
    } else if (current) {
      join(current.text, line.text);
      if (line.number !== undefined) current.lines = [current.lines?.[0] ?? line.number, line.number];
    }
  });
  flush();
  return out;
}

/**
 * Where the characters [start, end) of a passage stand in the text layer:
 * one stretch per text item they cross (spaces put between items have none).
 */
export function textLayerStretches(
  passage: PdfPassage,
  items: readonly PdfTextItem[],
  start: number,
  end: number,
): { from: PdfTextPoint; to: PdfTextPoint }[] {
  const out: { from: PdfTextPoint; to: PdfTextPoint }[] = [];
  for (const run of passage.runs) {
    const runEnd = run.at + (run.end - run.start);
    const s = Math.max(start, run.at);
    const e = Math.min(end, runEnd);
    if (e <= s) continue;
    const item = items[run.item] as PdfTextItem;
    const at = (offset: number): PdfTextPoint => ({ page: item.page, index: item.index, offset });
    out.push({ from: at(run.start + (s - run.at)), to: at(run.start + (e - run.at)) });
  }
  return out;
}
