import { type MessageKey, t } from '../i18n';

/**
 * The reasons the faction's design document (utils/faction/ratsmarker-design.json) gives when it
 * refuses a change, in the reader's words; a reason of another server's rules is quoted as it came.
 */
const KNOWN: Record<string, MessageKey> = {
  'Only its author deletes a shared note.': 'factionRefusedDelete',
  'A shared note stays its author\u2019s.': 'factionRefusedOwner',
  'A change of a colleague\u2019s note names its editor.': 'factionRefusedEditor',
  'A new note names its own author.': 'factionRefusedNewAuthor',
};

/** Why the server refused a change, as the reader is told it. */
export function refusedReason(reason: string): string {
  const known = KNOWN[reason.trim()];
  if (known) return t(known);
  return reason.trim() ? t('factionRefusedOther', reason.trim()) : t('factionRefusedNoReason');
}

/**
 * „Der Server der Fraktion hat am … 2 Änderungen nicht angenommen …“ and each reason once, for the
 * options' status: what the sync could not send, and that the notes on this device stay as written.
 */
export function refusedText(refused: { at: string; notes: ReadonlyArray<{ reason: string }> }, locale: string): string {
  const at = new Date(refused.at);
  const when = Number.isNaN(at.getTime())
    ? refused.at
    : at.toLocaleString(locale || undefined, { dateStyle: 'short', timeStyle: 'short' });
  const reasons = [...new Set(refused.notes.map((n) => refusedReason(n.reason)))];
  return [t('factionRefused', [when, String(refused.notes.length)]), ...reasons].join(' ');
}
