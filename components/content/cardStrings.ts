import { t } from '../i18n';
import type { CardStrings } from './card';

/** The card's and badge's words in the reader's language (web pages and the PDF viewer alike). */
export function cardStrings(): CardStrings & { badge: (spoken: string, terms: string) => string } {
  return {
    title: t('cardTitle'),
    matchedOn: t('cardMatchedOn'),
    resolution: t('cardResolution'),
    close: t('cardClose'),
    note: t('cardNote'),
    notes: t('cardNotes'),
    noteText: t('cardNoteText'),
    noteTags: t('cardNoteTags'),
    save: t('cardSave'),
    cancel: t('cardCancel'),
    saved: t('cardSaved'),
    saveFailed: t('cardSaveFailed'),
    share: t('shareSwitch'),
    factionNotes: t('factionUiCardHeading'),
    badge: (spoken, terms) => t('badgeLabel', [spoken, terms]),
  };
}
