import { browser } from 'wxt/browser';
import { DexieFactionNotes } from '@/utils/db/factionNotes';
import { RatsmarkerDB } from '@/utils/db/schema';
import type { FactionError, FactionSettings } from '@/utils/faction/connection';
import { loadBrowserPouchDB } from '@/utils/faction/loadPouchDB';
import { mirrorName, runFactionSync } from '@/utils/faction/runSync';
import { resolveConflict } from '@/utils/faction/syncEngine';
import {
  type FactionHostAnswer,
  type FactionHostRequest,
  type FactionProblem,
  isFactionHostRequest,
} from './factionProtocol';
import { isOffscreenBusyQuestion } from './offscreenDocument';

/**
 * The sync host: where PouchDB lives (Chrome's offscreen document, Firefox's
 * background page), never the content script, the popup or the service
 * worker. It holds no state of its own but the mirror: the background decides
 * when to sync and keeps the settings and the back-off.
 */
let notebook: RatsmarkerDB | undefined;
const db = () => {
  notebook ??= new RatsmarkerDB();
  return notebook;
};

function notesFor(settings: FactionSettings): DexieFactionNotes {
  return new DexieFactionNotes(db(), {
    author: settings.authorName,
    ...(settings.auth.kind === 'password' ? { user: settings.auth.user } : {}),
  });
}

// Refusals reported at most (a note each); the count says how many more.
const MAX_REFUSED = 20;

function problem(error: FactionError | undefined): FactionProblem | undefined {
  return error ? { reason: error.reason, params: [...error.params] } : undefined;
}

// One request at a time: two syncs of one mirror at once would each send what the other sends.
let queue: Promise<unknown> = Promise.resolve();

async function serve(request: FactionHostRequest): Promise<FactionHostAnswer | null> {
  const { settings } = request;
  if (request.factionHost === 'sync') {
    const outcome = await runFactionSync(settings, request.health, request.trigger, {
      loadPouchDB: loadBrowserPouchDB,
      local: notesFor(settings),
    });
    const r = outcome.result;
    return {
      health: outcome.health,
      held: outcome.held,
      ...(outcome.error ? { error: problem(outcome.error) } : {}),
      ...(outcome.user !== undefined ? { user: outcome.user } : {}),
      ...(r ? { last: { queued: r.queued, sent: r.sent, received: r.received, conflicts: r.conflicts.length } } : {}),
      ...(r?.refused.length ? { refused: r.refused.slice(0, MAX_REFUSED) } : {}),
    };
  }
  const PouchDB = await loadBrowserPouchDB();
  const mirror = new PouchDB(mirrorName(settings));
  if (request.factionHost === 'forget') {
    // The mirror goes (it held only what was shared), and colleagues' notes with it; the reader's own notes stay.
    await mirror.destroy();
    await notesFor(settings).forgetFaction();
    return null;
  }
  try {
    const kept = await resolveConflict(mirror, request.noteId, request.rev);
    await notesFor(settings).settle(request.noteId, kept);
  } finally {
    await mirror.close();
  }
  return null;
}

/** Runs one request of the background's, after the ones before it. */
export function serveFactionHost(request: FactionHostRequest): Promise<FactionHostAnswer | null> {
  const run = queue.then(() => serve(request));
  queue = run.catch(() => undefined);
  return run;
}

// Requests running or waiting here.
let busy = 0;
// Chrome ends a service worker idle for 30 s; a message to it counts as activity.
const KEEPALIVE_MS = 20_000;

/**
 * Chrome's offscreen document: answers the background's requests (they come
 * as runtime messages). A first sync may run for minutes: while one runs, the
 * service worker that waits for it is told so every 20 s, and asked whether
 * the document may close (`offscreenBusy`, from a service worker started anew
 * that no longer knows of it) the document says it is busy, so the sync is
 * not cut off. If it still is (the browser quits), the next sync goes on from
 * PouchDB's checkpoint (tests/unit/faction/resume.test.ts).
 */
export function listenAsFactionHost(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only the background (no tab, this extension) talks to the host; a content script's message is not heard.
    if (sender.tab || sender.id !== browser.runtime.id) return undefined;
    if (isOffscreenBusyQuestion(message)) return Promise.resolve(busy > 0);
    if (!isFactionHostRequest(message)) return undefined;
    busy++;
    const alive = setInterval(
      () => void browser.runtime.sendMessage({ factionHostAlive: true }).catch(() => undefined),
      KEEPALIVE_MS,
    );
    return serveFactionHost(message).finally(() => {
      busy--;
      clearInterval(alive);
    });
  });
}
