import { t } from '../i18n';

/** The actions under a note being edited: save (the form's submit) and cancel. */
export function SaveOrCancel({ onCancel }: { onCancel: () => void }) {
  return (
    <div class="actions">
      <button type="submit">{t('popupSave')}</button>
      <button type="button" onClick={onCancel}>
        {t('popupCancel')}
      </button>
    </div>
  );
}
