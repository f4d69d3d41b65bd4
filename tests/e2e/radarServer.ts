import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { motionPdf } from '../fixtures/pdf/makePdfs';

/**
 * A council server for the meeting radar: a generated SessionNet agenda whose
 * items link to Vorlage pages (text in the page, or only in a PDF), one
 * missing, one with a broken PDF, and a few that take their time. It answers
 * conditionally by ETag and keeps count of what the radar asks: full
 * downloads, requests in flight at once, requests after the reader left.
 */

const BASE = '/ratsinfo/duesseldorf';
export const AGENDA_PATH = `${BASE}/si0057.asp`;
/** A meeting's agenda none of whose items links a document (the page's own titles are all there is to read). */
export const BARE_AGENDA_PATH = `${BASE}/si0056.asp`;

const htmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A SessionNet Vorlage page with its number, title, text paragraphs and PDF links. */
export function vorlagePage(number: string, title: string, paragraphs: string[], pdfIds: number[] = []): string {
  return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>SessionNet | Vorlage - ${htmlText(number)}</title></head>
<body id="smc_body" class="smc-body"><div id="wrapper" class="smclayout smc_page_vo0050_layout">
<h1 class="smc_h1">Vorlage - ${htmlText(number)}</h1>
<table class="smctablesitzung"><tbody>
<tr><th class="smc_fieldname">Betreff:</th><td class="smc_field">${htmlText(title)}</td></tr>
<tr><th class="smc_fieldname">Vorlage:</th><td class="smc_field">${htmlText(number)}</td></tr>
<tr><th class="smc_fieldname">Art:</th><td class="smc_field">Beschlussvorlage</td></tr>
</tbody></table>
${paragraphs.length > 0 ? `<div class="smcdocmsword">${paragraphs.map((p) => `<p>${htmlText(p)}</p>`).join('\n')}</div>` : ''}
${pdfIds.length > 0 ? `<table class="smcdocbox"><tbody>${pdfIds.map((id) => `<tr><td class="smc_doc"><a href="getfile.asp?id=${id}&amp;type=do" title="Vorlage (PDF)">Vorlage ${htmlText(number)} (PDF)</a></td></tr>`).join('')}</tbody></table>` : ''}
</div><div id="smcfooter"><div id="smcsomacosinfo">Sitzungsdienst</div></div></body></html>`;
}

export interface RadarItemSpec {
  title: string;
  /** The Vorlage: its page, a missing page (404), or none at all. */
  vorlage?: { number: string; paragraphs: string[]; pdf?: 'motion' | 'broken' } | 'missing';
  /** How long the server takes for this item's documents (ms). */
  delay?: number;
}

/** The agenda of a meeting in SessionNet 6's layout (si0057): TOP, Betreff, Vorlage. */
export function agendaPage(items: readonly RadarItemSpec[]): string {
  const rows = items
    .map((item, i) => {
      const n = i + 1;
      const kvonr = 9000 + n;
      const vorlage =
        item.vorlage === undefined
          ? ''
          : `<a href="vo0050.asp?__kvonr=${kvonr}" class="smce-a-u smc-link-normal">${htmlText(item.vorlage === 'missing' ? `FEHLT/${n}/2026` : item.vorlage.number)}</a>`;
      return `<tr class="smc-t-r-l"><td class="tofnum" data-label="TOP"><a href="to0050.asp?__ktonr=${n}">Ö ${n}</a></td>
<td class="tobetr" data-label="Betreff"><div class="smc-card-header-title-simple">${htmlText(item.title)}</div></td>
<td class="tovonr" data-label="Vorlage">${vorlage}</td></tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>SessionNet | Ausschuss für Europa und Internationales - 03.12.2026</title></head>
<body id="smc_body" class="smc-body"><div id="wrapper" class="smclayout smc_page_si0057_layout">
<h1>Ausschuss für Europa und Internationales</h1>
<table class="table smc-table"><thead><tr><th class="tofnum_title">TOP</th><th class="tobetr_title">Betreff</th><th class="tovonr_title">Vorlage</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>Ende der Tagesordnung.</p>
</div><div id="smcfooter"><div id="smcsomacosinfo">Sitzungsdienst</div></div></body></html>`;
}

export interface RadarServerLog {
  /** Document requests answered in full (200), by path and query. */
  downloads: string[];
  /** Document requests answered 304. */
  unchanged: string[];
  /** Most document requests in flight at once. */
  mostInFlight: number;
  /** Document requests in flight now. */
  inFlight: number;
  /** Every document request, with when it arrived. */
  requests: { url: string; at: number }[];
  /** Requests the client gave up (connection closed before the answer). */
  aborted: string[];
}

const isDocument = (url: string) => /\/(?:vo0050\.asp|getfile\.asp)\?/.test(url);

export async function startRadarServer(items: readonly RadarItemSpec[], bareItems: readonly RadarItemSpec[] = []) {
  const motion = await motionPdf();
  const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj kaputt');
  const log: RadarServerLog = { downloads: [], unchanged: [], mostInFlight: 0, inFlight: 0, requests: [], aborted: [] };
  const agenda = agendaPage(items);

  const answer = (
    req: IncomingMessage,
  ): { status: number; type?: string; body?: string | Uint8Array; delay: number } => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === AGENDA_PATH) return { status: 200, type: 'text/html; charset=utf-8', body: agenda, delay: 0 };
    if (url.pathname === BARE_AGENDA_PATH)
      return { status: 200, type: 'text/html; charset=utf-8', body: agendaPage(bareItems), delay: 0 };
    const kvonr = Number(url.searchParams.get('__kvonr'));
    const fileId = Number(url.searchParams.get('id'));
    const index = (url.pathname.endsWith('/vo0050.asp') ? kvonr : fileId) - 9001;
    const item = items[index];
    const vorlage = item?.vorlage;
    const delay = item?.delay ?? 0;
    if (!item || vorlage === undefined || vorlage === 'missing') return { status: 404, body: 'nicht gefunden', delay };
    if (url.pathname.endsWith('/vo0050.asp'))
      return {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: vorlagePage(vorlage.number, item.title, vorlage.paragraphs, vorlage.pdf ? [9001 + index] : []),
        delay,
      };
    if (url.pathname.endsWith('/getfile.asp') && vorlage.pdf)
      return { status: 200, type: 'application/pdf', body: vorlage.pdf === 'motion' ? motion : broken, delay };
    return { status: 404, body: 'nicht gefunden', delay };
  };

  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const documentRequest = isDocument(path);
    if (documentRequest) {
      log.requests.push({ url: path, at: Date.now() });
      log.inFlight++;
      log.mostInFlight = Math.max(log.mostInFlight, log.inFlight);
    }
    let finished = false;
    const done = () => {
      if (documentRequest && !finished) log.inFlight--;
      finished = true;
    };
    res.on('close', () => {
      if (documentRequest && !res.writableFinished) log.aborted.push(path);
      done();
    });
    const a = answer(req);
    setTimeout(() => {
      if (res.destroyed) return;
      const etag =
        a.body !== undefined ? `"${typeof a.body === 'string' ? a.body.length : a.body.byteLength}"` : undefined;
      if (a.status === 200 && etag && req.headers['if-none-match'] === etag) {
        if (documentRequest) log.unchanged.push(path);
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      if (documentRequest && a.status === 200) log.downloads.push(path);
      res.writeHead(a.status, { 'content-type': a.type ?? 'text/plain; charset=utf-8', ...(etag ? { etag } : {}) });
      res.end(a.body);
    }, a.delay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, log };
}
