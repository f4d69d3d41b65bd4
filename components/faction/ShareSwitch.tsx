import type { Signal } from '@preact/signals';
import { t } from '../i18n';

/** "Mit der Fraktion teilen" in the popup's note editors; shown only with a faction connected. */
export function ShareSwitch({ shared, connected }: { shared: Signal<boolean>; connected: boolean }) {
  if (!connected) return null;
  return (
    <label class="share">
      <input type="checkbox" checked={shared.value} onChange={(e) => (shared.value = e.currentTarget.checked)} />
      {t('shareSwitch')}
    </label>
  );
}
