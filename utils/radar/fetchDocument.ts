import { looksLikePdf } from '../pdf/pdfErrors';
import type { PoliteQueue } from './politeQueue';
import { QueueStopped, RequestTimeout } from './politeQueue';

/** What the cache remembers of a document's last answer, to ask again conditionally. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchedDocument =
  /** The server said 304: the cached reading stands. */
  | { status: 'unchanged' }
  | {
      status: 'fetched';
      kind: 'html' | 'pdf';
      bytes: Uint8Array;
      /** The address that answered, after redirects. */
      url: string;
      validators: Validators;
    };

/** Why an agenda item could not be checked; each has its sentence in the locales (`radarFailure_…`). */
export type FetchFailure = 'notFound' | 'httpError' | 'timeout' | 'network' | 'notPdf' | 'notDocument' | 'stopped';

export class DocumentFetchError extends Error {
  constructor(
    readonly reason: FetchFailure,
    readonly url: string,
    readonly status?: number,
  ) {
    super(`${reason}${status ? ` (${status})` : ''}: ${url}`);
    this.name = 'DocumentFetchError';
  }
}

/** What the answer is, by its header and, since council servers often send PDFs as octet-stream, its bytes. */
function kindOf(contentType: string, bytes: Uint8Array): 'html' | 'pdf' | undefined {
  if (looksLikePdf(bytes)) return 'pdf';
  if (/html|xml/i.test(contentType)) return 'html';
  if (!contentType || /text\/plain|octet-stream/i.test(contentType)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) return 'html';
  }
  return undefined;
}

/**
 * Fetches a document of an agenda item through the polite queue, asking
 * conditionally when the cache knows the last answer's validators, so an
 * unchanged document costs a 304 and no download. `expect` says what the
 * link promised: a PDF link that returns a login page is an error, not a
 * document.
 */
export async function fetchDocument(
  queue: PoliteQueue,
  url: string,
  options: { priority: number; expect: 'html' | 'pdf'; validators?: Validators; signal?: AbortSignal },
): Promise<FetchedDocument> {
  const headers: Record<string, string> = {};
  if (options.validators?.etag) headers['If-None-Match'] = options.validators.etag;
  if (options.validators?.lastModified) headers['If-Modified-Since'] = options.validators.lastModified;
  try {
    return await queue.request(
      {
        url,
        priority: options.priority,
        // The radar's own cache holds the text and the validators; the browser's HTTP cache would answer a
        // plain request with a revalidated copy, so that emptying the radar's cache would not read anything again.
        init: { headers, credentials: 'include', cache: 'no-store', signal: options.signal },
      },
      async (response): Promise<FetchedDocument> => {
        if (response.status === 304) return { status: 'unchanged' };
        if (response.status === 404 || response.status === 410)
          throw new DocumentFetchError('notFound', url, response.status);
        if (!response.ok) throw new DocumentFetchError('httpError', url, response.status);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const kind = kindOf(response.headers.get('content-type') ?? '', bytes);
        if (options.expect === 'pdf' && kind !== 'pdf') throw new DocumentFetchError('notPdf', url);
        if (kind === undefined) throw new DocumentFetchError('notDocument', url);
        return {
          status: 'fetched',
          kind,
          bytes,
          url: response.url || url,
          validators: {
            etag: response.headers.get('etag') ?? undefined,
            lastModified: response.headers.get('last-modified') ?? undefined,
          },
        };
      },
    );
  } catch (error) {
    if (error instanceof DocumentFetchError) throw error;
    if (error instanceof RequestTimeout) throw new DocumentFetchError('timeout', url);
    if (error instanceof QueueStopped) throw new DocumentFetchError('stopped', url);
    throw new DocumentFetchError('network', url);
  }
}
