import { useSignal } from '@preact/signals';
import { useState } from 'preact/hooks';
import type { Note } from '@/utils/notes/types';
import { ShareSwitch } from '../faction/ShareSwitch';
import { useFactionStatus } from '../faction/useFaction';
import { t } from '../i18n';
import { loadNotebook } from './loadNotebook';
import { NoteFields } from './NoteFields';
import { SaveOrCancel } from './SaveOrCancel';
import { WriteFailure } from './WriteFailure';
import { writeFailureReason } from './writeFailure';

/**
 * Edits a note's text and tags. The save compares the note with the copy the
 * editor began from (inside the write): changed in another tab or window, the
 * reader chooses between their text and the other; deleted there, the text
 * stays here and can be kept. A failed write says why and keeps the text.
 */
export function NoteEditor({
  note: current,
  onClose,
  onChange,
}: {
  note: Note;
  onClose: () => void;
  onChange?: () => void;
}) {
  // The copy the editor began from: the list's live query hands in newer ones
  // (changed in another tab) while the reader types, and those must not pass
  // for the copy the reader edited.
  const [note] = useState(current);
  const text = useSignal(note.text);
  const tags = useSignal(note.tags.join(', '));
  const shared = useSignal(note.shared === true);
  const faction = useFactionStatus();
  const failure = useSignal('');
  const theirs = useSignal<Note | undefined>(undefined);
  const gone = useSignal(false);

  const write = async (ifUpdated: string, restore?: Note) => {
    failure.value = '';
    try {
      const { db, updateNote, restoreNote } = await loadNotebook();
      if (restore) await restoreNote(db, restore);
      // The switch is there (and its value meant) only with a faction connected.
      const changes: { text: string; tags: string[]; shared?: boolean } = {
        text: text.value.trim(),
        tags: tags.value.split(','),
        ...(faction.value.connected ? { shared: shared.value } : {}),
      };
      await updateNote(db, note.id, changes, new Date(), ifUpdated);
      onClose();
      onChange?.();
    } catch (e) {
      const name = (e as Error | undefined)?.name;
      if (name === 'NoteConflictError') theirs.value = (e as { current: Note }).current;
      else if (name === 'NoteGoneError') gone.value = true;
      else failure.value = t('popupSaveFailed', writeFailureReason(e));
    }
  };
  const save = (e: Event) => {
    e.preventDefault();
    void write(note.updated);
  };
  const other = theirs.value;
  return (
    <form onSubmit={save} class="note-edit">
      <NoteFields label={t('cardNoteText')} text={text} tags={tags} required />
      <ShareSwitch shared={shared} connected={faction.value.connected} />
      {other ? (
        <div class="conflict" role="alert" data-testid="note-conflict">
          <p>{t('popupConflict', other.text)}</p>
          <div class="actions">
            <button type="button" onClick={() => void write(other.updated)}>
              {t('popupKeepMine')}
            </button>
            <button type="button" onClick={onClose}>
              {t('popupTakeTheirs')}
            </button>
          </div>
        </div>
      ) : gone.value ? (
        <div class="conflict" role="alert" data-testid="note-conflict">
          <p>{t('popupGone')}</p>
          <div class="actions">
            <button type="button" onClick={() => void write(note.updated, note)}>
              {t('popupKeepMine')}
            </button>
          </div>
        </div>
      ) : (
        <SaveOrCancel onCancel={onClose} />
      )}
      <WriteFailure message={failure.value} />
    </form>
  );
}
