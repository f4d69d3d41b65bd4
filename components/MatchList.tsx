import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from './i18n';
import type { PageReport } from './messages';
import { askTab } from './tabMessages';

// The side panel stays open while the user reads; it looks again this often.
const REFRESH_MS = 2_000;

/**
 * Every matched passage of the current tab, grouped by measure, with its
 * words and a jump to it: the side panel, and the screen-reader path to the
 * highlights (which assistive technology cannot see).
 */
export function MatchList() {
  const state = useSignal<{ tabId: number; report: PageReport } | null | undefined>(undefined);
  useEffect(() => {
    const read = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) {
        state.value = null;
        return;
      }
      const report = await askTab(tab.id, 'getReport', undefined);
      state.value = report ? { tabId: tab.id, report } : null;
    };
    void read();
    const timer = setInterval(read, REFRESH_MS);
    const onActivated = () => void read();
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      clearInterval(timer);
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);

  const s = state.value;
  if (s === undefined) return null;
  const report = s?.report;
  return (
    <main>
      <header>
        <h1>{t('sidepanelTitle')}</h1>
        {report?.document.title && (
          <p class="meta">{[report.document.number, report.document.title].filter(Boolean).join(' – ')}</p>
        )}
      </header>
      {!report || report.measures.length === 0 ? (
        <p class="meta" style={{ padding: '0 14px' }}>
          {t('sidepanelEmpty')}
        </p>
      ) : (
        report.measures.map((m) => (
          <section key={m.id} aria-labelledby={`m-${m.id}`} data-testid="measure-group">
            <h2 id={`m-${m.id}`}>
              {m.label} <small>({m.reference})</small>
            </h2>
            <ul class="matches">
              {report.passages
                .filter((p) => p.measureIds.includes(m.id))
                .map((p) => (
                  <li key={p.index}>
                    <button
                      type="button"
                      class="link"
                      aria-label={`${t('sidepanelJump')}: ${p.text.slice(0, 80)}`}
                      onClick={() => s && void askTab(s.tabId, 'showPassage', p.index)}
                    >
                      {p.where && <small class="where">{p.where}: </small>}„
                      {p.text.length > 160 ? `${p.text.slice(0, 159)}…` : p.text}“
                    </button>
                  </li>
                ))}
            </ul>
          </section>
        ))
      )}
    </main>
  );
}
