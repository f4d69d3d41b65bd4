import { CodedError, formatCode } from '../i18n/codedError';
import { formatLineReference } from './lineReference';
import type { Measure, Resolution, ResolutionHeading, ResolutionLine } from './types';

/** A resolution text that cannot be read; `line` is the 1-based line of the source. */
export class ResolutionParseError extends CodedError {
  constructor(
    code: string,
    params: readonly string[],
    readonly line: number,
  ) {
    super(code, params);
    this.name = 'ResolutionParseError';
    if (line > 0) this.message = formatCode('errAtLine', [String(line), this.message]);
  }
}

const atLine = (line: number, code: string, params: readonly string[] = []) =>
  formatCode('errAtLine', [String(line), formatCode(code, params)]);

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const METADATA = /^\s*([\p{L}][\p{L} ]{1,40}?)\s*:\s*(.*?)\s*$/u;
// "- 7 • Europa …", "  - 9 • …", "12 Kulturbetriebe …", "* 3 …"; the number may stand alone.
const NUMBERED = /^\s*(?:[-*+]\s+)?(\d{1,4})(?:[ \t]+(.*?))?\s*$/;
// Markdown backslash escapes as the format writes them (`Bürger\*innen`).
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|~<>])/g;
// What opens a measure inside a numbered line.
const BULLET = /^(?:[•◦▪●‣∙]|[–—-](?=\s))\s*/;
const ITEM = /^(?:\d{1,2}[.)]|[a-z]\))\s+(?=\p{Lu})/u;
const CODE = /^[\p{L}]{1,8}[-.]?\d+[\p{L}\d.-]*$/u;

function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPE, '$1');
}

function toIsoDate(date: string): string | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(date.trim());
  if (!m) return undefined;
  const [, d, mo, y] = m;
  return `${y}-${(mo as string).padStart(2, '0')}-${(d as string).padStart(2, '0')}`;
}

/** Ends a sentence: ".", "!", "?", ":" — or a parenthesis after a finished sentence ("angehen. (Verweis …)"). */
function endsSentence(text: string): boolean {
  const t = text.trim();
  if (/[.!?:;]["“”»]?$/.test(t)) return true;
  if (t.endsWith(')')) {
    const open = t.lastIndexOf('(');
    return open > 0 && /[.!?:]\s*$/.test(t.slice(0, open));
  }
  return false;
}

function joinLines(lines: readonly ResolutionLine[]): string {
  let out = '';
  for (const line of lines) {
    const part = line.content.trim();
    if (!part) continue;
    if (!out) out = part;
    // A hyphen at the end of a line before a lower-case word splits one word.
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(part)) out = out.slice(0, -1) + part;
    else if (/\p{L}-$/u.test(out)) out += part;
    else out += ` ${part}`;
  }
  return out;
}

interface HeaderInfo {
  code: string;
  title: string;
  headingLine: number;
}

function readHeading(rows: readonly string[]): HeaderInfo {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as string;
    if (!row.trim()) continue;
    const m = HEADING.exec(row);
    if (!m) break;
    const words = unescapeMarkdown(m[2] as string).trim();
    if (!words) throw new ResolutionParseError('errEmptyHeading', [], i + 1);
    const [first = '', ...rest] = words.split(/\s+/);
    if (CODE.test(first) && rest.length > 0) return { code: first, title: rest.join(' '), headingLine: i + 1 };
    if (CODE.test(first)) return { code: first, title: first, headingLine: i + 1 };
    throw new ResolutionParseError('errHeadingWithoutCode', [words], i + 1);
  }
  const firstText = rows.findIndex((r) => r.trim() !== '');
  throw new ResolutionParseError('errNoHeading', [], firstText + 1);
}

/**
 * Reads a line-numbered party resolution in the Ratsmarker text format:
 *
 * ```
 * ## KW21 Internationale Zusammenarbeit
 * Gremium: Kreisvorstand
 * Beschlussdatum: 05.02.2020
 * Tagesordnungspunkt: 2.21. Internationale Zusammenarbeit
 * ### Text
 * - 1 Preamble …
 * - 7 • First measure …
 * 8 continued.
 * - 39 A heading
 * - 40 • A measure under it
 * ```
 *
 * Measures open with a bullet; unbulleted lines continue the measure before
 * them unless they read as a heading (short, after a finished sentence, before
 * a bullet). Lines before the first bullet are the preamble.
 */
