import { useSignal } from '@preact/signals';
import type { Note } from '@/utils/notes/types';
import { ColleagueNote, EditedBy } from '../faction/ColleagueNote';
import { ConflictButton, ConflictVersions } from '../faction/ConflictPicker';
import { t } from '../i18n';
import { NoteEditor } from './NoteEditor';
import { NoteReattach } from './NoteReattach';
import { deleteWithUndo } from './undo';
import { WriteFailure } from './WriteFailure';
import { writeFailureReason } from './writeFailure';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One note: its passage, measures, text and tags, with edit and delete (a colleague's: its text only, with its author). */
export function NoteItem({
  note,
  showDocument,
  onChange,
}: {
  note: Note;
  showDocument: boolean;
  onChange?: () => void;
}) {
  const editing = useSignal(false);
  const resolving = useSignal(false);
  const failure = useSignal('');
  const d = note.document;
  const colleague = note.faction !== undefined;
  return (
    <article class={colleague ? 'note colleague' : 'note'} data-testid="note" data-note-id={note.id}>
      {showDocument && (
        <p class="note-doc">
          <a href={d.url} target="_blank" rel="noreferrer">
            {clip([d.number, d.title].filter(Boolean).join(' – ') || d.url, 90)}
          </a>
        </p>
      )}
      <p class="note-quote">
        {note.target ? `„${clip(note.target.quote.exact, 160)}“` : <em>{t('popupPageNoteLabel')}</em>}
        {note.orphaned && <span class="orphan"> · {t('popupOrphaned')}</span>}
        {note.shared && !colleague && (
          <span class="shared-mark" title={t('shareMarkLabel')}>
            {t('shareMark')}
          </span>
        )}
      </p>
      {!colleague && <NoteReattach note={note} canReattach={!showDocument} onChange={onChange} />}
      {note.measureIds.length > 0 && <p class="note-measures">{note.measureIds.join(', ')}</p>}
      {colleague ? (
        // A colleague's note: who wrote it and when; only its text may be changed, under the reader's name.
        <ColleagueNote note={note} onChange={onChange} />
      ) : resolving.value ? (
        <ConflictVersions
          note={note}
          onDone={() => {
            resolving.value = false;
            onChange?.();
          }}
          onCancel={() => (resolving.value = false)}
        />
      ) : editing.value ? (
        <NoteEditor note={note} onClose={() => (editing.value = false)} onChange={onChange} />
      ) : (
        <>
          <EditedBy note={note} />
          {/* Element Timing: the benchmark reads when the first note text is painted. */}
          <p class="note-text" elementtiming="ratsmarker-note">
            {note.text}
          </p>
          {note.tags.length > 0 && <p class="note-tags">{note.tags.map((x) => `#${x}`).join(' ')}</p>}
          <div class="actions">
            <ConflictButton note={note} open={resolving} />
            <button type="button" onClick={() => (editing.value = true)}>
              {t('popupEdit')}
            </button>
            <button
              type="button"
              onClick={async () => {
                failure.value = '';
                try {
                  await deleteWithUndo(note.id);
                  onChange?.();
                } catch (e) {
                  failure.value = t('popupDeleteFailed', writeFailureReason(e));
                }
              }}
            >
              {t('popupDelete')}
            </button>
          </div>
          <WriteFailure message={failure.value} />
        </>
      )}
    </article>
  );
}
