import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { clearRadarCache, RadarCacheDB, radarCacheSize } from '@/utils/radar/radarCache';
import { t } from '../i18n';

/**
 * The meeting radar's cache: what it holds, and a button that empties it.
 * Notes live elsewhere and are never touched by it.
 */
export function RadarCacheSection() {
  const size = useSignal<{ documents: number; characters: number } | undefined>(undefined);
  const status = useSignal('');
  const db = new RadarCacheDB();
  const read = () =>
    radarCacheSize(db).then(
      (s) => {
        size.value = s;
      },
      () => {
        size.value = { documents: 0, characters: 0 };
      },
    );
  useEffect(() => {
    void read();
  }, []);
  const kilobytes = Math.ceil((size.value?.characters ?? 0) / 1000).toLocaleString();
  return (
    <section aria-labelledby="radar-cache">
      <h2 id="radar-cache">{t('optionsRadar')}</h2>
      <p>{t('optionsRadarIntro')}</p>
      <p>{size.value ? t('optionsRadarSize', [String(size.value.documents), kilobytes]) : ''}</p>
      <button
        type="button"
        disabled={!size.value || size.value.documents === 0}
        onClick={async () => {
          try {
            await clearRadarCache(db);
            status.value = t('optionsRadarCleared');
          } catch {
            status.value = t('optionsRadarClearFailed');
          }
          await read();
        }}
      >
        {t('optionsRadarClear')}
      </button>
      <p role="status">{status.value}</p>
    </section>
  );
}
