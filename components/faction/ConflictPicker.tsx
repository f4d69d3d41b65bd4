import { type Signal, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Note } from '@/utils/notes/types';
import { t } from '../i18n';
import { loadNotebook } from '../notes/loadNotebook';
import { deleteWithUndo } from '../notes/undo';
import { WriteFailure } from '../notes/WriteFailure';
import { writeFailureReason } from '../notes/writeFailure';
import { conflictVersions } from './conflictVersions';
import type { KeptVersion } from './keepVersion';
import { settleOnServer } from './resolveMessage';

const conflictLabel = (note: Note) => t('factionUiConflict', String(conflictVersions(note, 'de').length));

/** "Konflikt: 2 Fassungen", beside a note's actions: opens the versions (`open`). None without a conflict. */
export function ConflictButton({ note, open }: { note: Note; open: Signal<boolean> }) {
  if (!note.conflict?.versions.length) return null;
  return (
    <button type="button" class="conflict-mark" aria-expanded={open.value} onClick={() => (open.value = !open.value)}>
      {conflictLabel(note)}
    </button>
  );
}

/**
 * The versions of a shared note in conflict side by side, in a modal dialog (this device's and
 * the faction server's others), each with "Diese Fassung behalten". Keeping
 * one writes it and ends the conflict; keeping a deletion deletes the note
 * (with undo). A failed write says why and changes nothing.
 */
export function ConflictVersions({ note, onDone, onCancel }: { note: Note; onDone: () => void; onCancel: () => void }) {
  const failure = useSignal('');
  // A modal dialog: in the browser's top layer, the versions are not clipped by the list's fixed rows.
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);
  const keep = async (kept: KeptVersion) => {
    failure.value = '';
    try {
      // The notebook first (the reader sees the choice at once, also offline), then the sync is told.
      if (kept.kind === 'deleted') await deleteWithUndo(note.id);
      else {
        const [{ db }, { keepVersion }] = await Promise.all([loadNotebook(), import('./keepVersion')]);
        await keepVersion(db, note.id, kept);
      }
      void settleOnServer(note.id, kept);
      onDone();
    } catch (e) {
      failure.value = t('factionUiResolveFailed', writeFailureReason(e));
    }
  };
  return (
    <dialog
      ref={dialog}
      class="conflict-dialog conflict"
      aria-label={conflictLabel(note)}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <p>{t('factionUiConflictHelp')}</p>
      <div class="versions">
        {conflictVersions(note, t('uiLanguage')).map((v) => (
          <section key={v.key} class="version" aria-label={v.heading}>
            <h3 class="version-heading">{v.heading}</h3>
            {v.deleted ? (
              <p class="version-text">
                <em>{t('factionUiVersionDeleted')}</em>
              </p>
            ) : (
              <>
                <p class="version-text">{v.text}</p>
                {v.tags.length > 0 && <p class="version-text note-tags">{v.tags.map((x) => `#${x}`).join(' ')}</p>}
              </>
            )}
            <button type="button" onClick={() => void keep(v.kept)}>
              {t('factionUiKeepVersion')}
            </button>
          </section>
        ))}
      </div>
      <div class="actions">
        <button type="button" onClick={onCancel}>
          {t('popupCancel')}
        </button>
      </div>
      <WriteFailure message={failure.value} />
    </dialog>
  );
}
