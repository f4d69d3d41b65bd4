import { useSignal } from '@preact/signals';
import type { Note } from '@/utils/notes/types';
import { t } from '../i18n';
import { loadNotebook } from '../notes/loadNotebook';
import { deleteWithUndo } from '../notes/undo';
import { WriteFailure } from '../notes/WriteFailure';
import { writeFailureReason } from '../notes/writeFailure';
import { conflictVersions } from './conflictVersions';
import type { KeptVersion } from './keepVersion';

/**
 * "Konflikt: 2 Fassungen": the versions of a shared note side by side (this
 * device's and the faction server's others), each with "Diese Fassung
 * behalten". Keeping one writes it and ends the conflict; keeping a deletion
 * deletes the note (with undo).
 */
export function ConflictPicker({ note, onChange }: { note: Note; onChange?: () => void }) {
  const open = useSignal(false);
  const failure = useSignal('');
  const versions = conflictVersions(note, t('uiLanguage'));
  if (versions.length < 2) return null;
  const keep = async (kept: KeptVersion | 'deleted') => {
    failure.value = '';
    try {
      if (kept === 'deleted') await deleteWithUndo(note.id);
      else {
        const [{ db }, { keepVersion }] = await Promise.all([loadNotebook(), import('./keepVersion')]);
        await keepVersion(db, note.id, kept);
      }
      open.value = false;
      onChange?.();
    } catch (e) {
      failure.value = t('factionUiResolveFailed', writeFailureReason(e));
    }
  };
  return (
    <div class="conflict-picker">
      <button
        type="button"
        class="conflict-mark"
        aria-expanded={open.value}
        data-testid="note-conflict-versions"
        onClick={() => (open.value = !open.value)}
      >
        {t('factionUiConflict', String(versions.length))}
      </button>
      {open.value && (
        <section class="conflict" aria-label={t('factionUiConflict', String(versions.length))}>
          <p>{t('factionUiConflictHelp')}</p>
          <div class="versions">
            {versions.map((v) => (
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
          <WriteFailure message={failure.value} />
        </section>
      )}
    </div>
  );
}
