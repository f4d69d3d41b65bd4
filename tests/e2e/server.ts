import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { councilPage } from '../../scripts/bench/generatePage';
import { lockedPdf, motionPdf, plainPdf, REWRITTEN_MOTION_LINES, scannedPdf } from '../fixtures/pdf/makePdfs';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * The council pages the tests open, at the paths their systems use. Host names
 * reach this server through Chromium's --host-resolver-rules, so the shipped
 * match patterns are what the tests exercise.
 */
export const ROUTES: Record<string, string> = {
  '/ratsinfo/duesseldorf/vo0050.asp': 'pages/duesseldorf_sessionnet_vo0050_antrag-zeilennummern.html',
  '/ratsinfo/duesseldorf/si0057.asp': 'pages/duesseldorf_sessionnet_si0057_sitzung.html',
  '/ratsinfo/duesseldorf/absaetze/vo0050.asp': 'pages/sessionnet_vo0050_antrag-zeilennummern-absaetze.html',
  '/bi/vo020.asp': 'ris/allris3/hamburg-mitte_vo020_antrag-rattenplage.html',
  '/bi/late/vo020.asp': 'pages/allris_vo020_spaet-geladen.html',
  '/bi/eschweiler/vo0050.php': 'ris/sessionnet/eschweiler_vo0050_vorlage-mit-wordtext.html',
  '/public/vo020': 'ris/allris4/laatzen_vo020_antrag.html',
  // A product path on a known host whose page is no council system: must stay untouched.
  '/ratsinfo/duesseldorf/blog/vo0050.asp': 'pages/not-a-council-page.html',
  '/ratsinfo/duesseldorf/feindlich/vo0050.asp': 'pages/sessionnet_vo0050_markup-im-text.html',
  '/ratsinfo/feindlich/vo0050.asp': 'pages/sessionnet_vo0050_markup-im-text.html',
};

const MOTION = 'pages/duesseldorf_sessionnet_vo0050_antrag-zeilennummern.html';

/**
 * A long Vorlage (some 150 kB of council paragraphs, made as the benchmark makes its pages: 35 windows of
 * 720 px): long enough that the passages in view are matched and painted before the rest of it is read.
 */
export const LONG_VORLAGE = '/ratsinfo/duesseldorf/lang/vo0050.asp';
const GENERATED: Record<string, () => string> = { [LONG_VORLAGE]: () => councilPage(150_000, 5) };

/** The same document (same Vorlage number) at other URLs, a little or wholly changed. */
export const VARIANTS: Record<string, { file: string; replace: [string, string][] }> = {
  // A later version: one word of item 1 changed (a note must still find its passage).
  '/ratsinfo/duesseldorf/druck/vo0050.asp': { file: MOTION, replace: [['im Jahr\n2025.', 'im Jahr\n2026.']] },
  // Item 1 rewritten entirely (its notes are kept, marked as no longer found).
  '/ratsinfo/duesseldorf/neu/vo0050.asp': {
    file: MOTION,
    replace: [
      [
        'Die\nVerwaltung wird beauftragt, den Austausch mit der Partnerstadt\nToulouse',
        'Der\nBauausschuss prüft die Sanierung der Brücke',
      ],
      [
        'zu\nintensivieren. Dazu gehören insbesondere ein jährlicher Jugend',
        'und legt einen Zeitplan für die Bauarbeiten vor, mit',
      ],
      ['austausch', 'Kosten'],
      ['weiterführenden\nSchulen sowie eine Bürgerreise nach Toulouse im Jahr\n2025.', 'Umleitungen und Sperrungen.'],
    ],
  },
};

const BROKEN_PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj kaputt');
const LOGIN_PAGE = new TextEncoder().encode('<!doctype html><title>Anmeldung</title><form>Bitte anmelden</form>');

/** The PDFs the tests open (made by tests/fixtures/pdf/makePdfs.ts), by path and query. */
export const PDF_ROUTES: Record<string, () => Promise<Uint8Array>> = {
  // The two documents linked from the Düsseldorf motion page.
  '/ratsinfo/duesseldorf/getfile.asp?id=231877&type=do': motionPdf,
  '/ratsinfo/duesseldorf/getfile.asp?id=231880&type=do': plainPdf,
  // The motion's later version, its item 1 rewritten (tests/e2e/reattachPdf.spec.ts).
  '/ratsinfo/duesseldorf/getfile.asp?id=231899&type=do': () => motionPdf(REWRITTEN_MOTION_LINES),
  '/ratsinfo/duesseldorf/pdf/scan.pdf': scannedPdf,
  '/ratsinfo/duesseldorf/pdf/passwort.pdf': lockedPdf,
  '/ratsinfo/duesseldorf/pdf/kaputt.pdf': async () => BROKEN_PDF,
  '/ratsinfo/duesseldorf/pdf/anmeldung.pdf': async () => LOGIN_PAGE,
  // A host Ratsmarker has no permission for.
  '/dokumente/antrag.pdf': motionPdf,
};

/** Hosts the tests use, all mapped to the local server. */
export const TEST_HOSTS = [
  'ratsinfo.duesseldorf.de',
  'sitzungsdienst-hamburg-mitte.hamburg.de',
  'ratsinfo.laatzen.de',
  'www.unbekannte-stadt.example',
];

export async function startServer(
  extra: Record<string, string | Uint8Array> = {},
): Promise<{ server: Server; port: number }> {
  const pdfs = new Map<string, Uint8Array>();
  for (const [route, make] of Object.entries(PDF_ROUTES)) pdfs.set(route, await make());
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const pdf = pdfs.get(path + url.search);
    if (pdf) {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(pdf);
      return;
    }
    const inline = extra[path] ?? GENERATED[path]?.();
    const file = ROUTES[path];
    const variant = VARIANTS[path];
    if (variant) {
      let html = readFileSync(fixtures + variant.file, 'utf8');
      for (const [from, to] of variant.replace) {
        if (!html.includes(from)) throw new Error(`variant ${path}: "${from}" not in ${variant.file}`);
        html = html.replace(from, to);
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html);
    } else if (inline instanceof Uint8Array) {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(inline);
    } else if (inline !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(inline);
    } else if (file) {
      // No charset in the header: the page's own declaration decides, as on the real servers.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(readFileSync(fixtures + file));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
