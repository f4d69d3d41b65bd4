import { formatMessage } from '../i18n/messages';
import type { Note } from '../notes/types';

export type MeasureReference = (id: string) => string | undefined;
/** Headings and names of the export in the reader's language (German by default). */
export type ExportLabels = (key: string, params?: string[]) => string;
export const germanLabels: ExportLabels = (key, params) => formatMessage(key, params);

/** A colleague's name inside the note's <small> line: markup characters as entities. */
const inline = (s: string) => s.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`);

const quoteBlock = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => `> ${l}`)
    .join('\n');

/** Markdown grouped by document: heading with link, then each note with its quote, measures and text. */
export function exportNotesMarkdown(
  notes: readonly Note[],
  measureRef: MeasureReference,
  label: ExportLabels = germanLabels,
): string {
  const groups = new Map<string, Note[]>();
  for (const n of notes) groups.set(n.documentKey, [...(groups.get(n.documentKey) ?? []), n]);
  const out: string[] = [`# ${label('exportTitle')}`, ''];
  for (const group of groups.values()) {
    const d = (group[0] as Note).document;
    const heading = [d.number, d.title].filter(Boolean).join(' – ') || d.url;
    out.push(`## ${heading}`, '', `<${d.url}>`, '');
    for (const n of group) {
      if (n.target) {
        const page = n.target.page !== undefined ? ` (${label('exportPage')} ${n.target.page})` : '';
        out.push(quoteBlock(n.target.quote.exact) + page, '');
      }
      if (n.measureIds.length > 0) {
        out.push(
          `*${n.measureIds.map((id) => `${id}${measureRef(id) ? ` (${measureRef(id)})` : ''}`).join('; ')}*`,
          '',
        );
      }
      if (n.text) out.push(n.text, '');
      const meta = [
        n.tags.length > 0 ? `${label('exportTags')}: ${n.tags.join(', ')}` : '',
        `${label('exportChanged')} ${n.updated.slice(0, 10)}`,
      ];
      if (n.orphaned) meta.push(label('exportOrphaned'));
      // Faction notes (issue 17): a colleague's note names its author; the reader's shared ones say so.
      if (n.faction) meta.push(label('factionUiExportColleague', [inline(n.faction.author)]));
      else if (n.shared) meta.push(label('shareMarkLabel'));
      out.push(`<small>${meta.filter(Boolean).join(' · ')}</small>`, '', '---', '');
    }
  }
  return out.join('\n');
}
