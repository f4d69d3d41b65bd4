import * as v from 'valibot';
import { activePacksFrom } from '@/utils/pipeline/activePacks';
import { matchDocument } from '@/utils/pipeline/matchDocument';
import { createPoliteQueue } from '@/utils/radar/politeQueue';
import type { RadarCacheDB } from '@/utils/radar/radarCache';
import type { AgendaItem } from '@/utils/radar/readAgenda';
import { type RadarItemResult, readingsFromCache, runRadar } from '@/utils/radar/runRadar';
import type { ActivePackSpecs } from '../activeSpecs';
import { type HostMessage, type ItemMessage, type RadarItemInput, TabMessageSchema } from './radarProtocol';
import { radarReaders } from './radarReaders';

/** What the host needs of a port: Chrome's and Firefox's runtime ports, or the background's shim around one. */
export interface RadarPort {
  postMessage(message: HostMessage): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

// Items the reader can see go before every other item.
const VISIBLE_FIRST = -1_000_000;

/**
 * Serves one agenda tab's radar over `port`: reads the items' documents
 * through the polite queue, matches them with the active packs and sends each
 * item's result as soon as it is known. When the tab goes (the reader left the
 * page, or closed it), the port closes and every request stops.
 */
export function serveRadar(
  port: RadarPort,
  active: ActivePackSpecs,
  cache: RadarCacheDB,
): { setPacks(next: ActivePackSpecs): void } {
  // The matchers as the background compiled them: nothing is compiled here.
  let packs = activePacksFrom(active.specs).packs;
  let threshold = active.threshold;
  let agenda: AgendaItem[] | undefined;
  const queue = createPoliteQueue();
  const visible = new Set<number>();
  const indexOfUrl = new Map<string, number>();
  let started = false;
  let open = true;
  const priority = (index: number) => (visible.has(index) ? VISIBLE_FIRST + index : index);
  // Results that come in the same turn go to the tab as one message: the page paints them together.
  let pending: ItemMessage[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    if (open) port.postMessage({ type: 'items', items });
  };
  const send = (item: ItemMessage) => {
    if (pending.length === 0) queueMicrotask(flush);
    pending.push(item);
  };

  port.onDisconnect.addListener(() => {
    open = false;
    queue.stop();
  });

  const message = (result: RadarItemResult): ItemMessage => ({
    index: result.index,
    state: result.state,
    ...(result.provisional ? { provisional: true } : {}),
    ...(result.failure ? { failure: result.failure } : {}),
    passages: result.passages,
    ...(result.noteKeys ? { documentKeys: result.noteKeys } : {}),
  });
  // Today's packs, whenever they are asked (a document read after the reader switched packs is matched with the new).
  const match = (passages: readonly { text: string }[]) => {
    const out = passages.map((): { id: string; terms: string[] }[] => []);
    for (const m of matchDocument(passages, packs, threshold))
      out[m.index] = m.measures.map((x) => ({ id: x.id, terms: x.terms }));
    return out;
  };

  const start = async (items: readonly RadarItemInput[]) => {
    items.forEach((item, i) => {
      for (const url of [item.paperUrl, ...item.fileUrls]) if (url && !indexOfUrl.has(url)) indexOfUrl.set(url, i);
    });
    // The host reads no page: the row stays with the tab, which has the agenda.
    agenda = items.map(
      (item) =>
        ({
          ...item,
          row: undefined as unknown as Element,
          titleCell: undefined as unknown as Element,
        }) satisfies AgendaItem,
    );
    await runRadar({
      items: agenda,
      queue,
      cache,
      readers: radarReaders,
      priority,
      match,
      onCached: (results) => {
        if (open) port.postMessage({ type: 'items', cached: true, items: results.map(message) });
      },
      onItem: (result) => send(message(result)),
    });
    flush();
    if (open) port.postMessage({ type: 'done' });
  };

  port.onMessage.addListener((raw: unknown) => {
    const parsed = v.safeParse(TabMessageSchema, raw);
    if (!parsed.success) return;
    const message = parsed.output;
    if (message.type === 'start' && !started) {
      started = true;
      void start(message.items);
    } else if (message.type === 'priority') {
      visible.clear();
      for (const i of message.visible) visible.add(i);
      queue.reprioritise((url) => {
        const index = indexOfUrl.get(url);
        return index === undefined ? undefined : priority(index);
      });
    }
  });

  return {
    /** The reader switched packs: every item the cache holds is matched anew and sent again, nothing is fetched. */
    setPacks(next) {
      packs = activePacksFrom(next.specs).packs;
      threshold = next.threshold;
      const items = agenda;
      if (!items) return;
      void readingsFromCache({ items, cache, match }).then((results) => {
        if (open)
          port.postMessage({
            type: 'items',
            rematch: true,
            items: results.map((r) => message({ ...r, provisional: false })),
          });
      });
    },
  };
}
