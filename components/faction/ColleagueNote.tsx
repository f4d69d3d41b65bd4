import { useSignal } from '@preact/signals';
import { useState } from 'preact/hooks';
import type { Note } from '@/utils/notes/types';
import { t } from '../i18n';
import { loadNotebook } from '../notes/loadNotebook';
import { SaveOrCancel } from '../notes/SaveOrCancel';
import { WriteFailure } from '../notes/WriteFailure';
import { writeFailureReason } from '../notes/writeFailure';
import { colleagueByline, editedByline } from './byline';
import { factionStatus } from './factionState';

/** "bearbeitet von Bernd B., 01.12.2026" under a shared note a colleague changed (the author's or a colleague's). */
export function EditedBy({ note }: { note: Note }) {
  const by = editedByline(note, t('uiLanguage'));
  return by ? (
    <p class="note-author" data-testid="note-edited-by">
      {t('factionUiEditedBy', by)}
    </p>
  ) : null;
}

/**
 * Changes the text of a colleague's note (issue 17): saved under the
 * reader's name, sent by the sync as a new revision. Changed meanwhile (the
 * sync brought the author's change): the reader is shown it, and saving
 * again puts the reader's text over it; a failed write keeps the text.
 */
function ColleagueEditor({ note: current, onClose }: { note: Note; onClose: () => void }) {
  const [note] = useState(current);
  const text = useSignal(note.text);
  const base = useSignal(note.updated);
  const failure = useSignal('');
  const author = note.faction?.author ?? '';
  const save = async (e: Event) => {
    e.preventDefault();
    failure.value = '';
    try {
      const [{ db }, { editColleagueNote }, me] = await Promise.all([
        loadNotebook(),
        import('@/utils/db/colleagueEdit'),
        factionStatus(),
      ]);
      const name = me.author ?? me.user ?? '–';
      const editor = { author: name, ...(me.user !== undefined ? { user: me.user } : {}) };
      await editColleagueNote(db, note.id, text.value.trim(), editor, new Date(), base.value);
      onClose();
    } catch (err) {
      const other = (err as { name?: string; current?: Note } | undefined)?.current;
      if (other) {
        // Saving again now keeps the reader's text over the newer one.
        base.value = other.updated;
        failure.value = t('popupConflict', other.text);
      } else failure.value = t('popupSaveFailed', writeFailureReason(err));
    }
  };
  return (
    <form onSubmit={save} class="note-edit">
      <label>
        {t('cardNoteText')}
        <textarea
          value={text.value}
          onInput={(e) => (text.value = e.currentTarget.value)}
          required
          aria-describedby={`colleague-edit-${note.id}`}
        />
      </label>
      <p class="meta" id={`colleague-edit-${note.id}`}>
        {t('factionUiColleagueEditHelp', author)}
      </p>
      <SaveOrCancel onCancel={onClose} />
      <WriteFailure message={failure.value} />
    </form>
  );
}

/**
 * A colleague's note in the popup's list: who wrote it, who changed it, its
 * text; "Text ändern" lets the reader change the text (never delete it, its
 * tags or whether it is shared: that is the author's). A conflict is the
 * author's to settle: here it is only named.
 */
export function ColleagueNote({ note, onChange }: { note: Note; onChange?: () => void }) {
  const editing = useSignal(false);
  const author = note.faction?.author ?? '';
  return (
    <>
      <p class="note-author" data-testid="note-author">
        {t('factionUiAuthor', colleagueByline(note, t('uiLanguage')))}
      </p>
      <EditedBy note={note} />
      {note.conflict?.versions.length ? (
        <p class="conflict-mark" data-testid="note-conflict-author">
          {t('factionUiConflictAuthorPicks', author)}
        </p>
      ) : null}
      {editing.value ? (
        <ColleagueEditor
          note={note}
          onClose={() => {
            editing.value = false;
            onChange?.();
          }}
        />
      ) : (
        <>
          <p class="note-text" elementtiming="ratsmarker-note">
            {note.text}
          </p>
          {note.tags.length > 0 && <p class="note-tags">{note.tags.map((x) => `#${x}`).join(' ')}</p>}
          <div class="actions">
            <button type="button" onClick={() => (editing.value = true)}>
              {t('factionUiEditColleague')}
            </button>
          </div>
        </>
      )}
    </>
  );
}
