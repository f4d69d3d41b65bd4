import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createPoliteQueue } from '@/utils/radar/politeQueue';
import { RadarCacheDB } from '@/utils/radar/radarCache';
import type { AgendaItem } from '@/utils/radar/readAgenda';
import { type RadarItemResult, type RadarReaders, readingsFromCache, runRadar } from '@/utils/radar/runRadar';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/**
 * A council server in memory: Vorlage pages as HTML whose body lists passages
 * one per line ("PDF:" lines name linked PDFs), PDFs as "%PDF-" plus lines.
 * It answers conditionally by ETag and counts full downloads.
 */
function councilServer(docs: Record<string, { body: string; type: 'html' | 'pdf' | 'login' } | number>) {
  const downloads: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const doc = docs[url];
    if (doc === undefined) return new Response('', { status: 404 });
    if (typeof doc === 'number') return new Response('', { status: doc });
    const etag = `"${doc.body.length}-${doc.body.charCodeAt(0)}"`;
    if (new Headers(init?.headers).get('if-none-match') === etag) return new Response(null, { status: 304 });
    downloads.push(url);
    const body = doc.type === 'pdf' ? `%PDF-1.7\n${doc.body}` : `<!doctype html>\n${doc.body}`;
    return new Response(enc(body), {
      headers: { etag, 'content-type': doc.type === 'pdf' ? 'application/pdf' : 'text/html' },
    });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, downloads };
}

const readers: RadarReaders = {
  html: async (bytes) => {
    const lines = dec(bytes).split('\n').slice(1);
    return {
      number: 'VO/1',
      noteKey: 'rat.example|VO/1',
      passages: lines.filter((l) => l && !l.startsWith('PDF:')).map((text) => ({ text })),
      pdfUrls: lines.filter((l) => l.startsWith('PDF:')).map((l) => l.slice(4)),
    };
  },
  pdf: async (bytes) => {
    const lines = dec(bytes).split('\n').slice(1);
    if (lines[0] === 'kaputt') throw new Error('Invalid PDF structure');
    return {
      passages: lines.filter(Boolean).map((text, i) => ({ text, page: i + 1 })),
      noteKey: `rat.example|pdf:${lines[0]}`,
    };
  },
};

// The matcher, reduced to what the radar needs: Toulouse touches KW21-7, Eurocities KW21-13.
const match = (passages: readonly { text: string }[]) =>
  passages.map((p) => [
    ...(/Toulouse/.test(p.text) ? [{ id: 'KW21-7', terms: ['Toulouse'] }] : []),
    ...(/Eurocities/.test(p.text) ? [{ id: 'KW21-13', terms: ['Eurocities'] }] : []),
  ]);
const ids = (p: { measures: { id: string }[] } | undefined) => p?.measures.map((m) => m.id);

const item = (n: string, paperUrl?: string, fileUrls: string[] = []): AgendaItem =>
  ({ row: {} as Element, titleCell: {} as Element, number: n, title: `TOP ${n}`, paperUrl, fileUrls }) as AgendaItem;

const base = 'https://rat.example/';
const SERVER = {
  [`${base}vo1`]: { type: 'html' as const, body: 'Der Austausch mit Toulouse wird verstetigt.\nSonstiges.' },
  [`${base}vo2`]: { type: 'html' as const, body: `PDF:${base}doc2.pdf` },
  [`${base}doc2.pdf`]: { type: 'pdf' as const, body: 'Seite eins.\nBeitritt zu Eurocities.' },
  [`${base}vo3`]: { type: 'html' as const, body: 'Haushalt und Stellenplan.' },
  [`${base}vo4`]: { type: 'html' as const, body: `PDF:${base}doc4.pdf` },
  [`${base}doc4.pdf`]: { type: 'pdf' as const, body: 'kaputt' },
  [`${base}vo6`]: { type: 'html' as const, body: `PDF:${base}login.pdf` },
  [`${base}login.pdf`]: { type: 'login' as const, body: '<form>Bitte anmelden</form>' },
};
const ITEMS = [
  item('1'),
  item('2', `${base}vo1`),
  item('3', `${base}vo2`),
  item('4', `${base}vo3`),
  item('5', `${base}vo4`),
  item('6', `${base}missing`),
  item('7', `${base}vo6`),
];

async function radar(server: ReturnType<typeof councilServer>, cache: RadarCacheDB) {
  const seen: RadarItemResult[] = [];
  const cachedBatches: number[] = [];
  const results = await runRadar({
    items: ITEMS,
    queue: createPoliteQueue({ fetch: server.fetch }),
    cache,
    readers,
    match,
    onItem: (r) => seen.push(r),
    onCached: (rs) => {
      cachedBatches.push(rs.length);
      seen.push(...rs);
    },
  });
  return { results, seen, cachedBatches };
}

