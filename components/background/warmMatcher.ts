import { browser } from 'wxt/browser';
import { PAGE_SNAPSHOT_KEY } from '@/utils/pipeline/pageSnapshotKey';
import { PAGE_SNAPSHOT_STAMP_KEY, WARM_MATCHER_KEY } from '@/utils/pipeline/warmMatch';
import { closeOffscreenIfUnheld, holdOffscreen, releaseOffscreen } from './offscreenDocument';
import type { WARM_MATCHER_IDLE, WarmMatcherSnapshot } from './warmMatcherHost';

/**
 * The background's side of the warm matcher (warmMatcherHost.ts; Chrome only,
 * where the offscreen document is): started when a council page was read, so
 * that the reader's next pages match with the code warm; handed each new
 * snapshot of the packs; let go when it says it has been idle. Pages learn
 * from WARM_MATCHER_KEY whether it runs and which snapshot it holds.
 */
let holding = false;
let starting: Promise<void> | undefined;

/** Hands the matcher the stored snapshot, and tells pages which one it holds. */
async function sendSnapshot(): Promise<void> {
  const stored = await browser.storage.local.get([PAGE_SNAPSHOT_KEY, PAGE_SNAPSHOT_STAMP_KEY]);
  const text = stored[PAGE_SNAPSHOT_KEY];
  const stamp = stored[PAGE_SNAPSHOT_STAMP_KEY];
  if (typeof text !== 'string' || typeof stamp !== 'string') return;
  const message: WarmMatcherSnapshot = { warmMatcherSnapshot: { stamp, text } };
  const held = await browser.runtime.sendMessage(message);
  if (held === stamp) await browser.storage.local.set({ [WARM_MATCHER_KEY]: stamp });
  else await browser.storage.local.remove(WARM_MATCHER_KEY);
}

/** Whether pages are told that the matcher holds the snapshot they read. */
async function pagesToldOfIt(): Promise<boolean> {
  const s = await browser.storage.local.get([WARM_MATCHER_KEY, PAGE_SNAPSHOT_STAMP_KEY]);
  return s[WARM_MATCHER_KEY] !== undefined && s[WARM_MATCHER_KEY] === s[PAGE_SNAPSHOT_STAMP_KEY];
}

/**
 * A council page was read: have the matcher running, with the current packs, and pages told so (a page that
 * matched itself although the matcher runs finds it told again: another snapshot was stored meanwhile).
 */
export function keepMatcherWarm(): Promise<void> {
  if (import.meta.env.FIREFOX) return Promise.resolve();
  starting ??= (async () => {
    if (holding && (await pagesToldOfIt())) return;
    if (!holding) {
      await holdOffscreen();
      holding = true;
    }
    await sendSnapshot();
  })()
    .catch(async () => {
      if (holding) releaseOffscreen();
      holding = false;
      await browser.storage.local.remove(WARM_MATCHER_KEY).catch(() => undefined);
    })
    .finally(() => {
      starting = undefined;
    });
  return starting;
}

/** The packs changed (a new snapshot was stored): a running matcher gets it; pages match themselves meanwhile. */
export async function packsChangedForWarmMatcher(): Promise<void> {
  if (import.meta.env.FIREFOX || !holding) return;
  await sendSnapshot().catch(() => browser.storage.local.remove(WARM_MATCHER_KEY).catch(() => undefined));
}

/** The browser or the extension started: no matcher runs, whatever storage still says. */
export function forgetWarmMatcher(): void {
  holding = false;
  void browser.storage.local.remove(WARM_MATCHER_KEY).catch(() => undefined);
}

/** Listens for the matcher's word that it is idle: pages match themselves again, and the document may close. */
export function listenForIdleWarmMatcher(): void {
  if (import.meta.env.FIREFOX) return;
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if ((message as typeof WARM_MATCHER_IDLE | null)?.warmMatcherIdle !== true) return undefined;
    if (sender.tab || sender.id !== browser.runtime.id) return undefined;
    void browser.storage.local.remove(WARM_MATCHER_KEY).then(() => {
      // A worker started anew holds nothing: the document closes unless something else holds it or runs.
      if (holding) {
        holding = false;
        releaseOffscreen();
      } else closeOffscreenIfUnheld();
    });
    return undefined;
  });
}
