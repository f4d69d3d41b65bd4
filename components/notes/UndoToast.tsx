import { useSignal } from '@preact/signals';
import { t } from '../i18n';
import { lastDeleted, undoDelete } from './undo';
import { WriteFailure } from './WriteFailure';
import { writeFailureReason } from './writeFailure';

export function UndoToast({ onChange }: { onChange?: () => void }) {
  const failure = useSignal('');
  if (!lastDeleted.value) return null;
  return (
    <div class="toast" role="status">
      {t('popupDeleted')}{' '}
      <button
        type="button"
        onClick={async () => {
          failure.value = '';
          try {
            await undoDelete();
            onChange?.();
          } catch (e) {
            failure.value = t('popupUndoFailed', writeFailureReason(e));
          }
        }}
      >
        {t('popupUndo')}
      </button>
      <WriteFailure message={failure.value} />
    </div>
  );
}
