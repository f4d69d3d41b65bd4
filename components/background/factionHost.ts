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

/** Chrome's offscreen document: answers the background's requests (they come as runtime messages). */
export function listenAsFactionHost(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only the background (no tab, this extension) gives the host work; a content script's message is not heard.
    if (!isFactionHostRequest(message) || sender.tab || sender.id !== browser.runtime.id) return undefined;
    return serveFactionHost(message);
  });
}
