import { browser } from 'wxt/browser';
import type { Note } from '@/utils/notes/types';
import { RadarCacheDB } from '@/utils/radar/radarCache';
import { type ActivePackSpecs, activeSpecsItem } from '../activeSpecs';
import { holdOffscreen, releaseOffscreen } from '../background/offscreenDocument';
import { refreshActiveSpecs } from '../packs';
import type { Sender } from '../senderChecks';
import type { RadarPort } from './radarHost';
import { type HostMessage, type HostSetup, RADAR_HOST_PORT, RADAR_PORT } from './radarProtocol';
import { shownMeasures } from './shownMeasures';

/** Tab → background, beside the host's messages: the reader's notes on the documents the radar read. */
export interface NotesRequest {
  type: 'notes';
  keys: string[];
}
export interface NotesAnswer {
  type: 'notes';
  notes: Note[];
}

/**
 * The background's part of the radar: accepts an agenda tab's port, and
 * either serves it here (Firefox: the background page has a DOM) or relays it
 * to the offscreen document (Chrome). It sees the item results pass, so it
 * knows which documents this tab's radar read, and answers the tab's request
 * for the reader's notes on those documents only.
 */
export function relayRadar(
  /** Only this extension's own content script, in a tab, on a page it may run on, may start the radar. */
  fromOwnContentScript: (sender: Sender) => Promise<boolean>,
  notesFor: (keys: string[]) => Promise<Note[]>,
): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== RADAR_PORT) return;
    // Until the sender is known to be ours, nothing it says is heard.
    const allowed = port.sender ? fromOwnContentScript(port.sender as Sender) : Promise.resolve(false);
    const readKeys = new Set<string>();
    const toTab = (message: HostMessage) => {
      if (message.type === 'items')
        for (const item of message.items) for (const key of item.documentKeys ?? []) readKeys.add(key);
      port.postMessage(message);
    };
    // The tab speaks before the host is ready: keep its words until then.
    const buffered: unknown[] = [];
    let forward: ((message: unknown) => void) | undefined;
    const hostListeners: ((message: unknown) => void)[] = [];
    const closeListeners: (() => void)[] = [];
    let closed = false;
    port.onMessage.addListener((message: unknown) => {
      const request = message as Partial<NotesRequest>;
      if (request?.type === 'notes' && Array.isArray(request.keys)) {
        const keys = request.keys.filter((k): k is string => typeof k === 'string' && readKeys.has(k));
        void notesFor(keys).then((notes) => {
          if (!closed) port.postMessage({ type: 'notes', notes } satisfies NotesAnswer);
        });
        return;
      }
      // The host hears from the tab only what the tab may say: start, and which items are in view.
      const kind = (message as { type?: unknown } | null)?.type;
      if (kind !== 'start' && kind !== 'priority') return;
      if (forward) forward(message);
      else buffered.push(message);
    });
    port.onDisconnect.addListener(() => {
      closed = true;
      for (const l of closeListeners) l();
    });
    const ready = (send: (message: unknown) => void) => {
      forward = send;
      for (const m of buffered.splice(0)) send(m);
    };
    // The reader switches packs while the agenda is open: the page gets the new measures, the host matches anew.
    const followPacks = (setPacks: (next: ActivePackSpecs) => void) => {
      const unwatch = activeSpecsItem.watch((next) => {
        if (closed || !next || !Array.isArray(next.specs)) return;
        port.postMessage(shownMeasures(next));
        setPacks(next);
      });
      closeListeners.push(unwatch);
    };

    void (async () => {
      if (!(await allowed)) {
        closed = true;
        port.disconnect();
        return;
      }
      // The packs as the background last compiled them (compiled again only when there is no snapshot).
      const active = (await activeSpecsItem.getValue().catch(() => null)) ?? (await refreshActiveSpecs());
      // The page shows the measures' words; it needs none of the matchers, which stay here and with the host.
      if (!closed) port.postMessage(shownMeasures(active));
      if (import.meta.env.FIREFOX) {
        // Firefox's background page reads the documents itself.
        const { serveRadar } = await import('./radarHost');
        const shim: RadarPort = {
          postMessage: (m) => {
            if (!closed) toTab(m);
          },
          onMessage: { addListener: (l) => hostListeners.push(l) },
          onDisconnect: { addListener: (l) => closeListeners.push(l) },
        };
        const served = serveRadar(shim, active, new RadarCacheDB());
        followPacks((next) => served.setPacks(next));
        ready((m) => {
          for (const l of hostListeners) l(m);
        });
        return;
      }
      // The offscreen document is shared with the faction sync (components/background/offscreenDocument.ts).
      await holdOffscreen();
      if (closed) return releaseOffscreen();
      const host = browser.runtime.connect({ name: RADAR_HOST_PORT });
      host.postMessage({ type: 'setup', active });
      host.onMessage.addListener((m: unknown) => {
        if (!closed) toTab(m as HostMessage);
      });
      host.onDisconnect.addListener(() => port.disconnect());
      closeListeners.push(() => {
        host.disconnect();
        releaseOffscreen();
      });
      followPacks((next) => host.postMessage({ type: 'packs', active: next } satisfies HostSetup));
      ready((m) => host.postMessage(m));
    })();
  });
}
