/**
 * `npm run --silent scan -- [--pack FILE] [--threshold N] FILE`
 * Prints one JSON object: what Ratsmarker detects in FILE (.txt or .html) and
 * which passages match which measures.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { decodeHtml, decodeTextBytes } from '../utils/dom/decodeHtml';
import { formatMessage } from '../utils/i18n/messages';
import { matchWith } from '../utils/matcher/matchPassages';
import { packFromText } from '../utils/pack/packFile';
import type { PositionPack } from '../utils/pack/types';
import { pdfFacts } from '../utils/pdf/pdfFacts';
import { pdfPassages } from '../utils/pdf/pdfPassages';
import { activePacksOf } from '../utils/pipeline/activePacks';
import { scanDocument } from '../utils/pipeline/scanDocument';
import { splitParagraphs } from '../utils/text/splitParagraphs';
import { kw21FromDisk } from './nodePacks';
import { PdfReadError, pdfItems } from './pdfItems';

function fail(message: string): never {
  process.stderr.write(`scan: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]) {
  let pack: string | undefined;
  let threshold: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--pack') pack = argv[++i] ?? fail(formatMessage('cliNeedsPackFile'));
    else if (arg === '--threshold') {
      threshold = Number(argv[++i]);
      if (!(threshold >= 0 && threshold <= 1)) fail(formatMessage('cliBadThreshold'));
    } else if (arg.startsWith('--')) fail(formatMessage('cliUnknownOption', [arg]));
    else files.push(arg);
  }
  if (files.length !== 1) fail(formatMessage('cliUsage'));
  return { pack, threshold, file: files[0] as string };
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason =
      err.code === 'ENOENT'
        ? formatMessage('cliNotFound')
        : err.code === 'EISDIR'
          ? formatMessage('cliIsFolder')
          : err.message;
    fail(`${path}: ${reason}`);
  }
}

function loadPack(path: string | undefined): PositionPack {
  try {
    return path ? packFromText(decodeTextBytes(readBytes(path))) : kw21FromDisk();
  } catch (e) {
    fail(`${path ?? 'KW21'}: ${(e as Error).message}`);
  }
}

function htmlPassages(bytes: Uint8Array, path: string) {
  const window = new Window({
    url: `file://${resolve(path)}`,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  try {
    window.document.write(decodeHtml(bytes));
    // The content script's path: the same reading of the page (scanDocument = readWebPage + matchDocument).
    const page = scanDocument(window.document as unknown as Document, packs);
    return { document: page.facts, passages: page.passages.map((p) => p.text) };
  } finally {
    void window.happyDOM.close();
  }
}

async function pdfPassagesOf(bytes: Uint8Array) {
  try {
    const { pages, items } = await pdfItems(bytes);
    const passages = pdfPassages(items);
    if (passages.length === 0) {
      process.stderr.write(`scan: ${formatMessage('cliNoTextLayer')}\n`);
    }
    return {
      document: { ...pdfFacts(passages), pages, textLayer: passages.length > 0 },
      passages: passages.map((p) => p.text),
      extra: passages.map((p) => ({ page: p.page, ...(p.lines ? { documentLines: p.lines } : {}) })),
    };
  } catch (e) {
    fail(`${args.file}: ${e instanceof PdfReadError ? e.message : (e as Error).message}`);
  }
}

const args = parseArgs(process.argv.slice(2));
const ext = extname(args.file).toLowerCase();
if (!['.txt', '.html', '.htm', '.pdf'].includes(ext)) {
  fail(`${args.file}: ${formatMessage('cliUnknownType', [ext || '–'])}`);
}
const pack = loadPack(args.pack);
const packs = activePacksOf([pack]);
const bytes = readBytes(args.file);
const { document, passages, extra } =
  ext === '.txt'
    ? { document: {}, passages: splitParagraphs(decodeTextBytes(bytes)), extra: undefined }
    : ext === '.pdf'
      ? await pdfPassagesOf(bytes)
      : { ...htmlPassages(bytes, args.file), extra: undefined };

const matched = matchWith(
  passages,
  packs.map((p) => p.matcher),
  { threshold: args.threshold },
);
const out = {
  file: args.file,
  pack: { id: pack.id, name: pack.name },
  document,
  passages: matched.map((p) => ({
    index: p.index,
    ...(extra?.[p.index] ?? {}),
    text: p.text,
    measures: p.measures.map((m) => ({ id: m.id, lines: m.lines, score: m.score, terms: m.terms })),
  })),
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
