import { signal } from '@preact/signals';
import { render } from 'preact';
import { markPageLanguage, t } from '@/components/i18n';
import { AllNotes } from '@/components/notes/AllNotes';
import { UndoToast } from '@/components/notes/UndoToast';
import { PackSummary } from '@/components/PackSummary';
import { PageStatus } from '@/components/PageStatus';
import { useActivePacks } from '@/components/useActivePacks';
import './style.css';

const view = signal<'page' | 'notes'>(location.hash === '#notes' ? 'notes' : 'page');

function Popup() {
  const packs = useActivePacks();
  return (
    <main>
      <header>
        <h1>{t('popupTitle')}</h1>
        <nav class="views" aria-label={t('popupTitle')}>
          <button type="button" aria-pressed={view.value === 'page'} onClick={() => (view.value = 'page')}>
            {t('popupThisPage')}
          </button>
          <button type="button" aria-pressed={view.value === 'notes'} onClick={() => (view.value = 'notes')}>
            {t('popupAllNotes')}
          </button>
        </nav>
      </header>
      {view.value === 'page' ? (
        <>
          <PageStatus />
          {packs.value?.map((p) => (
            <PackSummary key={p.id} pack={p} />
          ))}
        </>
      ) : (
        <AllNotes packs={packs.value ?? []} />
      )}
      <UndoToast />
    </main>
  );
}

markPageLanguage();
render(<Popup />, document.getElementById('app') as HTMLElement);
