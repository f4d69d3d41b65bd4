import { formatMessage } from '../i18n/messages';
import type { Note } from '../notes/types';

export type MeasureReference = (id: string) => string | undefined;
/** Headings and names of the export in the reader's language (German by default). */
export type ExportLabels = (key: string) => string;
export const germanLabels: ExportLabels = (key) => formatMessage(key);

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
      out.push(`<small>${meta.filter(Boolean).join(' · ')}</small>`, '', '---', '');
    }
  }
  return out.join('\n');
}
