import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenAsFactionHost } from '@/components/background/factionHost';
import { holdOffscreen, OFFSCREEN_BUSY, releaseOffscreen } from '@/components/background/offscreenDocument';

// Chrome's offscreen document runs the faction sync; a service worker started anew (the one that
// asked for the sync was ended meanwhile) must not close it while the sync still runs there.
const api = {
  createDocument: vi.fn(async () => undefined),
  closeDocument: vi.fn(async () => undefined),
  hasDocument: vi.fn(async () => true),
};
(fakeBrowser as unknown as { offscreen: typeof api }).offscreen = api;

afterEach(() => {
  vi.restoreAllMocks();
  vi.clearAllMocks();
  fakeBrowser.runtime.onMessage.removeAllListeners?.();
});

const fromBackground = { id: fakeBrowser.runtime.id };
const ask = (message: unknown, sender: object = fromBackground) =>
  fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined);

describe('the offscreen document while a faction sync runs there', () => {
  it('says it is busy during a sync (only to the extension itself), and is not closed then', async () => {
    // A server that takes the connection and never answers: the sync waits, as a long first sync does.
    const sockets = new Set<Socket>();
    const server = createServer((s) => sockets.add(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    listenAsFactionHost();
    // As Chrome delivers the service worker's message to the document: from this extension, the first answer.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) =>
      (await ask(message)).find((answer) => answer !== undefined),
    );
    const settings = {
      serverUrl: `http://127.0.0.1:${port}`,
      database: 'fraktion',
      auth: { kind: 'password' as const, user: 'anna', password: 'x' },
      authorName: 'Anna A.',
    };
    const before = await ask(OFFSCREEN_BUSY);
    expect(before).toContain(false);
    const sync = ask({ factionHost: 'sync', settings, health: { failures: 0 }, trigger: 'manual' });
    await vi.waitFor(() => expect(sockets.size).toBe(1));
    expect(await ask(OFFSCREEN_BUSY)).toContain(true);
    // A page (a content script's tab) is not told.
    expect(await ask(OFFSCREEN_BUSY, { id: fakeBrowser.runtime.id, tab: { id: 3 } })).not.toContain(true);

    // This service worker never held the document (its holds went with the one before): releasing closes nothing.
    await holdOffscreen();
    releaseOffscreen();
    await new Promise((r) => setTimeout(r, 50));
    expect(api.closeDocument).not.toHaveBeenCalled();

    // The server goes away: the sync ends (unreachable), and the document may close again.
    for (const s of sockets) s.destroy();
    server.close();
    await sync;
    expect(await ask(OFFSCREEN_BUSY)).toContain(false);
    await holdOffscreen();
    releaseOffscreen();
    await vi.waitFor(() => expect(api.closeDocument).toHaveBeenCalledTimes(1));
  });
});

describe('two holders of the offscreen document at once', () => {
  it('the second waits until the document the first creates has loaded, before it sends anything', async () => {
    let loaded!: () => void;
    let exists = false;
    api.hasDocument.mockImplementation(async () => exists);
    api.createDocument.mockImplementation(
      () =>
        new Promise<undefined>((resolve) => {
          // Chrome: the document exists from here on, and resolves the creation once it has loaded.
          exists = true;
          loaded = () => resolve(undefined);
        }),
    );
    const first = holdOffscreen();
    await vi.waitFor(() => expect(api.createDocument).toHaveBeenCalledTimes(1));
    let secondReady = false;
    const second = holdOffscreen().then(() => {
      secondReady = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(secondReady).toBe(false);
    loaded();
    await Promise.all([first, second]);
    expect(secondReady).toBe(true);
    expect(api.createDocument).toHaveBeenCalledTimes(1);
    releaseOffscreen();
    releaseOffscreen();
  });
});
