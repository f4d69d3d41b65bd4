import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Validators } from './fetchDocument';

/** A passage of a document read for the radar: its text and where it stands. */
export interface CachedPassage {
  text: string;
  /** PDF page the passage begins on. */
  page?: number;
  /** First and last line number of a line-numbered motion. */
  lines?: [number, number];
}

/**
 * What the radar read of one document: the passages (so that switching packs
 * re-matches without downloading again) and the server's validators (so that
 * the next visit asks conditionally and an unchanged document costs a 304).
 */
export interface CachedDocument {
  /** The address the document was fetched from (the agenda's link). */
  url: string;
  kind: 'html' | 'pdf';
  validators: Validators;
  passages: CachedPassage[];
  /** The document's number as its page names it ("OB/141/2023"), so notes on it can be found. */
  number?: string;
  /** The key the reader's notes on this document carry (utils/notes/documentKey.ts), for the briefing. */
  noteKey?: string;
  /** For an HTML page whose text is in PDFs: the PDFs it links to, read in turn. */
  pdfUrls?: string[];
  /**
   * The document could not be read as text (a broken PDF): remembered with its
   * validators, so an unchanged broken file is not downloaded again each visit.
   */
  unreadable?: boolean;
  /** Characters held, for the size bound. */
  size: number;
  /** ms since epoch: when it was read, and when it was last used (least recently used goes first). */
  readAt: number;
  usedAt: number;
}

export const RADAR_DB_NAME = 'ratsmarker-radar';

/**
 * A database of its own, apart from the notebook: what it holds can always be
 * fetched again, so it can be emptied or dropped whole without touching a note,
 * and its schema never has to move in step with the notes'.
 */
export class RadarCacheDB extends Dexie {
  documents!: EntityTable<CachedDocument, 'url'>;

  constructor(name = RADAR_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ documents: 'url, usedAt' });
  }
}

/**
 * The bound: some 20 million characters (about 40 MB in IndexedDB's UTF-16),
 * which holds the documents of a few hundred meetings. Council documents are
 * small as text (a Vorlage is 5–50 kB); a bound by count alone would let a few
 * 300-page plans fill the disk.
 */
export const DEFAULT_CACHE_CHARS = 20_000_000;

const sizeOf = (passages: readonly CachedPassage[]) => passages.reduce((n, p) => n + p.text.length, 0);

/** The document as last read, marked as used now; undefined when not cached. */
export async function cachedDocument(
  db: RadarCacheDB,
  url: string,
  now = Date.now(),
): Promise<CachedDocument | undefined> {
  const doc = await db.documents.get(url);
  if (doc) await db.documents.update(url, { usedAt: now });
  return doc;
}

/** Stores a reading, then drops the least recently used readings until the cache fits its bound. */
export async function storeDocument(
  db: RadarCacheDB,
  doc: Omit<CachedDocument, 'size' | 'readAt' | 'usedAt'>,
  bound = DEFAULT_CACHE_CHARS,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.documents, async () => {
    await db.documents.put({ ...doc, size: sizeOf(doc.passages), readAt: now, usedAt: now });
    let total = 0;
    await db.documents.each((d) => {
      total += d.size;
    });
    if (total <= bound) return;
    // Oldest use first; the document just stored is the newest and goes last, if at all.
    const drop: string[] = [];
    await db.documents
      .orderBy('usedAt')
      .until(() => total <= bound)
      .each((d) => {
        if (d.url === doc.url) return;
        drop.push(d.url);
        total -= d.size;
      });
    await db.documents.bulkDelete(drop);
  });
}

/** Marks a document as unchanged (the server answered 304): it counts as used now. */
export async function touchDocument(db: RadarCacheDB, url: string, now = Date.now()): Promise<void> {
  await db.documents.update(url, { usedAt: now });
}

/** How much the cache holds, for the options page. */
export async function radarCacheSize(db: RadarCacheDB): Promise<{ documents: number; characters: number }> {
  let documents = 0;
  let characters = 0;
  await db.documents.each((d) => {
    documents++;
    characters += d.size;
  });
  return { documents, characters };
}

/** Empties the cache (options: „Zwischenspeicher leeren“). Notes are elsewhere and stay. */
export async function clearRadarCache(db: RadarCacheDB): Promise<void> {
  await db.documents.clear();
}
