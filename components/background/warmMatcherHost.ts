import { browser } from 'wxt/browser';
import { readPageSnapshot } from '@/utils/pipeline/pageSnapshot';
import { answerWarmMatch, type HeldPacks, WARM_MATCH_PORT } from '@/utils/pipeline/warmMatch';
import { busyWhile } from './offscreenDocument';

/** The background hands the warm matcher the packs' snapshot (an offscreen document cannot read storage). */
export interface WarmMatcherSnapshot {
  warmMatcherSnapshot: { stamp: string; text: string };
}
/** The warm matcher tells the background it has not been asked for this long: it may be let go. */
export const WARM_MATCHER_IDLE = { warmMatcherIdle: true } as const;
/** What the warm matcher says first on a page's port: it is there (a page that hears nothing matches itself). */
export const WARM_MATCHER_READY = { ready: true } as const;

// A reader goes from one council document to the next within minutes: the matcher stays while they do, and goes
// (with its process, unless the radar or a faction sync still needs the document) after this long without a page.
export const WARM_MATCHER_IDLE_MS = 10 * 60_000;
const IDLE_CHECK_MS = 60_000;

const isSnapshotMessage = (m: unknown): m is WarmMatcherSnapshot => {
  const s = (m as Partial<WarmMatcherSnapshot> | null)?.warmMatcherSnapshot;
  return typeof s?.stamp === 'string' && typeof s.text === 'string';
};

/**
 * In the offscreen document (Chrome): a matcher of the reader's packs, kept
 * warm while council pages ask it (utils/pipeline/warmMatch.ts). Pages connect
 * over WARM_MATCH_PORT; the background sends each new snapshot.
 */
export function startWarmMatcherHost(): void {
  let held: HeldPacks | undefined;
  // When the packs came or a page last asked; the document is busy with the matcher only while that is recent.
  let lastUsed = 0;
  let idleTold = false;
  const inUse = () => held !== undefined && Date.now() - lastUsed < WARM_MATCHER_IDLE_MS;
  busyWhile(inUse);

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only the background (no tab, this extension) hands over packs.
    if (sender.tab || sender.id !== browser.runtime.id || !isSnapshotMessage(message)) return undefined;
    const { stamp, text } = message.warmMatcherSnapshot;
    return readPageSnapshot(text).then((read) => {
      held = read && { stamp, ...read };
      lastUsed = Date.now();
      idleTold = false;
      return held?.stamp ?? null;
    });
  });

  browser.runtime.onConnect.addListener((port) => {
    // Pages of this extension's own content script only (a tab's, on a page it runs on).
    if (port.name !== WARM_MATCH_PORT || port.sender?.id !== browser.runtime.id || !port.sender.tab) return;
    port.postMessage(WARM_MATCHER_READY);
    port.onMessage.addListener((message: unknown) => {
      lastUsed = Date.now();
      idleTold = false;
      void answerWarmMatch(held, message).then((answer) => {
        try {
          if (answer) port.postMessage(answer);
        } catch {
          // The page went away meanwhile.
        }
      });
    });
  });

  setInterval(() => {
    if (idleTold || !held || inUse()) return;
    idleTold = true;
    void browser.runtime.sendMessage(WARM_MATCHER_IDLE).catch(() => undefined);
  }, IDLE_CHECK_MS);
}
