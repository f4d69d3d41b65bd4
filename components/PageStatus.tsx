import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isPdfUrl } from '@/utils/detect/pdfLinks';
import { noteDocument } from '@/utils/notes/documentKey';
import type { NoteDocument } from '@/utils/notes/types';
import { t } from './i18n';
import { type PageReport, sendMessage } from './messages';
import { PageNotes } from './notes/PageNotes';
import { askTab, waitForReport } from './tabMessages';

type State =
  | { kind: 'loading' }
  | { kind: 'none'; tabId?: number; origin?: string; document?: NoteDocument; pdf?: string }
  | { kind: 'report'; tabId: number; report: PageReport; document: NoteDocument };

async function readTab(): Promise<State> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { kind: 'none' };
  const web = tab.url?.startsWith('http') ? tab.url : undefined;
  const origin = web ? new URL(web).origin : undefined;
  const plain = web ? noteDocument(web, { title: tab.title }) : undefined;
  const report = await askTab(tab.id, 'getReport', undefined);
  if (report) return { kind: 'report', tabId: tab.id, report, document: report.noteDocument };
  const pdf = web && isPdfUrl(new URL(web)) ? web : undefined;
  return { kind: 'none', tabId: tab.id, origin, document: plain, pdf };
}

/** What Ratsmarker found on the current tab, and the ways to have it look. */
export function PageStatus() {
  const state = useSignal<State>({ kind: 'loading' });
  const checking = useSignal(false);
  const refresh = async () => {
    state.value = await readTab();
  };
  useEffect(() => {
    void refresh();
  }, []);

  const s = state.value;
  if (s.kind === 'loading') return null;
  if (s.kind === 'none') {
    const checkNow = async () => {
      const tabId = s.tabId;
      if (tabId === undefined) return;
      checking.value = true;
      try {
        await sendMessage('checkTab', tabId);
        // However long the page takes to read: the status follows the scan's report.
        await waitForReport(tabId);
      } finally {
        checking.value = false;
        await refresh();
      }
    };
    const alwaysCheck = async () => {
      if (!s.origin?.startsWith('http')) return;
      const granted = await browser.permissions.request({ origins: [`${s.origin}/*`] });
      if (granted) await checkNow();
    };
    return (
      <>
        <section aria-labelledby="this-page">
          <h2 id="this-page">{t('popupThisPage')}</h2>
          <p class="meta" role="status">
            {checking.value ? t('popupChecking') : t('popupNotChecked')}
          </p>
          <div class="actions">
            {s.pdf && (
              <button
                type="button"
                onClick={() => void sendMessage('openViewer', s.pdf as string).then(() => window.close())}
              >
                {t('popupOpenPdf')}
              </button>
            )}
            <button type="button" onClick={checkNow} disabled={s.tabId === undefined || checking.value}>
              {t('popupCheckPage')}
            </button>
            <button type="button" onClick={alwaysCheck} disabled={!s.origin?.startsWith('http')}>
              {t('popupAlwaysCheck')}
            </button>
          </div>
        </section>
        {s.document && <PageNotes document={s.document} />}
      </>
    );
  }
  const { report, tabId } = s;
  const d = report.document;
  const redraw = () => void askTab(tabId, 'refreshNotes', undefined);
  return (
    <>
      <section aria-labelledby="this-page" data-testid="page-status">
        <h2 id="this-page">{t('popupThisPage')}</h2>
        {(d.number || d.title) && (
          <p class="doc" data-testid="page-document">
            {[d.kind, d.number].filter(Boolean).join(' ')}
            {d.title ? ` – ${d.title}` : ''}
            {d.committee || d.date ? <small>{[d.committee, d.date].filter(Boolean).join(' · ')}</small> : null}
          </p>
        )}
        {report.measures.length === 0 ? (
          <p class="meta">{t('popupNoMatches')}</p>
        ) : (
          <ul class="matches">
            {report.measures.map((m) => (
              <li key={m.id}>
                <button type="button" class="link" onClick={() => void askTab(tabId, 'showMeasure', m.id)}>
                  {m.label}
                </button>{' '}
                <small>
                  ({m.reference}) · {m.count === 1 ? t('popupOneMatch') : t('popupMatchCount', String(m.count))}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
      <PageNotes document={s.document} onChange={redraw} />
    </>
  );
}
