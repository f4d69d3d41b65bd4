import { DocumentFetchError, type FetchFailure, fetchDocument } from './fetchDocument';
import type { PoliteQueue } from './politeQueue';
import { type CachedDocument, type CachedPassage, type RadarCacheDB, storeDocument, touchDocument } from './radarCache';
import type { AgendaItem } from './readAgenda';

/** Why an item could not be checked (the locales have a sentence for each: `radarFailure_…`). */
export type RadarFailure = FetchFailure | 'brokenPdf' | 'noText';

/** A passage of an item's document that touches measures. */
export interface RadarPassage extends CachedPassage {
  /** The document it stands in (the Vorlage page or its PDF). */
  documentUrl: string;
  /** The measures it touches, each with the passage's words that made it match. */
  measures: RadarMeasure[];
}

export interface RadarMeasure {
  id: string;
  terms: string[];
}

export interface RadarItemResult {
  index: number;
  state: 'checked' | 'none' | 'failed';
  failure?: RadarFailure;
  /** Passages that touch at least one measure, in document order. */
  passages: RadarPassage[];
  /** The document's number as its page names it, where it does. */
  number?: string;
  /** The keys the reader's notes on the item's documents carry: its Vorlage's, and its PDF's where that differs. */
  noteKeys?: string[];
  /** Whether every document came from the cache (unchanged on the server, or not asked again). */
  fromCache: boolean;
  /**
   * The last visit's reading, shown at once while the server is asked whether the document changed;
   * the item's final result follows.
   */
  provisional?: boolean;
}

/** How a document's bytes become passages; the document pipeline supplies them. */
export interface RadarReaders {
  /** A Vorlage page: its motion text as passages, and the PDFs it links to (the main document first). */
  html(
    bytes: Uint8Array,
    url: string,
  ): Promise<{ passages: CachedPassage[]; pdfUrls: string[]; number?: string; noteKey?: string }>;
  /** A PDF: its text as passages, with pages, and the key its notes carry; throws for a broken PDF. */
  pdf(bytes: Uint8Array, url: string): Promise<{ passages: CachedPassage[]; noteKey?: string }>;
}

export interface RadarRun {
  items: readonly AgendaItem[];
  queue: PoliteQueue;
  cache: RadarCacheDB;
  readers: RadarReaders;
  /** The measures of the active packs each passage touches (the compiled matcher). */
  match(passages: readonly CachedPassage[]): RadarMeasure[][];
  /** Each item's result as soon as it is known, for the progress line and the chips. */
  onItem(result: RadarItemResult): void;
  /**
   * The last visit's readings (provisional results), all at once, before any request: every item the cache
   * knows, possibly none. Each item's final result follows through `onItem`.
   */
  onCached?(results: readonly RadarItemResult[]): void;
  /** Priority of an item: lower is read first (the presenter puts items in view first). */
  priority?(index: number): number;
}

class NoText extends Error {}
class BrokenPdf extends Error {}

/** Reads one document (from the cache when the server says it is unchanged). */
async function readDocument(
  run: RadarRun,
  url: string,
  expect: 'html' | 'pdf',
  priority: number,
  known: ReadonlyMap<string, CachedDocument>,
): Promise<{ passages: CachedPassage[]; pdfUrls: string[]; number?: string; noteKey?: string; fromCache: boolean }> {
  // The reading the agenda's first look found (one read for all items), else the cache's, for its validators.
  const cached = known.get(url) ?? (await run.cache.documents.get(url));
  const got = await fetchDocument(run.queue, url, { priority, expect, validators: cached?.validators });
  if (got.status === 'unchanged') {
    // Only asked conditionally with a cached reading, so a 304 without one is the server's error.
    if (!cached) throw new DocumentFetchError('httpError', url, 304);
    await touchDocument(run.cache, url);
    if (cached.unreadable) throw new BrokenPdf();
    return { ...cached, pdfUrls: cached.pdfUrls ?? [], fromCache: true };
  }
  let passages: CachedPassage[];
  let pdfUrls: string[] = [];
  let number: string | undefined;
  let noteKey: string | undefined;
  if (got.kind === 'pdf') {
    try {
      ({ passages, noteKey } = await run.readers.pdf(got.bytes, got.url));
    } catch {
      await storeDocument(run.cache, { url, kind: 'pdf', validators: got.validators, passages: [], unreadable: true });
      throw new BrokenPdf();
    }
  } else ({ passages, pdfUrls, number, noteKey } = await run.readers.html(got.bytes, got.url));
  await storeDocument(run.cache, {
    url,
    kind: got.kind,
    validators: got.validators,
    passages,
    pdfUrls,
    ...(number ? { number } : {}),
    ...(noteKey ? { noteKey } : {}),
  });
  return { passages, pdfUrls, number, noteKey, fromCache: false };
}

/** The keys the reader's notes on these documents carry, each once. */
function keysOf(documents: readonly { noteKey?: string }[]): { noteKeys?: string[] } {
  const keys = [...new Set(documents.flatMap((d) => (d.noteKey ? [d.noteKey] : [])))];
  return keys.length > 0 ? { noteKeys: keys } : {};
}

/** The item's first document: its Vorlage page, else its first file. */
const firstDocument = (item: AgendaItem) => item.paperUrl ?? item.fileUrls[0];

/**
 * What the last visit read of the agenda's documents, in two reads of the
 * cache for all items (the pages, then the PDFs of pages without text of
 * their own), not two per item: a second visit shows it before any request.
 */
