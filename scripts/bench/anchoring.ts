/**
 * Anchoring notes that are gone: a motion text of about 1 MB (the bench
 * page's paragraphs, joined as the content script joins passages) and 200
 * notes whose passages were then rewritten (each note's paragraph replaced by
 * another one), so every note is searched for the hard way. Measured in Node
 * (the same code the content script runs): the whole batch, and the longest
 * single note, which is the longest task on the page when the content script
 * gives the page a turn between notes. Also 200 notes that are still there
 * (the usual case), and both with the timings of every note for a median.
 *
 * Run alone: `BENCH_ONLY=anchoring npx tsx scripts/bench/anchoring.ts`, or as
 * the `anchoring` part of `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { anchorQuote } from '../../utils/anchoring/anchorQuote';
import {
  describePosition,
  describeQuote,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../../utils/anchoring/selectors';
import { paragraphs } from './generatePage';

const MB = 1_000_000;
const NOTES = 200;

interface BenchNote {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** The text, the notes on it, and the text after each noted paragraph was replaced by another one. */
export function anchoringCase(bytes = MB, count = NOTES) {
  const paras: string[] = [];
  let size = 0;
  // The bench's paragraphs are drawn with repeats from a few hundred: each one's words are shuffled
  // (seeded), so that a note's quote and context stand once, as on a real page, and a gone note has no
  // copy of its paragraph to go to.
  let seed = 19;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const shuffled = (p: string) => {
    const words = p.split(' ');
    for (let i = words.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [words[i], words[j]] = [words[j] as string, words[i] as string];
    }
    return words.join(' ');
  };
  for (const p of paragraphs(Math.ceil(bytes / 300) + 10, 7)) {
    if (size >= bytes) break;
    const unique = shuffled(p);
    paras.push(unique);
    size += unique.length + 1;
  }
  const replacements = paragraphs(count * 4, 1119).map(shuffled);
  const step = Math.floor(paras.length / count);
  const noted = Array.from({ length: count }, (_, i) => i * step + Math.floor(step / 2));
  const before = paras.join('\n');
  const notes: BenchNote[] = [];
  let offset = 0;
  const starts = paras.map((p) => {
    const at = offset;
    offset += p.length + 1;
    return at;
  });
  for (const i of noted) {
    const p = paras[i] as string;
    // A sentence or so around the middle of the paragraph, as a reader selects it.
    const from = Math.max(0, Math.floor(p.length / 2) - 60);
    const to = Math.min(p.length, from + 120);
    const start = (starts[i] as number) + from;
    const end = (starts[i] as number) + to;
    notes.push({ quote: describeQuote(before, start, end), position: describePosition(start, end) });
  }
  const after = paras.map((p, i) => (noted.includes(i) ? (replacements[i % replacements.length] as string) : p));
  return { before, after: after.join('\n'), notes };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.floor(s.length / 2)] as number);
};
const round = (x: number) => Math.round(x * 10) / 10;

// CPU time of this process besides wall time: on a machine shared by several
// developers the wall time of one note says more about the others' work.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function timeNotes(text: string, notes: readonly BenchNote[]) {
  const each: number[] = [];
  const eachCpu: number[] = [];
  let found = 0;
  const t0 = performance.now();
  const c0 = cpuMs();
  for (const n of notes) {
    const s = performance.now();
    const c = cpuMs();
    if (anchorQuote(text, n.quote, n.position)) found++;
    each.push(performance.now() - s);
    eachCpu.push(cpuMs() - c);
  }
  return { totalMs: performance.now() - t0, totalCpuMs: cpuMs() - c0, each, eachCpu, found };
}

/** Medians over `runs` runs: total, longest note, median note; for gone notes and for notes still there. */
export function measureAnchoring(runs = 3) {
  const { before, after, notes } = anchoringCase();
  const result = (text: string) => {
    const r = Array.from({ length: runs }, () => timeNotes(text, notes));
    return {
      notes: notes.length,
      found: r[0]?.found ?? 0,
      totalMs: round(median(r.map((x) => x.totalMs))),
      totalCpuMs: round(median(r.map((x) => x.totalCpuMs))),
      longestNoteMs: round(median(r.map((x) => Math.max(...x.each)))),
      longestNoteCpuMs: round(median(r.map((x) => Math.max(...x.eachCpu)))),
      medianNoteMs: round(median(r.map((x) => median(x.each)))),
    };
  };
  return { textKB: Math.round(after.length / 1000), gone: result(after), kept: result(before) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(measureAnchoring(Number(process.env.BENCH_RUNS) || 3), null, 2)}\n`);
}
