import { browser } from 'wxt/browser';
import type { PassageMatches } from '@/utils/pipeline/matchDocument';
import type { WarmMatchAnswer, WarmMatchRequest } from '@/utils/pipeline/warmMatch';
import { WARM_MATCH_PORT } from '@/utils/pipeline/warmMatchKeys';
import { WARM_MATCH } from './scanMarks';

/** Matches a page's passages (those at `only`, as among all) elsewhere; undefined: the page must match them itself. */
export type RemoteMatch = <P extends { text: string }>(
  passages: readonly P[],
  only?: readonly number[],
) => Promise<PassageMatches<P>[] | undefined>;

/** The least a port needs (browser.runtime.Port), so that tests can stand in for it. */
export interface MatchPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

// How long a page waits for the warm matcher to say it is there. It answers at once when it runs; when storage
// says it runs but it does not (the browser shut its document), the page matches itself after this.
const READY_WAIT_MS = 300;

/**
 * The warm matcher (utils/pipeline/warmMatch.ts), reached over a port, for a
 * page whose snapshot of the packs has `stamp`. Any failure (no word from it,
 * the port gone, another snapshot held) answers undefined, and so does every
 * later call: the page matches itself from then on. Each answer it gives marks
 * `ratsmarker:warm-match`.
 */
export function warmMatcher(
  stamp: string,
  connect = (): MatchPort => browser.runtime.connect({ name: WARM_MATCH_PORT }),
): RemoteMatch {
  let port: MatchPort | undefined;
  let ready: Promise<boolean> | undefined;
  let next = 0;
  const waiting = new Map<number, (answer?: WarmMatchAnswer) => void>();
  const close = () => {
    ready = Promise.resolve(false);
    for (const answer of waiting.values()) answer();
    waiting.clear();
    try {
      port?.disconnect();
    } catch {}
  };
  const open = () =>
    (ready ??= new Promise<boolean>((resolve) => {
      const opened = connect();
      port = opened;
      const timer = setTimeout(() => resolve(false), READY_WAIT_MS);
      opened.onMessage.addListener((message) => {
        const answer = message as (WarmMatchAnswer & { ready?: boolean }) | null;
        if (answer?.ready) {
          clearTimeout(timer);
          resolve(true);
        } else if (answer) waiting.get(answer.id)?.(answer);
      });
      opened.onDisconnect.addListener(() => {
        resolve(false);
        close();
      });
    }));
  // The port is opened at once, so that the matcher's word that it is there comes while the page is read.
  void open().catch(() => undefined);
  return async (passages, only) => {
    const up = await open().catch(() => false);
    const answer =
      up && port
        ? await new Promise<WarmMatchAnswer | undefined>((resolve) => {
            const id = next++;
            waiting.set(id, resolve);
            const request: WarmMatchRequest = { id, stamp, texts: passages.map((p) => p.text) };
            if (only) request.only = [...only];
            try {
              port?.postMessage(request);
            } catch {
              resolve(undefined);
            }
          })
        : undefined;
    if (!answer || !('found' in answer)) {
      close();
      return undefined;
    }
    waiting.delete(answer.id);
    performance.mark(WARM_MATCH);
    return answer.found.flatMap((f) => {
      const passage = passages[f.index];
      return passage ? [{ passage, index: f.index, measures: f.measures }] : [];
    });
  };
}
