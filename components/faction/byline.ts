import type { Note } from '@/utils/notes/types';
import { t } from '../i18n';

function day(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** "Anna Beispiel · 01.12.2026": who wrote a colleague's note, and when it last changed (card and popup). */
export function colleagueByline(note: Pick<Note, 'faction' | 'updated'>, locale: string): string {
  return [note.faction?.author, day(note.updated, locale)].filter(Boolean).join(' · ');
}

/** ["Bernd B.", "01.12.2026"]: who changed a shared note's text that is not theirs, and when; none if nobody did. */
export function editedByline(note: Pick<Note, 'editedBy'>, locale: string): [string, string] | undefined {
  return note.editedBy ? [note.editedBy.author, day(note.editedBy.at, locale)] : undefined;
}

/** „bearbeitet von Bernd B., 01.12.2026“ for the card on the page (as the popup says it); none if nobody did. */
export function editedLine(note: Pick<Note, 'editedBy'>, locale: string): string | undefined {
  const by = editedByline(note, locale);
  return by && t('factionUiEditedBy', by);
}
