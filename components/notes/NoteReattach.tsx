import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Note } from '@/utils/notes/types';
import { t } from '../i18n';
import { askTab } from '../tabMessages';
import { loadNotebook } from './loadNotebook';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A note's earlier quotes, and for a note no longer found on the page in the
 * current tab: "Neu zuordnen", which puts it on the passage the reader has
 * selected there (on the page or in the PDF viewer), keeping the old quote.
 */
export function NoteReattach({
  note,
  canReattach,
  onChange,
}: {
  note: Note;
  /** The note belongs to the document in the current tab (the page's notes, not all notes). */
  canReattach: boolean;
  onChange?: () => void;
}) {
  const busy = useSignal(false);
  const message = useSignal('');
  const hintId = `reattach-hint-${note.id}`;
  const reattach = async () => {
    busy.value = true;
    message.value = '';
    try {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const target = tab?.id === undefined ? undefined : await askTab(tab.id, 'selectionTarget', undefined);
      if (!target || tab?.id === undefined) {
        message.value = t('popupReattachNoSelection');
        return;
      }
      const [{ db }, { reattachNote }] = await Promise.all([loadNotebook(), import('@/utils/db/reattachNote')]);
      await reattachNote(db, note.id, target);
      // The page draws its note markers again, with this note on its new passage.
      await askTab(tab.id, 'refreshNotes', undefined);
      message.value = t('popupReattached');
      onChange?.();
    } catch {
      message.value = t('popupReattachFailed');
    } finally {
      busy.value = false;
    }
  };
  const offer = canReattach && note.orphaned && note.target;
  return (
    <>
      {(note.history ?? []).map((h) => (
        <p key={h.until} class="note-quote note-history">
          {t('popupEarlierQuote', clip(h.target.quote.exact, 160))}
        </p>
      ))}
      {offer && (
        <div class="actions">
          <button type="button" aria-describedby={hintId} disabled={busy.value} onClick={() => void reattach()}>
            {t('popupReattach')}
          </button>
          <span id={hintId} class="meta">
            {t('popupReattachHint')}
          </span>
        </div>
      )}
      {canReattach && note.target && (
        <p role="status" class="meta">
          {message.value}
        </p>
      )}
    </>
  );
}
