import type { CardStrings } from '@/components/content/card';

/** The card's words, as the unit tests give them (German, as readers see them first). */
export const CARD_STRINGS: CardStrings = {
  title: 'Position',
  matchedOn: 'Gefunden',
  resolution: 'Beschluss',
  close: 'Schließen',
  note: 'Notiz zu dieser Stelle',
  notes: 'Notizen',
  noteText: 'Notiz',
  noteTags: 'Schlagworte',
  save: 'Speichern',
  cancel: 'Abbrechen',
  saved: 'Gespeichert',
  saveFailed: 'Fehler',
  share: 'Mit der Fraktion teilen',
  factionNotes: 'Notizen der Fraktion',
};
