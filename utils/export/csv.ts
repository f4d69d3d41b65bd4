import Papa from 'papaparse';
import type { Note } from '../notes/types';
import type { MeasureReference } from './markdown';

// papaparse's default pattern misses cells with a line break; a cell starting so is a formula whatever follows.
const FORMULA_START = /^[=+\-@\t\r]/;

export const CSV_COLUMNS = [
  'id',
  'Dokument',
  'Titel',
  'URL',
  'Zitat',
  'Maßnahmen',
  'Zeilen',
  'Notiz',
  'Schlagworte',
  'Erstellt',
  'Geändert',
  'Nicht mehr gefunden',
] as const;

/**
 * One row a note. UTF-8 with BOM and CRLF so LibreOffice and Excel open it
 * with umlauts intact; papaparse quotes, and defuses cells that a spreadsheet
 * would run as a formula (=, +, -, @).
 */
export function exportNotesCsv(notes: readonly Note[], measureRef: MeasureReference): string {
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
    n.orphaned ? 'ja' : '',
  ]);
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { quotes: true, newline: '\r\n', escapeFormulae: FORMULA_START })}`;
}
