import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { DB_NAME } from '@/utils/db/schema';
import { SHARED_CHANGES_TABLE } from '@/utils/db/sharedChanges';
import { afterSync, maySync, type SyncHealth, type SyncTrigger } from '@/utils/faction/backoff';
import { FactionError, type FactionSettings, validateSettings } from '@/utils/faction/connection';
import {
  type FactionHostAnswer,
  type FactionStatus,
  factionSettingsItem,
  factionStatusItem,
  type RunHost,
  serverOriginPattern,
} from './factionProtocol';

/**
 * The background's part of the faction sync: when to sync, and what the
 * options page sees. A sync is asked for when a shared note changes (any
 * page's write to the notebook's shared-changes log), when a council page
 * reports its document, by the alarm every few minutes and by the reader;
 * the back-off (utils/faction/backoff.ts) holds them back after a failure,
 * and one runs at a time. The sync itself runs in the host (`runHost`).
 */
export const FACTION_ALARM = 'ratsmarker-faction-sync';
const ALARM_MINUTES = 5;
// A document's page opened again within this time does not ask again.
const PAGE_AGAIN_MS = 2 * 60_000;
// Changes in quick succession (typing, an import) make one sync.
const CHANGE_DELAY_MS = 1_500;

// The stronger trigger wins when two wait for the same run.
const RANK: Record<SyncTrigger, number> = { alarm: 0, pageOpened: 1, noteChanged: 2, manual: 3, settingsChanged: 4 };

