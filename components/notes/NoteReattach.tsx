import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Note, NoteTarget } from '@/utils/notes/types';
import { t } from '../i18n';
import { askTab } from '../tabMessages';
import { loadNotebook } from './loadNotebook';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A note's earlier quotes, and for a note no longer found on the page in the
 * current tab: "Neu zuordnen", which puts it on the passage the reader has
 * selected there (on the page or in the PDF viewer), keeping the old quote;
 * and, where several places fit it alike or one fits its quote but not its
 * context, those places to choose from.
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
  const places = useSignal<NoteTarget[]>([]);
  const offer = canReattach && note.orphaned && note.target;
  // Where the note could stand (several places alike, or one whose context differs): offered, one click each.
  useEffect(() => {
    if (!offer || !note.target) return;
    const target = note.target;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      places.value = (tab?.id !== undefined && (await askTab(tab.id, 'notePlaces', target))) || [];
    })().catch(() => undefined);
  }, [offer, note.target]);
  /** Puts the note on `chosen`, or on what the reader has selected in the tab. */
  const reattach = async (chosen?: NoteTarget) => {
    busy.value = true;
    message.value = '';
    try {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const target = chosen ?? (tab?.id === undefined ? undefined : await askTab(tab.id, 'selectionTarget', undefined));
      if (!target || tab?.id === undefined) {
        message.value = t('popupReattachNoSelection');
        return;
      }
      const [{ db }, { reattachNote }] = await Promise.all([loadNotebook(), import('@/utils/db/reattachNote')]);
      await reattachNote(db, note.id, target);
      // The page draws its note markers again, with this note on its new passage.
      await askTab(tab.id, 'refreshNotes', undefined);
      places.value = [];
      message.value = t('popupReattached');
      onChange?.();
    } catch {
      message.value = t('popupReattachFailed');
    } finally {
      busy.value = false;
    }
  };
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
      {offer && places.value.length > 0 && (
        <div class="actions note-places">
          <span class="meta">{t(places.value.length > 1 ? 'popupReattachPlaces' : 'popupReattachPlace')}</span>
          {places.value.map((p) => (
            <button key={p.position.start} type="button" disabled={busy.value} onClick={() => void reattach(p)}>
              {t('popupReattachHere', clip(p.quote.exact, 60))}
            </button>
          ))}
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
