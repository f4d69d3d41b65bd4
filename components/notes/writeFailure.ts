import { errorText, t } from '../i18n';

// The names a full store and a closed database go by: the browser's own
// (IndexedDB, chrome.storage), and Dexie's, also as the inner error of an
// aborted transaction.
const FULL = new Set(['QuotaExceededError', 'QuotaExceeded']);
const CLOSED = new Set(['DatabaseClosedError', 'InvalidStateError', 'MissingAPIError', 'OpenFailedError']);

/** Why a write failed, in the reader's language: a full store, a closed database, or the store's own message. */
export function writeFailureReason(error: unknown): string {
  const e = error as { name?: string; inner?: { name?: string }; message?: string } | undefined;
  const names = [e?.name, e?.inner?.name];
  if (names.some((n) => n && FULL.has(n)) || /quota/i.test(e?.message ?? '')) return t('errStorageFull');
  // chrome.storage: the extension was reloaded or updated under the page.
  if (names.some((n) => n && CLOSED.has(n)) || /context invalidated/i.test(e?.message ?? ''))
    return t('errStorageClosed');
  return errorText(error);
}
