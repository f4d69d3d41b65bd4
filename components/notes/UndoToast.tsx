import { t } from '../i18n';
import { lastDeleted, undoDelete } from './undo';

export function UndoToast({ onChange }: { onChange?: () => void }) {
  if (!lastDeleted.value) return null;
  return (
    <div class="toast" role="status">
      {t('popupDeleted')}{' '}
      <button
        type="button"
        onClick={async () => {
          await undoDelete();
          onChange?.();
        }}
      >
        {t('popupUndo')}
      </button>
    </div>
  );
}
