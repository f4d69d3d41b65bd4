import { describe, expect, it, vi } from 'vitest';
import { looksLikePdf } from '@/utils/pdf/pdfErrors';
import { type DocumentFetchError, fetchDocument } from '@/utils/radar/fetchDocument';
import { createPoliteQueue } from '@/utils/radar/politeQueue';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
const HTML = new TextEncoder().encode('<!DOCTYPE html><html><body><p>Vorlage</p></body></html>');

function serve(answer: (headers: Headers) => Response) {
  const seen: Headers[] = [];
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    seen.push(headers);
    return answer(headers);
  }) as unknown as typeof globalThis.fetch;
  return { queue: createPoliteQueue({ fetch }), seen };
}

const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: DocumentFetchError) => e.reason,
  );

describe('looksLikePdf', () => {
  it('finds the header at the start or after a little junk, not elsewhere', () => {
    expect(looksLikePdf(PDF)).toBe(true);
    expect(looksLikePdf(new Uint8Array([0xef, 0xbb, 0xbf, ...PDF]))).toBe(true);
    expect(looksLikePdf(HTML)).toBe(false);
    expect(looksLikePdf(new Uint8Array())).toBe(false);
  });
});

describe('fetchDocument', () => {
  it('reads a PDF sent as octet-stream, with its validators', async () => {
    const { queue } = serve(
      () =>
        new Response(PDF, {
          headers: {
            'content-type': 'application/octet-stream',
            etag: '"v1"',
            'last-modified': 'Tue, 01 Sep 2026 08:00:00 GMT',
          },
        }),
    );
    const got = await fetchDocument(queue, 'https://r.example/getfile.asp?id=1', { priority: 0, expect: 'pdf' });
    expect(got.status).toBe('fetched');
    if (got.status !== 'fetched') return;
    expect(got.kind).toBe('pdf');
    expect(got.bytes.length).toBe(PDF.length);
    expect(got.validators).toEqual({ etag: '"v1"', lastModified: 'Tue, 01 Sep 2026 08:00:00 GMT' });
  });

  it('asks conditionally with the cached validators and reports 304 as unchanged', async () => {
    const { queue, seen } = serve((h) =>
      h.get('if-none-match') === '"v1"' ? new Response(null, { status: 304 }) : new Response(PDF),
    );
    const got = await fetchDocument(queue, 'https://r.example/a.pdf', {
      priority: 0,
      expect: 'pdf',
      validators: { etag: '"v1"', lastModified: 'Tue, 01 Sep 2026 08:00:00 GMT' },
    });
    expect(got).toEqual({ status: 'unchanged' });
    expect(seen[0]?.get('if-modified-since')).toBe('Tue, 01 Sep 2026 08:00:00 GMT');
  });

  it('asks plainly without validators', async () => {
    const { queue, seen } = serve(
      () => new Response(HTML, { headers: { 'content-type': 'text/html; charset=utf-8' } }),
    );
    const got = await fetchDocument(queue, 'https://r.example/vo0050.asp', { priority: 0, expect: 'html' });
    expect(got.status === 'fetched' && got.kind).toBe('html');
    expect(seen[0]?.has('if-none-match')).toBe(false);
  });

  it('names each failure', async () => {
    const url = 'https://r.example/x';
    const opts = { priority: 0, expect: 'pdf' as const };
    expect(await fail(fetchDocument(serve(() => new Response('', { status: 404 })).queue, url, opts))).toBe('notFound');
    expect(await fail(fetchDocument(serve(() => new Response('', { status: 500 })).queue, url, opts))).toBe(
      'httpError',
    );
    // A PDF link that answers with a login page.
    expect(
      await fail(
        fetchDocument(serve(() => new Response(HTML, { headers: { 'content-type': 'text/html' } })).queue, url, opts),
      ),
    ).toBe('notPdf');
    expect(
      await fail(
        fetchDocument(
          serve(() => new Response('PK\u0003\u0004', { headers: { 'content-type': 'application/zip' } })).queue,
          url,
          {
            priority: 0,
            expect: 'html',
          },
        ),
      ),
    ).toBe('notDocument');
    const down = createPoliteQueue({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
    });
    expect(await fail(fetchDocument(down, url, opts))).toBe('network');
    const stopped = createPoliteQueue({ fetch: (async () => new Response(PDF)) as unknown as typeof fetch });
    stopped.stop();
    expect(await fail(fetchDocument(stopped, url, opts))).toBe('stopped');
  });

  it('times out after the queue’s limit', async () => {
    vi.useFakeTimers();
    try {
      const queue = createPoliteQueue({
        timeoutMs: 15_000,
        fetch: ((_: unknown, init?: RequestInit) =>
          new Promise((_r, reject) =>
            init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          )) as unknown as typeof fetch,
      });
      const result = fail(fetchDocument(queue, 'https://r.example/slow.pdf', { priority: 0, expect: 'pdf' }));
      await vi.advanceTimersByTimeAsync(15_000);
      expect(await result).toBe('timeout');
    } finally {
      vi.useRealTimers();
    }
  });
});
