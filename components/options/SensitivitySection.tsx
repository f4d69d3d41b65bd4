import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { SENSITIVITY_LEVELS } from '@/utils/pack/storedPacks';
import { t } from '../i18n';
import { saveSensitivity, sensitivityItem } from '../packs';

/** Fewer, surer matches ↔ more matches; the middle is the matcher's default threshold. */
export function SensitivitySection() {
  const level = useSignal<number | undefined>(undefined);
  useEffect(() => {
    void sensitivityItem.getValue().then((v) => {
      level.value = v;
    });
  }, []);
  if (level.value === undefined) return null;
  return (
    <section aria-labelledby="sensitivity">
      <h2 id="sensitivity">{t('optionsSensitivity')}</h2>
      <div class="range">
        <span aria-hidden="true">{t('optionsSensitivityLess')}</span>
        <input
          type="range"
          min={0}
          max={SENSITIVITY_LEVELS.length - 1}
          step={1}
          value={level.value}
          aria-label={t('optionsSensitivity')}
          aria-valuetext={`${level.value + 1} / ${SENSITIVITY_LEVELS.length}`}
          onInput={(e) => {
            level.value = Number(e.currentTarget.value);
            void saveSensitivity(level.value);
          }}
        />
        <span aria-hidden="true">{t('optionsSensitivityMore')}</span>
      </div>
    </section>
  );
}
