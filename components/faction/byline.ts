import type { Note } from '@/utils/notes/types';

/** "Anna Beispiel · 01.12.2026": who wrote a colleague's note, and when it last changed (card and popup). */
export function colleagueByline(note: Pick<Note, 'faction' | 'updated'>, locale: string): string {
  const day = new Date(note.updated);
  const date = Number.isNaN(day.getTime())
    ? note.updated
    : day.toLocaleDateString(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
  return [note.faction?.author, date].filter(Boolean).join(' · ');
}
