import { browser } from 'wxt/browser';

/**
 * Chrome's one offscreen document, shared by the meeting radar (it reads
 * council documents: DOMParser, pdf.js's worker) and the faction sync
 * (PouchDB replicates there: live replication stalls in a service worker).
 * Chrome allows one such document per extension, so whoever needs it takes
 * a hold, and the document closes when the last hold is let go.
 */
const OFFSCREEN_URL = 'offscreen.html';

interface OffscreenApi {
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}
const offscreen = () => (browser as unknown as { offscreen?: OffscreenApi }).offscreen;

let creating: Promise<void> | undefined;
let holds = 0;

async function ensureOffscreen(): Promise<void> {
  const api = offscreen();
  if (!api) throw new Error('offscreen documents are not available');
  // A document is there as soon as its creation begins, but it hears nothing until it has loaded: while another
  // holder creates it, this one waits for that (a faction sync sent meanwhile found no receiver, and the sync's
  // back-off then held the next one, with the reader's shared note, back).
  if (creating) return creating;
  if (await api.hasDocument?.()) {
    if (creating) await creating;
    return;
  }
  creating ??= api
    .createDocument({
      url: OFFSCREEN_URL,
      // Same reasons whoever opens it first, so both users find what they need.
      reasons: ['DOM_PARSER', 'WORKERS', 'LOCAL_STORAGE'],
      justification:
        'Reads the documents of a council meeting agenda for the meeting radar, and replicates the notes the reader shares with the faction (PouchDB, IndexedDB).',
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/** Opens the offscreen document (if it is not open) and holds it open until `releaseOffscreen`. */
export async function holdOffscreen(): Promise<void> {
  holds++;
  try {
    await ensureOffscreen();
  } catch (e) {
    releaseOffscreen();
    throw e;
  }
}

/** Asked of the offscreen document before it is closed: does it still run work (a faction sync)? */
export const OFFSCREEN_BUSY = { offscreenBusy: true } as const;

export function isOffscreenBusyQuestion(message: unknown): boolean {
  return (message as { offscreenBusy?: unknown } | null)?.offscreenBusy === true;
}

/**
 * Lets go of a hold; the document closes when nobody holds it and it runs
 * nothing: a service worker started anew knows nothing of the holds of the
 * one before, whose faction sync may still run there (for minutes, the first).
 */
export function releaseOffscreen(): void {
  holds = Math.max(0, holds - 1);
  if (holds === 0) void closeUnlessBusy();
}

async function closeUnlessBusy(): Promise<void> {
  const busy = await browser.runtime.sendMessage(OFFSCREEN_BUSY).catch(() => false);
  if (busy === true || holds > 0) return;
  await offscreen()
    ?.closeDocument()
    .catch(() => undefined);
}
