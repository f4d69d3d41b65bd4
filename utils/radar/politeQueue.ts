/**
 * Fetches for the meeting radar, polite to the council's server: at most
 * `perHost` requests at a time to one host, the most wanted first (the items
 * the reader can see, then agenda order), each given up after `timeoutMs`, and
 * all stopped at once when the reader leaves the agenda.
 *
 * A council server is often a small machine run by a municipal IT service;
 * an agenda of 30 items must not arrive there as 30 requests at once.
 */

export interface PoliteQueueOptions {
  /** Requests in flight to one host at the most. Two, as browsers once allowed per host (RFC 2616 §8.1.4). */
  perHost?: number;
  /** A request not answered in full by then fails as a time-out. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface QueuedRequest {
  url: string;
  init?: RequestInit;
  /** Lower runs earlier; ties keep the order of arrival. */
  priority: number;
}

export class RequestTimeout extends Error {
  constructor(readonly url: string) {
    super(`timeout: ${url}`);
    this.name = 'RequestTimeout';
  }
}

export class QueueStopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'QueueStopped';
  }
}

interface Waiting extends QueuedRequest {
  seq: number;
  /** Fetches and reads the answer; the slot and the time-out last until it is read. */
  run: (signal: AbortSignal) => Promise<void>;
  reject: (e: unknown) => void;
}

export interface PoliteQueue {
  /**
   * Queues a request and reads its answer with `read`: the request keeps its
   * place among the host's two, and its time-out runs, until `read` is done,
   * since a server that sends headers and then stalls is as slow as one that
   * sends nothing.
   */
  request<T>(req: QueuedRequest, read: (response: Response) => Promise<T>): Promise<T>;
  /** Gives waiting requests for these URLs a new priority (the reader scrolled). */
  reprioritise(priorityOf: (url: string) => number | undefined): void;
  /** Stops everything: waiting requests are dropped, running ones aborted; later requests fail at once. */
  stop(): void;
  /** Requests running now, per host (for tests and the benchmark). */
  running(host: string): number;
}

export function createPoliteQueue(options: PoliteQueueOptions = {}): PoliteQueue {
  const perHost = options.perHost ?? 2;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const waiting: Waiting[] = [];
  const active = new Map<string, number>();
  const controllers = new Set<AbortController>();
  let seq = 0;
  let stopped = false;

  const hostOf = (url: string) => new URL(url).host;
  const byPriority = (a: Waiting, b: Waiting) => a.priority - b.priority || a.seq - b.seq;

  const pump = () => {
    if (stopped) return;
    waiting.sort(byPriority);
    for (let i = 0; i < waiting.length; ) {
      const next = waiting[i] as Waiting;
      const host = hostOf(next.url);
      if ((active.get(host) ?? 0) >= perHost) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      start(next, host);
    }
  };

  const start = (job: Waiting, host: string) => {
    active.set(host, (active.get(host) ?? 0) + 1);
    const controller = new AbortController();
    controllers.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const signal = job.init?.signal ? AbortSignal.any([job.init.signal, controller.signal]) : controller.signal;
    // A reader that ignores the abort must not keep the place: the race frees it.
    const aborted = new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
    );
    // An abort after the race was decided (the caller's own signal) is nobody's error.
    aborted.catch(() => undefined);
    Promise.race([job.run(signal), aborted])
      .catch((error) => job.reject(timedOut ? new RequestTimeout(job.url) : stopped ? new QueueStopped() : error))
      .finally(() => {
        clearTimeout(timer);
        controllers.delete(controller);
        active.set(host, (active.get(host) ?? 1) - 1);
        pump();
      });
  };

  return {
    request(req, read) {
      if (stopped) return Promise.reject(new QueueStopped());
      return new Promise((resolve, reject) => {
        const run = async (signal: AbortSignal) => {
          const response = await doFetch(req.url, { ...req.init, signal });
          const value = await read(response);
          // An abort that came while reading (a body stream may not notice it) still counts.
          signal.throwIfAborted();
          resolve(value);
        };
        waiting.push({ ...req, seq: seq++, run, reject });
        pump();
      });
    },
    reprioritise(priorityOf) {
      for (const w of waiting) w.priority = priorityOf(w.url) ?? w.priority;
      pump();
    },
    stop() {
      stopped = true;
      for (const w of waiting.splice(0)) w.reject(new QueueStopped());
      for (const c of controllers) c.abort();
    },
    running: (host) => active.get(host) ?? 0,
  };
}