function sameLogin(a: FactionSettings | null, b: FactionSettings | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function createFactionSync(runHost: RunHost) {
  // Syncs, conflict settlements and forgetting run one after another, never two at once.
  let chain: Promise<void> = Promise.resolve();
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const run = chain.then(job);
    chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
  let waiting: { trigger: SyncTrigger; done: Promise<void> } | undefined;
  const pagesSynced = new Map<string, number>();
  let changeTimer: ReturnType<typeof setTimeout> | undefined;

  async function runOnce(trigger: SyncTrigger): Promise<void> {
    const settings = await factionSettingsItem.getValue();
    if (!settings) return;
    const before = await factionStatusItem.getValue();
    const health: SyncHealth = before?.health ?? { failures: 0 };
    const now = Date.now();
    // Held back here already, so a wrong password does not even open the offscreen document.
    if (!maySync(health, trigger, now)) return;
    let answer: FactionHostAnswer | null;
    try {
      answer = await runHost({ factionHost: 'sync', settings, health, trigger });
    } catch {
      // The host itself failed (closed under it): counted like a server away, so it is tried again later.
      answer = { health: afterSync(health, 'unreachable', trigger, now), held: false };
    }
    if (!answer || answer.held) return;
    // Disconnected or changed while this sync ran: its result belongs to settings no longer in use.
    if (!sameLogin(await factionSettingsItem.getValue(), settings)) return;
    const attempt = new Date(now).toISOString();
    const blank = blankStatus(settings);
    const sameDatabase =
      before?.server === blank.server && before?.database === blank.database && before?.login === blank.login;
    const status: FactionStatus = {
      ...blank,
      user: answer.user ?? before?.user,
      lastAttempt: attempt,
      health: answer.health,
      ...(answer.error ? { error: answer.error } : {}),
      ...((answer.error ? before?.lastSync : attempt) ? { lastSync: answer.error ? before?.lastSync : attempt } : {}),
      ...(answer.last ? { last: answer.last } : {}),
      // A refusal is not retried (the server will refuse it again): it stays in view until another one.
      ...(answer.refused?.length
        ? { refused: { at: attempt, notes: answer.refused } }
        : before?.refused && sameDatabase
          ? { refused: before.refused }
          : {}),
    };
    await factionStatusItem.setValue(status);
  }

  /** Asks for a sync; one runs at a time, and asks that come while one waits join it. */
  function request(trigger: SyncTrigger): Promise<void> {
    if (waiting) {
      if (RANK[trigger] > RANK[waiting.trigger]) waiting.trigger = trigger;
      return waiting.done;
    }
    const entry: { trigger: SyncTrigger; done: Promise<void> } = { trigger, done: Promise.resolve() };
    entry.done = enqueue(() => {
      if (waiting === entry) waiting = undefined;
      return runOnce(entry.trigger).catch(() => undefined);
    });
    waiting = entry;
    return entry.done;
  }

  async function scheduleAlarm(on: boolean): Promise<void> {
    if (!on) {
      await browser.alarms.clear(FACTION_ALARM);
      return;
    }
    if (!(await browser.alarms.get(FACTION_ALARM)))
      await browser.alarms.create(FACTION_ALARM, { periodInMinutes: ALARM_MINUTES });
  }

  return {
    /** Wires the triggers: the alarm, and changes to shared notes from any page of the extension. Gives back their undoing. */
    start(): () => void {
      const onAlarm = (alarm: { name: string }) => {
        if (alarm.name === FACTION_ALARM) void request('alarm');
      };
      browser.alarms.onAlarm.addListener(onAlarm);
      void factionSettingsItem.getValue().then((s) => scheduleAlarm(!!s));
      // Dexie tells every page of the extension (here too) what another one wrote; a write to the
      // shared-changes log is a shared note created, changed, switched or deleted.
      const logPart = `idb://${DB_NAME}/${SHARED_CHANGES_TABLE}/`;
      const onWrite = (parts: Record<string, unknown>) => {
        if (!Object.keys(parts).some((part) => part.startsWith(logPart))) return;
        clearTimeout(changeTimer);
        changeTimer = setTimeout(() => void request('noteChanged'), CHANGE_DELAY_MS);
      };
      Dexie.on('storagemutated', onWrite);
      return () => {
        browser.alarms.onAlarm.removeListener(onAlarm);
        Dexie.on('storagemutated').unsubscribe(onWrite);
        clearTimeout(changeTimer);
      };
    },

    /** A council page reported its document: colleagues' notes on it may have come in. */
    pageOpened(documentKey: string): void {
      const now = Date.now();
      if (now - (pagesSynced.get(documentKey) ?? 0) < PAGE_AGAIN_MS) return;
      pagesSynced.set(documentKey, now);
      void request('pageOpened');
    },

    /** The reader's "Synchronisieren". */
    syncNow: () => request('manual'),

    /**
     * The reader's "Verbinden": the settings checked, the server's host granted
     * (asked for by the options page, from the click), stored, and a first sync.
     */
    async connect(input: unknown): Promise<FactionStatus | null> {
      let settings: FactionSettings;
      try {
        settings = validateSettings(input);
      } catch (e) {
        if (e instanceof FactionError)
          return { ...blankStatus(input), error: { reason: e.reason, params: [...e.params] } };
        throw e;
      }
      // The options page asks for the server's host from the reader's click; without it nothing is stored.
      if (!(await browser.permissions.contains({ origins: [serverOriginPattern(settings.serverUrl)] })))
        throw new Error('The faction server’s host is not granted.');
      const previous = await factionSettingsItem.getValue();
      // Another server, database or user: the old mirror and colleagues' notes from there go first.
      if (previous && mirrorChanges(previous, settings)) await forget(previous);
      await factionSettingsItem.setValue(settings);
      await factionStatusItem.setValue({ ...blankStatus(settings), health: { failures: 0 } });
      await scheduleAlarm(true);
      await request('settingsChanged');
      return factionStatusItem.getValue();
    },

    /** "Trennen": the login, the mirror and colleagues' notes go; the reader's own notes stay. */
    async disconnect(): Promise<void> {
      const settings = await factionSettingsItem.getValue();
      await factionSettingsItem.setValue(null);
      await factionStatusItem.setValue(null);
      await scheduleAlarm(false);
      if (settings) await forget(settings);
    },

    /** The author picked a version of a note in conflict: settled in the mirror and the notebook, then sent. */
    async resolve(noteId: string, rev: string): Promise<void> {
      const settings = await factionSettingsItem.getValue();
      if (!settings) return;
      await enqueue(() => runHost({ factionHost: 'resolve', settings, noteId, rev }));
      await request('manual');
    },
  };

  async function forget(settings: FactionSettings): Promise<void> {
    await enqueue(() => runHost({ factionHost: 'forget', settings }));
  }
}

function mirrorChanges(a: FactionSettings, b: FactionSettings): boolean {
  const who = (s: FactionSettings) => (s.auth.kind === 'password' ? s.auth.user : 'token');
  return a.serverUrl !== b.serverUrl || a.database !== b.database || who(a) !== who(b);
}

function blankStatus(input: unknown): FactionStatus {
  const i = input as {
    serverUrl?: unknown;
    database?: unknown;
    user?: unknown;
    auth?: { user?: unknown };
    authorName?: unknown;
  } | null;
  const login = i?.auth ? i.auth.user : i?.user;
  return {
    server: typeof i?.serverUrl === 'string' ? i.serverUrl : '',
    database: typeof i?.database === 'string' ? i.database : '',
    ...(typeof login === 'string' && login ? { login } : {}),
    ...(typeof i?.authorName === 'string' && i.authorName ? { author: i.authorName } : {}),
    health: { failures: 0 },
  };
}