export function parseResolution(source: string): Resolution {
  const rows = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const { code, title, headingLine } = readHeading(rows);

  const metadata: Record<string, string> = {};
  const lines: ResolutionLine[] = [];
  const warnings: string[] = [];
  let blank = false;

  for (let i = headingLine; i < rows.length; i++) {
    const row = rows[i] as string;
    const sourceLine = i + 1;
    if (!row.trim()) {
      blank = true;
      continue;
    }
    const numbered = NUMBERED.exec(row);
    if (numbered) {
      const number = Number(numbered[1]);
      const prev = lines.at(-1);
      if (prev && number === prev.number) {
        throw new ResolutionParseError('errDuplicateLine', [String(number)], sourceLine);
      }
      if (prev && number < prev.number) {
        throw new ResolutionParseError('errFallingLine', [String(number), String(prev.number)], sourceLine);
      }
      if (prev && number > prev.number + 1) {
        warnings.push(atLine(sourceLine, 'warnMissingLines', [String(prev.number + 1), String(number - 1)]));
      }
      const text = unescapeMarkdown(numbered[2] ?? '');
      const bulletMatch = BULLET.exec(text) ?? ITEM.exec(text);
      lines.push({
        number,
        text,
        content: bulletMatch ? text.slice(bulletMatch[0].length) : text,
        bullet: bulletMatch !== null,
        blankBefore: blank && lines.length > 0,
        sourceLine,
      });
      blank = false;
      continue;
    }
    if (HEADING.test(row)) {
      if (lines.length > 0) warnings.push(atLine(sourceLine, 'warnHeadingInText'));
      blank = false;
      continue;
    }
    const meta = METADATA.exec(row);
    if (meta && lines.length === 0) {
      metadata[(meta[1] as string).trim()] = unescapeMarkdown(meta[2] as string);
      blank = false;
      continue;
    }
    if (lines.length === 0) {
      throw new ResolutionParseError('errTextBeforeLines', [row.trim().slice(0, 60)], sourceLine);
    }
    warnings.push(atLine(sourceLine, 'warnUnnumbered'));
  }

  if (lines.length === 0) {
    throw new ResolutionParseError('errNoNumberedLines', [], rows.length);
  }

  const { measures, headings, preamble } = structure(code, lines);
  const date = metadata.Beschlussdatum ?? metadata.Datum;
  return {
    code,
    title,
    body: metadata.Gremium,
    date,
    dateIso: date ? toIsoDate(date) : undefined,
    agendaItem: metadata.Tagesordnungspunkt ?? metadata.TOP,
    metadata,
    lines,
    preamble,
    headings,
    measures,
    warnings,
  };
}

function isHeadingLine(line: ResolutionLine, previous: ResolutionLine | undefined, next: ResolutionLine | undefined) {
  const t = line.content.trim();
  if (!t || t.length > 100 || /[.,;:!?]$/.test(t)) return false;
  if (previous && !endsSentence(previous.content)) return false;
  return next === undefined || next.bullet;
}

function structure(code: string, lines: readonly ResolutionLine[]) {
  const measures: Measure[] = [];
  const headings: ResolutionHeading[] = [];
  const preambleLines: ResolutionLine[] = [];
  const anyBullet = lines.some((l) => l.bullet);
  let current: { lines: ResolutionLine[]; heading?: string } | undefined;
  let heading: string | undefined;
  const groups: { lines: ResolutionLine[]; heading?: string }[] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as ResolutionLine;
    const previous = lines[i - 1];
    if (!anyBullet) {
      // Without bullets, every paragraph (lines between blank lines) is a measure.
      if (!current || line.blankBefore) {
        current = { lines: [] };
        groups.push(current);
      }
      current.lines.push(line);
      continue;
    }
    if (line.bullet) {
      current = { lines: [line], heading };
      groups.push(current);
      continue;
    }
    if (isHeadingLine(line, previous, lines[i + 1]) && (current || preambleLines.length > 0)) {
      heading = line.content.trim();
      headings.push({ line: line.number, text: heading });
      current = undefined;
      continue;
    }
    if (!current) {
      preambleLines.push(line);
      continue;
    }
    const continues = !previous || !endsSentence(previous.content) || !line.blankBefore;
    if (continues) current.lines.push(line);
    else current = undefined; // a free paragraph after a finished measure: context, not a measure
  }

  for (const group of groups) {
    const first = group.lines[0] as ResolutionLine;
    const last = group.lines.at(-1) as ResolutionLine;
    measures.push({
      id: `${code}-${first.number}`,
      firstLine: first.number,
      lastLine: last.number,
      text: joinLines(group.lines),
      ...(group.heading ? { heading: group.heading } : {}),
    });
  }
  const preamble =
    preambleLines.length > 0
      ? {
          firstLine: (preambleLines[0] as ResolutionLine).number,
          lastLine: (preambleLines.at(-1) as ResolutionLine).number,
          text: joinLines(preambleLines),
        }
      : undefined;
  return { measures, headings, preamble };
}

export { formatLineReference };
