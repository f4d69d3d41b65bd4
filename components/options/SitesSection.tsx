import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { addedSites } from '@/components/addedSites';
import { factionServerPatterns } from '@/components/background/factionProtocol';
import { ALL_COUNCIL_PAGES } from '@/components/content/readDecision';
import { KNOWN_COUNCIL_HOSTS } from '@/utils/detect/councilHosts';
import { t } from '../i18n';

/** The two lists: the hosts built into Ratsmarker (nothing to remove), and the sites the reader added (removable). */
export function SitesList(props: {
  builtIn: readonly string[];
  added: readonly string[];
  onRemove: (origin: string) => void;
}) {
  return (
    <>
      <h3 id="added-sites">{t('optionsAddedSites')}</h3>
      {props.added.length === 0 ? (
        <p class="meta">{t('optionsNoAddedSites')}</p>
      ) : (
        <ul data-testid="added-sites" aria-labelledby="added-sites">
          {props.added.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>{' '}
              <button type="button" onClick={() => props.onRemove(origin)}>
                {t('optionsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('optionsKnownSites')}</summary>
        <p class="meta">{t('optionsKnownSitesHelp')}</p>
        <ul data-testid="built-in-sites">
          {props.builtIn.map((h) => (
            <li key={h}>
              <code>{h}</code>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

/** The council systems Ratsmarker knows, the sites the user added, and the one-click grant, with what it grants. */
export function SitesSection() {
  const added = useSignal<string[]>([]);
  const reload = async () => {
    const [all, faction] = await Promise.all([browser.permissions.getAll(), factionServerPatterns()]);
    added.value = addedSites(all.origins ?? [], browser.runtime.getManifest(), faction);
  };
  useEffect(() => {
    void reload();
  }, []);

  return (
    <section aria-labelledby="sites">
      <h2 id="sites">{t('optionsSites')}</h2>
      <SitesList
        builtIn={KNOWN_COUNCIL_HOSTS}
        added={added.value}
        onRemove={async (origin) => {
          await browser.permissions.remove({ origins: [origin] });
          await reload();
        }}
      />
      <p class="meta" id="grant-all-help">
        {t('optionsGrantAllHelp')}
      </p>
      <button
        type="button"
        aria-describedby="grant-all-help"
        onClick={async () => {
          await browser.permissions.request({ origins: [...ALL_COUNCIL_PAGES] });
          await reload();
        }}
      >
        {t('optionsGrantAll')}
      </button>
      <p class="meta">{t('optionsShortcuts')}</p>
    </section>
  );
}
