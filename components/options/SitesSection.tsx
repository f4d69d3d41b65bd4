import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { COUNCIL_PATHS, KNOWN_COUNCIL_HOSTS } from '@/utils/detect/councilHosts';
import { t } from '../i18n';

/** All SessionNet and ALLRIS product pages, on any host. */
const ALL_COUNCIL_PAGES = COUNCIL_PATHS.map((path) => `*://*${path}`);

/** The council systems Ratsmarker knows, the sites the user added, and the one-click grant. */
export function SitesSection() {
  const added = useSignal<string[]>([]);
  const manifestOrigins = new Set(
    (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []),
  );
  const reload = async () => {
    const all = await browser.permissions.getAll();
    added.value = (all.origins ?? []).filter((o) => !manifestOrigins.has(o));
  };
  useEffect(() => {
    void reload();
  }, []);

  return (
    <section aria-labelledby="sites">
      <h2 id="sites">{t('optionsSites')}</h2>
      <h3>{t('optionsAddedSites')}</h3>
      {added.value.length === 0 ? (
        <p class="meta">{t('optionsNoAddedSites')}</p>
      ) : (
        <ul data-testid="added-sites">
          {added.value.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>{' '}
              <button
                type="button"
                onClick={async () => {
                  await browser.permissions.remove({ origins: [origin] });
                  await reload();
                }}
              >
                {t('optionsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="meta">{t('optionsGrantAllHelp')}</p>
      <button
        type="button"
        onClick={async () => {
          await browser.permissions.request({ origins: ALL_COUNCIL_PAGES });
          await reload();
        }}
      >
        {t('optionsGrantAll')}
      </button>
      <details>
        <summary>{t('optionsKnownSites')}</summary>
        <ul>
          {KNOWN_COUNCIL_HOSTS.map((h) => (
            <li key={h}>
              <code>{h}</code>
            </li>
          ))}
        </ul>
      </details>
      <p class="meta">{t('optionsShortcuts')}</p>
    </section>
  );
}
