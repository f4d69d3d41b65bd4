import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  cachedDocument,
  clearRadarCache,
  RadarCacheDB,
  radarCacheSize,
  storeDocument,
  touchDocument,
} from '@/utils/radar/radarCache';

const fresh = () => new RadarCacheDB('radar-test', { indexedDB: new IDBFactory(), IDBKeyRange });
const reading = (url: string, chars: number) => ({
  url,
  kind: 'html' as const,
  validators: { etag: `"${url}"` },
  passages: [{ text: 'x'.repeat(chars), lines: [1, 4] as [number, number] }],
});

describe('radar cache', () => {
  it('keeps a reading with its validators and passages', async () => {
    const db = fresh();
    await storeDocument(db, { ...reading('https://r.example/a', 10), pdfUrls: ['https://r.example/a.pdf'] }, 100, 1);
    const got = await cachedDocument(db, 'https://r.example/a', 5);
    expect(got).toMatchObject({ validators: { etag: '"https://r.example/a"' }, size: 10, readAt: 1, usedAt: 1 });
    expect(got?.passages[0]?.lines).toEqual([1, 4]);
    expect(got?.pdfUrls).toEqual(['https://r.example/a.pdf']);
    // Reading it counts as a use.
    expect((await db.documents.get('https://r.example/a'))?.usedAt).toBe(5);
    expect(await cachedDocument(db, 'https://r.example/none')).toBeUndefined();
  });

  it('drops the least recently used readings beyond its bound, never the one just stored', async () => {
    const db = fresh();
    await storeDocument(db, reading('https://r.example/1', 40), 100, 1);
    await storeDocument(db, reading('https://r.example/2', 40), 100, 2);
    await touchDocument(db, 'https://r.example/1', 3); // a 304 on the second visit
    await storeDocument(db, reading('https://r.example/3', 40), 100, 4);
    expect((await db.documents.toArray()).map((d) => d.url).sort()).toEqual([
      'https://r.example/1',
      'https://r.example/3',
    ]);
    // A reading larger than the bound by itself is still kept: it is the one the reader needs now.
    await storeDocument(db, reading('https://r.example/big', 500), 100, 5);
    expect((await db.documents.toArray()).map((d) => d.url)).toEqual(['https://r.example/big']);
  });

  it('says how much it holds and empties on request', async () => {
    const db = fresh();
    await storeDocument(db, reading('https://r.example/1', 7));
    await storeDocument(db, reading('https://r.example/2', 5));
    expect(await radarCacheSize(db)).toEqual({ documents: 2, characters: 12 });
    await clearRadarCache(db);
    expect(await radarCacheSize(db)).toEqual({ documents: 0, characters: 0 });
  });
});
