import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));

interface Labelled {
  text: string;
  measures: string[];
}

function readSet(folder: string): Labelled[] {
  const dir = `${fixtures}${folder}/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as Labelled[]);
}

/** Deterministic pseudo-random numbers, so every run measures the same page. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// About one paragraph in forty touches the resolution, as in a long council
// document with a few relevant items.
const MATCH_RATE = 1 / 40;

/** Council-style paragraphs from the labelled sets: ordinary ones and, now and then, one that matches. */
export function paragraphs(count: number, seed = 7): string[] {
  const all = readSet('devset');
  const negatives = all.filter((p) => p.measures.length === 0).map((p) => p.text);
  const positives = all.filter((p) => p.measures.length > 0).map((p) => p.text);
  const rnd = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const pool = rnd() < MATCH_RATE ? positives : negatives;
    out.push(pool[Math.floor(rnd() * pool.length)] as string);
  }
  return out;
}

/**
 * A SessionNet Vorlage page with about `bytes` of motion text, in the Word
 * export markup the real system uses (one <p class="MsoNormal"> a paragraph,
 * some words split over two spans).
 */
export function councilPage(bytes: number, seed = 7): string {
  const paras: string[] = [];
  let size = 0;
  const source = paragraphs(Math.ceil(bytes / 300) + 10, seed);
  for (const p of source) {
    if (size >= bytes) break;
    const words = p.split(' ');
    const cut = Math.floor(words.length / 2);
    const html = `<p class="MsoNormal"><span>${escapeHtml(words.slice(0, cut).join(' '))} </span><span>${escapeHtml(words.slice(cut).join(' '))}</span></p>`;
    paras.push(html);
    size += p.length;
  }
  return `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<meta name="description" content="Diese Seite zeigt die Detailinformationen zu einer Vorlage an.">
<title>SessionNet | Benchmark-Vorlage</title></head>
<body id="smc_body" class="smc-body"><div id="wrapper" class="smclayout smc_page_vo0050_layout">
<h1 class="smc_h1">Vorlage - BEN/${bytes}/2026</h1>
<div class="smcboxcontent card-body"><div id="smcdocid1" class="smcdocmsword"><div class="WordSection1">
${paras.join('\n')}
</div></div></div>
<footer><div id="smcsomacosinfo">Software: Sitzungsdienst Session</div></footer>
</div></body></html>`;
}

/** An ordinary page (a city's news article) on a path where the content script runs. */
export function notCouncilPage(): string {
  const text = paragraphs(30, 3)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Aktuelles</title></head>
<body><header><nav><a href="/">Start</a></nav></header><main><h1>Aktuelles aus der Stadt</h1>${text}</main></body></html>`;
}
