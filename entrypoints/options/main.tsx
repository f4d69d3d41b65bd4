import { render } from 'preact';
import { markPageLanguage, t } from '@/components/i18n';
import { FactionSection } from '@/components/options/FactionSection';
import { PacksSection } from '@/components/options/PacksSection';
import { RadarCacheSection } from '@/components/options/RadarCacheSection';
import { SensitivitySection } from '@/components/options/SensitivitySection';
import { SitesSection } from '@/components/options/SitesSection';
import './style.css';

markPageLanguage();
document.title = t('optionsTitle');

render(
  <main>
    <h1>{t('optionsTitle')}</h1>
    <PacksSection />
    <SensitivitySection />
    <SitesSection />
    <RadarCacheSection />
    <FactionSection />
  </main>,
  document.getElementById('app') as HTMLElement,
);