async function lastReadings(run: Pick<RadarRun, 'items' | 'cache'>): Promise<Map<string, CachedDocument>> {
  const known = new Map<string, CachedDocument>();
  const take = async (urls: (string | undefined)[]) => {
    const wanted = [...new Set(urls.filter((u): u is string => !!u && !known.has(u)))];
    if (wanted.length === 0) return;
    const docs = await run.cache.documents.bulkGet(wanted);
    for (const d of docs) if (d) known.set(d.url, d);
  };
  await take(run.items.map(firstDocument));
  await take(
    run.items.map((item) => {
      const page = known.get(firstDocument(item) ?? '');
      return page && !page.unreadable && page.passages.length === 0 ? page.pdfUrls?.[0] : undefined;
    }),
  );
  return known;
}

/** The passages of the documents that touch measures, each with its document and measures. */
function matchedPassages(
  run: Pick<RadarRun, 'match'>,
  documents: readonly { url: string; passages: CachedPassage[] }[],
): RadarPassage[] {
  const passages: RadarPassage[] = [];
  for (const d of documents) {
    const measures = run.match(d.passages);
    d.passages.forEach((p, i) => {
      const touched = measures[i] ?? [];
      if (touched.length > 0) passages.push({ ...p, documentUrl: d.url, measures: touched });
    });
  }
  return passages;
}

/** What the last visit read of the item, matched with today's packs; undefined when it read nothing usable. */
function lastReading(
  run: Pick<RadarRun, 'match'>,
  item: AgendaItem,
  index: number,
  known: ReadonlyMap<string, CachedDocument>,
): RadarItemResult | undefined {
  const first = firstDocument(item);
  const page = first ? known.get(first) : undefined;
  if (!first || !page) return undefined;
  // A broken PDF stays broken until the server sends another file.
  const broken: RadarItemResult = {
    index,
    state: 'failed',
    failure: 'brokenPdf',
    passages: [],
    fromCache: true,
    provisional: true,
  };
  if (page.unreadable) return broken;
  const documents = [{ ...page, url: first }];
  const pdfUrl = page.passages.length === 0 ? page.pdfUrls?.[0] : undefined;
  if (pdfUrl) {
    const pdf = known.get(pdfUrl);
    if (!pdf) return undefined;
    if (pdf.unreadable) return broken;
    documents.push({ ...pdf, url: pdfUrl });
  }
  if (documents.every((d) => d.passages.length === 0)) return undefined;
  return {
    index,
    state: 'checked',
    passages: matchedPassages(run, documents),
    fromCache: true,
    provisional: true,
    ...(page.number ? { number: page.number } : {}),
    ...keysOf(documents),
  };
}

/**
 * Today's packs on what the cache holds of the agenda's documents, without a
 * request: when the reader switches packs on or off, or adds one, while the
 * agenda is open. Items whose documents the cache does not hold are left out.
 */
export async function readingsFromCache(run: Pick<RadarRun, 'items' | 'cache' | 'match'>): Promise<RadarItemResult[]> {
  const known = await lastReadings(run);
  return run.items.flatMap((item, index) => lastReading(run, item, index, known) ?? []);
}

/**
 * The radar for one agenda: each item's document is read (its Vorlage page;
 * its main PDF where the page has no text of its own), matched, and reported
 * through `onItem` as soon as it is known. Items are started all at once; the
 * polite queue decides how many requests reach the server. A failure marks
 * that item with its reason, and the others carry on.
 */
export async function runRadar(run: RadarRun): Promise<RadarItemResult[]> {
  const priority = run.priority ?? ((i: number) => i);
  const matched = (documents: readonly { url: string; passages: CachedPassage[] }[]) => matchedPassages(run, documents);
  const one = async (
    item: AgendaItem,
    index: number,
    known: ReadonlyMap<string, CachedDocument>,
  ): Promise<RadarItemResult> => {
    const first = firstDocument(item);
    if (!first) return { index, state: 'none', passages: [], fromCache: true };
    try {
      const documents: { url: string; passages: CachedPassage[]; noteKey?: string }[] = [];
      let fromCache = true;
      const page = await readDocument(run, first, item.paperUrl ? 'html' : 'pdf', priority(index), known);
      fromCache &&= page.fromCache;
      documents.push({ ...page, url: first });
      // The page shows only the document's data and puts its text in a PDF: read the main one.
      const pdfUrl =
        page.passages.length === 0 ? (page.pdfUrls[0] ?? (item.paperUrl ? item.fileUrls[0] : undefined)) : undefined;
      if (pdfUrl) {
        const pdf = await readDocument(run, pdfUrl, 'pdf', priority(index), known);
        fromCache &&= pdf.fromCache;
        documents.push({ ...pdf, url: pdfUrl });
      }
      if (documents.every((d) => d.passages.length === 0)) throw new NoText();
      return {
        index,
        state: 'checked',
        passages: matched(documents),
        fromCache,
        ...(page.number ? { number: page.number } : {}),
        ...keysOf(documents),
      };
    } catch (error) {
      const failure: RadarFailure =
        error instanceof DocumentFetchError
          ? error.reason
          : error instanceof BrokenPdf
            ? 'brokenPdf'
            : error instanceof NoText
              ? 'noText'
              : 'network';
      return { index, state: 'failed', failure, passages: [], fromCache: false };
    }
  };
  // A second visit shows what was read last time at once, every item in one go; the server is asked afterwards.
  const known = await lastReadings(run).catch(() => new Map<string, CachedDocument>());
  const last = run.items.map((item, index) => lastReading(run, item, index, known));
  run.onCached?.(last.filter((r): r is RadarItemResult => r !== undefined));
  return Promise.all(
    run.items.map(async (item, index) => {
      const result = await one(item, index, known);
      if (result.failure !== 'stopped') run.onItem(result);
      return result;
    }),
  );
}
