import { describe, expect, it } from 'vitest';
import { afterSync, maySync, nextSyncAt, retryDelay, type SyncHealth } from '@/utils/faction/backoff';

const MIN = 60_000;

describe('sync back-off', () => {
  it('doubles the wait after each failure, up to a cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelay(n, 'unreachable') / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1800, 1800,
    ]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => retryDelay(n, 'unauthorized') / MIN)).toEqual([
      15, 30, 60, 120, 240, 480, 960, 1440, 1440,
    ]);
    expect(retryDelay(0, 'unauthorized')).toBe(0);
  });

  it('lets a wrong password through at most a few times a day, however often a sync is asked for', () => {
    let health: SyncHealth = { failures: 0 };
    let attempts = 0;
    // A day of asking: the alarm every 5 minutes, plus a council page or a note change every minute.
    for (let t = 0; t < 24 * 60 * MIN; t += MIN) {
      const trigger = t % (5 * MIN) === 0 ? 'alarm' : 'pageOpened';
      if (!maySync(health, trigger, t)) continue;
      attempts++;
      health = afterSync(health, 'unauthorized', trigger, t);
    }
    // 0, 15 min, 45 min, 1:45, 3:45, 7:45, 15:45: seven logins refused, not 1,440.
    expect(attempts).toBe(7);
  });

  it('tries again at once when the reader changes the settings or asks, and starts counting anew', () => {
    const failing: SyncHealth = { failures: 5, lastReason: 'unauthorized', lastAttempt: 1_000 };
    expect(maySync(failing, 'noteChanged', 2_000)).toBe(false);
    expect(maySync(failing, 'settingsChanged', 2_000)).toBe(true);
    expect(maySync(failing, 'manual', 2_000)).toBe(true);
    expect(afterSync(failing, 'unauthorized', 'settingsChanged', 2_000)).toEqual({
      failures: 1,
      lastReason: 'unauthorized',
      lastAttempt: 2_000,
    });
    expect(nextSyncAt(afterSync(failing, undefined, 'alarm', 3_000))).toBe(0);
  });

  it('comes back quickly for a server that was only away', () => {
    const away = afterSync({ failures: 0 }, 'unreachable', 'alarm', 0);
    expect(maySync(away, 'pageOpened', 29_999)).toBe(false);
    expect(maySync(away, 'pageOpened', 30_000)).toBe(true);
  });
});
