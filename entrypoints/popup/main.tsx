import { render } from 'preact';
import { t } from '@/components/i18n';
import { PackSummary } from '@/components/PackSummary';
import { PageStatus } from '@/components/PageStatus';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import './style.css';

render(
  <main>
    <header>
      <h1>{t('popupTitle')}</h1>
      <p class="meta">{t('popupIntro')}</p>
    </header>
    <PageStatus />
    <PackSummary pack={builtinKw21()} />
  </main>,
  document.getElementById('app') as HTMLElement,
);
