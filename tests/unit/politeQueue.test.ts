import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPoliteQueue, QueueStopped, RequestTimeout } from '@/utils/radar/politeQueue';

/** A fake server: each request waits until the test answers it, and the highest concurrency per host is counted. */
function fakeServer() {
  const pending: { url: string; answer: (body: string) => void; signal: AbortSignal }[] = [];
  const inFlight = new Map<string, number>();
  const most = new Map<string, number>();
  const order: string[] = [];
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const host = new URL(url).host;
    order.push(url);
    inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
    most.set(host, Math.max(most.get(host) ?? 0, inFlight.get(host) ?? 0));
    const signal = init?.signal as AbortSignal;
    return new Promise<Response>((resolve, reject) => {
      const done = () => inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
      signal.addEventListener('abort', () => {
        done();
        reject(signal.reason);
      });
      pending.push({
        url,
        signal,
        answer: (body) => {
          done();
          resolve(new Response(body));
        },
      });
    });
  }) as unknown as typeof globalThis.fetch;
  const answer = (url: string) => {
    const i = pending.findIndex((p) => p.url === url);
    const [p] = pending.splice(i, 1);
    p?.answer(`body of ${url}`);
  };
  return { fetch, pending, most, order, answer };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const text = (r: Response) => r.text();

afterEach(() => {
  vi.useRealTimers();
});

describe('createPoliteQueue', () => {
  it('never sends more than two requests at a time to one host, and all arrive', async () => {
    const server = fakeServer();
    const queue = createPoliteQueue({ fetch: server.fetch });
    const urls = Array.from({ length: 9 }, (_, i) => `https://rat.example/vo0050.asp?__kvonr=${i}`);
    const results = urls.map((url, i) => queue.request({ url, priority: i }, text));
    await tick();
    expect(server.pending).toHaveLength(2);
    while (server.pending.length > 0) {
      server.answer(server.pending[0]?.url ?? '');
      await tick();
    }
    expect(await Promise.all(results)).toEqual(urls.map((u) => `body of ${u}`));
    expect(server.most.get('rat.example')).toBe(2);
  });

  it('counts hosts apart: two to each', async () => {
    const server = fakeServer();
    const queue = createPoliteQueue({ fetch: server.fetch });
    for (let i = 0; i < 3; i++) {
      void queue.request({ url: `https://a.example/${i}`, priority: i }, text).catch(() => undefined);
      void queue.request({ url: `https://b.example/${i}`, priority: i }, text).catch(() => undefined);
    }
    await tick();
    expect(queue.running('a.example')).toBe(2);
    expect(queue.running('b.example')).toBe(2);
    queue.stop();
  });

  it('sends the most wanted first, and follows a new priority', async () => {
    const server = fakeServer();
    const queue = createPoliteQueue({ fetch: server.fetch, perHost: 1 });
    const urls = ['https://r.example/0', 'https://r.example/1', 'https://r.example/2', 'https://r.example/3'];
    for (const [i, url] of urls.entries()) void queue.request({ url, priority: i }, text).catch(() => undefined);
    await tick();
    // The reader scrolled to item 3 while item 0 was loading.
    queue.reprioritise((url) => (url.endsWith('/3') ? -1 : undefined));
    for (let i = 0; i < 4; i++) {
      server.answer(server.pending[0]?.url ?? '');
      await tick();
    }
    expect(server.order).toEqual([urls[0], urls[3], urls[1], urls[2]]);
  });

  it('stops everything when the reader leaves: waiting ones are never sent, running ones aborted', async () => {
    const server = fakeServer();
    const queue = createPoliteQueue({ fetch: server.fetch });
    const results = [0, 1, 2, 3].map((i) =>
      queue.request({ url: `https://r.example/${i}`, priority: i }, text).catch((e) => e),
    );
    await tick();
    queue.stop();
    const settled = await Promise.all(results);
    expect(settled.every((e) => e instanceof QueueStopped)).toBe(true);
    expect(server.order).toHaveLength(2);
    expect(server.pending.every((p) => p.signal.aborted)).toBe(true);
    await expect(queue.request({ url: 'https://r.example/9', priority: 0 }, text)).rejects.toBeInstanceOf(QueueStopped);
    expect(server.order).toHaveLength(2);
  });

  it('gives a request up after the time-out and goes on with the next', async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    const queue = createPoliteQueue({ fetch: server.fetch, perHost: 1, timeoutMs: 15_000 });
    const slow = queue.request({ url: 'https://r.example/slow', priority: 0 }, text).catch((e) => e);
    const next = queue.request({ url: 'https://r.example/next', priority: 1 }, text);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(server.order).toEqual(['https://r.example/slow']);
    await vi.advanceTimersByTimeAsync(1);
    expect(await slow).toBeInstanceOf(RequestTimeout);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.order).toEqual(['https://r.example/slow', 'https://r.example/next']);
    server.answer('https://r.example/next');
    expect(await next).toBe('body of https://r.example/next');
  });

  it('keeps the place until the answer is read, and times out a reader that stalls', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(async () => new Response('x')) as unknown as typeof globalThis.fetch;
    const queue = createPoliteQueue({ fetch, perHost: 1, timeoutMs: 1000 });
    const stalled = queue
      .request({ url: 'https://r.example/a', priority: 0 }, () => new Promise<string>(() => undefined))
      .catch((e) => e);
    const after = queue.request({ url: 'https://r.example/b', priority: 1 }, text);
    await vi.advanceTimersByTimeAsync(10);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(queue.running('r.example')).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await stalled).toBeInstanceOf(RequestTimeout);
    expect(await after).toBe('x');
  });

  it('passes a failure of one request on without stopping the rest', async () => {
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      if (String(input).endsWith('/bad')) throw new TypeError('Failed to fetch');
      return new Response('ok');
    }) as unknown as typeof globalThis.fetch;
    const queue = createPoliteQueue({ fetch });
    const bad = queue.request({ url: 'https://r.example/bad', priority: 0 }, text).catch((e) => e);
    const good = queue.request({ url: 'https://r.example/good', priority: 1 }, text);
    expect(await bad).toBeInstanceOf(TypeError);
    expect(await good).toBe('ok');
  });
});
