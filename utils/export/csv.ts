import Papa from 'papaparse';
import type { Note } from '../notes/types';
import { type ExportLabels, germanLabels, type MeasureReference } from './markdown';

// papaparse's default pattern misses cells with a line break; a cell starting so is a formula whatever follows.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Message keys of the columns (locales/*.json); the first column is the note's id. */
export const CSV_COLUMNS = [
  'csvDocument',
  'csvTitle',
  'csvUrl',
  'csvQuote',
  'csvMeasures',
  'csvLines',
  'csvNote',
  'csvTags',
  'csvCreated',
  'csvUpdated',
  'csvOrphaned',
  // The PDF page of a note taken in the viewer.
  'exportPage',
  // Faction notes (issue 17): the reader's note is shared; a colleague's note names its author.
  'factionUiCsvShared',
  'factionUiCsvAuthor',
] as const;

/**
 * One row a note. UTF-8 with BOM and CRLF so LibreOffice and Excel open it
 * with umlauts intact; papaparse quotes, and defuses cells that a spreadsheet
 * would run as a formula (=, +, -, @).
 */
/** The header row: the note's id, then the columns in the reader's language. */
export function csvHeader(label: ExportLabels = germanLabels): string[] {
  return ['id', ...CSV_COLUMNS.map((key) => label(key))];
}

export function exportNotesCsv(
  notes: readonly Note[],
  measureRef: MeasureReference,
  label: ExportLabels = germanLabels,
): string {
  const rows = notes.map((n) => [
    n.id,
    n.document.number ?? '',
    n.document.title ?? '',
    n.document.url,
    n.target?.quote.exact ?? '',
    n.measureIds.join(' '),
    n.measureIds
      .map((id) => measureRef(id) ?? '')
      .filter(Boolean)
      .join('; '),
    n.text,
    n.tags.join(', '),
    n.created,
    n.updated,
    n.orphaned ? label('exportYes') : '',
    n.target?.page !== undefined ? String(n.target.page) : '',
    n.shared && !n.faction ? label('exportYes') : '',
    n.faction?.author ?? '',
  ]);
  const fields = csvHeader(label);
  return `\uFEFF${Papa.unparse({ fields, data: rows }, { quotes: true, newline: '\r\n', escapeFormulae: FORMULA_START })}`;
}
