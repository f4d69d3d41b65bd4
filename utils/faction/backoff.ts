import type { FactionReason } from './connection';

/**
 * When to try the faction's server again after a failed sync. A sync is
 * asked for often (every note change, every council page opened, an alarm
 * every few minutes); after a failure only the schedule lets one through,
 * with waits that double, so a wrong password or a server that is down
 * does not get a request storm from every member's browser.
 */
export interface SyncHealth {
  /** Failed syncs in a row (0: the last one worked or none was tried). */
  failures: number;
  lastReason?: FactionReason;
  /** When the last sync was tried (ms since epoch). */
  lastAttempt?: number;
}

export type SyncTrigger = 'alarm' | 'noteChanged' | 'pageOpened' | 'settingsChanged' | 'manual';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// Failures a person has to fix (password, membership, database, certificate,
// address) wait long; a server away or busy comes back on its own.
const NEEDS_A_PERSON: ReadonlySet<FactionReason> = new Set([
  'unauthorized',
  'forbidden',
  'databaseMissing',
  'certificate',
  'notCouchDb',
  'invalidUrl',
  'insecure',
  'invalidDatabase',
  'missingCredentials',
]);

/** The wait after `failures` failures in a row (1: the first), doubling up to a cap. */
export function retryDelay(failures: number, reason: FactionReason): number {
  if (failures <= 0) return 0;
  const [first, cap] = NEEDS_A_PERSON.has(reason) ? [15 * MINUTE, 24 * HOUR] : [30 * SECOND, 30 * MINUTE];
  return Math.min(cap, first * 2 ** Math.min(failures - 1, 30));
}

/** The earliest time the next sync may run. */
export function nextSyncAt(health: SyncHealth): number {
  if (health.failures === 0 || health.lastAttempt === undefined || !health.lastReason) return 0;
  return health.lastAttempt + retryDelay(health.failures, health.lastReason);
}

/**
 * Whether a sync asked for now may run. New settings (the reader fixed the
 * password) and the reader's own "sync now" always may; a page or a note
 * change or the alarm only when the back-off has passed.
 */
export function maySync(health: SyncHealth, trigger: SyncTrigger, now: number): boolean {
  if (trigger === 'settingsChanged' || trigger === 'manual') return true;
  return now >= nextSyncAt(health);
}

/** The health after a sync: reset by a success, one more failure otherwise (new settings start counting anew). */
export function afterSync(
  health: SyncHealth,
  error: FactionReason | undefined,
  trigger: SyncTrigger,
  now: number,
): SyncHealth {
  if (!error) return { failures: 0, lastAttempt: now };
  const before = trigger === 'settingsChanged' ? 0 : health.failures;
  return { failures: before + 1, lastReason: error, lastAttempt: now };
}