describe('runRadar', () => {
  it('reads each item’s document, the PDF where the page has no text, and reports every item once', async () => {
    const server = councilServer(SERVER);
    const { results, seen } = await radar(server, new RadarCacheDB('r1', { indexedDB: new IDBFactory(), IDBKeyRange }));
    expect(seen.map((r) => r.index).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const byItem = results.map((r) => ({
      state: r.state,
      failure: r.failure,
      measures: r.passages.map(ids),
    }));
    expect(byItem).toEqual([
      { state: 'none', failure: undefined, measures: [] },
      { state: 'checked', failure: undefined, measures: [['KW21-7']] },
      { state: 'checked', failure: undefined, measures: [['KW21-13']] },
      { state: 'checked', failure: undefined, measures: [] },
      { state: 'failed', failure: 'brokenPdf', measures: [] },
      { state: 'failed', failure: 'notFound', measures: [] },
      { state: 'failed', failure: 'notPdf', measures: [] },
    ]);
    // The briefing finds the reader's notes on the Vorlage page and on its PDF, each under its own key.
    expect(results[1]?.noteKeys).toEqual(['rat.example|VO/1']);
    expect(results[2]?.noteKeys).toEqual(['rat.example|VO/1', 'rat.example|pdf:Seite eins.']);
    // The quoted passage and where it stands: the PDF's page.
    expect(results[2]?.passages[0]).toMatchObject({
      text: 'Beitritt zu Eurocities.',
      page: 2,
      documentUrl: `${base}doc2.pdf`,
    });
  });

  it('downloads nothing unchanged on a second visit, and reads a changed document again', async () => {
    const server = councilServer({ ...SERVER });
    const cache = new RadarCacheDB('r2', { indexedDB: new IDBFactory(), IDBKeyRange });
    await radar(server, cache);
    const first = server.downloads.length;
    expect(first).toBe(8);
    const again = await radar(server, cache);
    // The last visit's reading is shown at once, in one batch before the server has answered (the broken PDF
    // too: it stays broken until the server sends another file), and the final result follows.
    const provisional = again.seen.filter((r) => r.provisional);
    expect(provisional.map((r) => r.index).sort()).toEqual([1, 2, 3, 4]);
    expect(again.cachedBatches).toEqual([4]);
    expect(again.seen.slice(0, 4).every((r) => r.provisional)).toBe(true);
    expect(provisional.find((r) => r.index === 4)).toMatchObject({ state: 'failed', failure: 'brokenPdf' });
    const firstFinal = again.seen.findIndex((r) => !r.provisional && r.state === 'checked');
    expect(again.seen.findIndex((r) => r.provisional)).toBeLessThan(firstFinal);
    expect(ids(provisional.find((r) => r.index === 2)?.passages[0])).toEqual(['KW21-13']);
    expect(provisional.find((r) => r.index === 2)?.noteKeys).toEqual([
      'rat.example|VO/1',
      'rat.example|pdf:Seite eins.',
    ]);
    expect(again.results[2]?.noteKeys).toEqual(['rat.example|VO/1', 'rat.example|pdf:Seite eins.']);
    // Only the PDF link that answered with a login page is asked in full again: that may change once the reader logs in.
    expect(server.downloads.slice(first)).toEqual([`${base}login.pdf`]);
    expect(again.results[4]?.failure).toBe('brokenPdf');
    expect(again.results[1]?.fromCache).toBe(true);
    expect(again.results[1]?.number).toBe('VO/1');
    expect(ids(again.results[1]?.passages[0])).toEqual(['KW21-7']);
    expect(ids(again.results[2]?.passages[0])).toEqual(['KW21-13']);
    // The Vorlage of item 4 changes on the server.
    const changed = councilServer({ ...SERVER, [`${base}vo3`]: { type: 'html', body: 'Zum Netzwerk Eurocities.' } });
    const third = await radar(changed, cache);
    expect(changed.downloads).toEqual([`${base}vo3`, `${base}login.pdf`]);
    expect(ids(third.results[3]?.passages[0])).toEqual(['KW21-13']);
    expect(third.results[3]?.fromCache).toBe(false);
  });

  it('re-matches from the cache when packs change, without asking for more than validators', async () => {
    const server = councilServer(SERVER);
    const cache = new RadarCacheDB('r3', { indexedDB: new IDBFactory(), IDBKeyRange });
    await radar(server, cache);
    const downloads = server.downloads.length;
    const results = await runRadar({
      items: ITEMS,
      queue: createPoliteQueue({ fetch: server.fetch }),
      cache,
      readers,
      match: (ps) => ps.map((p) => (/Sonstiges/.test(p.text) ? [{ id: 'OTHER-1', terms: ['Sonstiges'] }] : [])),
      onItem: () => undefined,
    });
    expect(server.downloads.length).toBe(downloads + 1);
    expect(results[1]?.passages.map((p) => p.text)).toEqual(['Sonstiges.']);
  });

  it('re-matches an open agenda from the cache alone when the reader switches packs: not a single request', async () => {
    const server = councilServer(SERVER);
    const cache = new RadarCacheDB('r4', { indexedDB: new IDBFactory(), IDBKeyRange });
    await radar(server, cache);
    const asked = vi.mocked(server.fetch).mock.calls.length;
    const results = await readingsFromCache({
      items: ITEMS,
      cache,
      match: (ps) => ps.map((p) => (/Eurocities|Stellenplan/.test(p.text) ? [{ id: 'OTHER-2', terms: ['x'] }] : [])),
    });
    expect(vi.mocked(server.fetch).mock.calls.length).toBe(asked);
    // Every item whose documents the cache holds, the broken PDF as broken; none without a reading.
    expect(results.map((r) => [r.index, r.state, r.passages.map((p) => p.text)])).toEqual([
      [1, 'checked', []],
      [2, 'checked', ['Beitritt zu Eurocities.']],
      [3, 'checked', ['Haushalt und Stellenplan.']],
      [4, 'failed', []],
    ]);
    expect(results[1]?.noteKeys).toEqual(['rat.example|VO/1', 'rat.example|pdf:Seite eins.']);
  });
});
