import { signal } from '@preact/signals';
import { render } from 'preact';
import { t } from '@/components/i18n';
import { AllNotes } from '@/components/notes/AllNotes';
import { UndoToast } from '@/components/notes/UndoToast';
import { PackSummary } from '@/components/PackSummary';
import { PageStatus } from '@/components/PageStatus';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import './style.css';

const view = signal<'page' | 'notes'>(location.hash === '#notes' ? 'notes' : 'page');
const packs = [builtinKw21()];

function Popup() {
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
          <PackSummary pack={packs[0] as (typeof packs)[number]} />
        </>
      ) : (
        <AllNotes packs={packs} />
      )}
      <UndoToast />
    </main>
  );
}

render(<Popup />, document.getElementById('app') as HTMLElement);
