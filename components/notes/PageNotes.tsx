import { useSignal } from '@preact/signals';
import type { NewNote } from '@/utils/db/notesStore';
import type { NoteDocument } from '@/utils/notes/types';
import { ShareSwitch } from '../faction/ShareSwitch';
import { useFactionStatus } from '../faction/useFaction';
import { t } from '../i18n';
import { loadNotebook } from './loadNotebook';
import { NoteFields } from './NoteFields';
import { NoteItem } from './NoteItem';
import { useLive } from './useLive';
import { WriteFailure } from './WriteFailure';
import { writeFailureReason } from './writeFailure';

/** The notes of the document in the current tab, and a field for a page note. */
export function PageNotes({ document: doc, onChange }: { document: NoteDocument; onChange?: () => void }) {
  const notes = useLive(({ db, notesForDocument }) => notesForDocument(db, doc.key), [doc.key], []);
  const text = useSignal('');
  const tags = useSignal('');
  // Page notes belong to no pack: the switch starts off.
  const shared = useSignal(false);
  const faction = useFactionStatus();
  const failure = useSignal('');
  const save = async (e: Event) => {
    e.preventDefault();
    if (!text.value.trim()) return;
    failure.value = '';
    try {
      const { db, addNote } = await loadNotebook();
      const note: NewNote & { shared?: boolean } = {
        document: doc,
        text: text.value.trim(),
        tags: tags.value.split(','),
        ...(faction.value.connected && shared.value ? { shared: true } : {}),
      };
      await addNote(db, note);
    } catch (err) {
      // The text stays in the field, to be saved again.
      failure.value = t('popupSaveFailed', writeFailureReason(err));
      return;
    }
    text.value = '';
    tags.value = '';
    shared.value = false;
    onChange?.();
  };
  return (
    <section aria-labelledby="page-notes">
      <h2 id="page-notes">{t('popupNotes')}</h2>
      {notes.value.map((n) => (
        <NoteItem key={n.id} note={n} showDocument={false} onChange={onChange} />
      ))}
      <form onSubmit={save} class="note-edit">
        <NoteFields label={t('popupPageNote')} text={text} tags={tags} />
        <ShareSwitch shared={shared} connected={faction.value.connected} />
        <div class="actions">
          <button type="submit">{t('popupAddNote')}</button>
        </div>
        <WriteFailure message={failure.value} />
      </form>
    </section>
  );
}
