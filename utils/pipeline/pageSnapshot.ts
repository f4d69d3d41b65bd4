import { decodeAutomaton, type EncodedAutomaton, encodeAutomaton } from '../matcher/automatonCodec';
import type { CompiledMatcher } from '../matcher/compileMatcher';
import { decodeGate, type EncodedGate, encodeGate } from '../matcher/gateCodec';
import { fromMatcherData, MATCHER_FORMAT, type MatcherData } from '../matcher/matcherData';
import { buildPageAutomaton, providePageAutomaton, providePassageGate } from '../matcher/pageAutomaton';
import { buildPassageGate } from '../matcher/passageGate';
import type { PositionPack } from '../pack/types';
import type { ActivePack } from './activePacks';
import type { CompiledPackSpec } from './compilePacks';

/**
 * What a council page needs to match, written by the background whenever the
 * packs change, as ONE string in extension storage (key PAGE_SNAPSHOT_KEY, pageSnapshotKey.ts).
 *
 * Why a string: a page reads storage through the browser, which hands a
 * stored object over value by value; the compiled packs as objects (some
 * 20,000 values) took 100–130 ms to arrive, the same as one string a few
 * milliseconds, and JSON.parse is the fastest way a page has to turn text into
 * objects. Why the automaton is in it: building it takes a page 5–25 ms, its
 * trie (automatonCodec.ts) decodes in about one. The passage gate over it
 * likewise (gateCodec.ts): some 16 ms to build, well under one to decode.
 *
 * Only what a page shows or matches with: each measure's lexicon is cut to
 * its label (the matcher holds the terms, compiled).
 */
/** Bumped with any change of the snapshot's form; with the matcher's format, what a page checks before use. */
export const PAGE_SNAPSHOT_FORMAT = `ratsmarker-page-3/${MATCHER_FORMAT}`;

interface PagePack {
  id: string;
  colour: number;
  fileHash: string;
  pack: PositionPack;
  matcher: MatcherData;
  /** Absent for an automaton too big to encode: the page builds it. */
  automaton?: EncodedAutomaton;
  /** The passage gate over the automaton as decoded (absent: the page builds it, or has none). */
  gate?: EncodedGate;
}

interface PageSnapshot {
  format: string;
  threshold: number;
  packs: PagePack[];
}

/**
 * The snapshot of the compiled packs. A pack whose file did not change since
 * `previous` (the snapshot written before) keeps its automaton and gate.
 */
export function pageSnapshotText(specs: readonly CompiledPackSpec[], threshold: number, previous?: string): string {
  const before = parseSnapshot(previous)?.packs ?? [];
  const packs = specs.map((s): PagePack => {
    const same = before.find((b) => b.id === s.id && b.fileHash === s.fileHash);
    // A pack whose file is the same keeps its tables; else they are built from its matcher, read back once.
    const tables = same?.automaton ? { automaton: same.automaton, gate: same.gate } : pageTables(s.matcher);
    return {
      id: s.id,
      colour: s.colour,
      fileHash: s.fileHash,
      pack: {
        ...s.pack,
        source: '',
        measures: s.pack.measures.map((m) => ({ ...m, lexicon: { label: m.lexicon.label } })),
      },
      matcher: s.matcher,
      automaton: tables.automaton,
      gate: tables.gate,
    };
  });
  return latin1Json(JSON.stringify({ format: PAGE_SNAPSHOT_FORMAT, threshold, packs } satisfies PageSnapshot));
}

/**
 * JSON text with each character beyond Latin-1 written as an escape (they stand only in strings, where JSON.parse
 * reads the escape as the character). Why: V8 keeps a string with even one such character (a dash, "„", "ł" of
 * a Polish city) at two bytes per character, so the page held the snapshot as 0.55 MB instead of 0.28 MB (the
 * built-in pack's has 60 such characters; escaped, it is 260 characters longer). Measured in fresh pages with
 * the same code (25 each, 30 kB): matching cold 29 → 22 ms, the steps of the pipeline together 68 → 64 ms (a
 * collection the larger string brought on during the first matching came later).
 */
function latin1Json(json: string): string {
  return json.replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A pack's automaton for pages, and the passage gate over it as a page will use it: over the automaton as
 * the page decodes it (its states numbered so).
 */
function pageTables(data: MatcherData): { automaton?: EncodedAutomaton; gate?: EncodedGate } {
  const matcher = fromMatcherData(data) as CompiledMatcher;
  const automaton = encodeAutomaton(buildPageAutomaton(matcher));
  const decoded = automaton && decodeAutomaton(automaton);
  const gate = decoded ? buildPassageGate(matcher, decoded) : undefined;
  return { automaton, gate: gate && encodeGate(gate) };
}

function parseSnapshot(text: unknown): PageSnapshot | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const s = JSON.parse(text) as PageSnapshot;
    return s?.format === PAGE_SNAPSHOT_FORMAT && Array.isArray(s.packs) && typeof s.threshold === 'number'
      ? s
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The packs and threshold of a stored snapshot, each matcher with its
 * automaton; undefined for a missing one, one of another version, or a
 * damaged one (the caller then asks the background). `between` is awaited
 * between the steps of decoding (after the parse, before each pack's matcher
 * and before its automaton and gate): a page passes its task budget's pause,
 * so that on a slow machine the decoding (35–80 ms there, cold) does not make
 * one long task of its own. A step is the smallest piece: one JSON.parse or one table.
 */
export async function readPageSnapshot(
  text: unknown,
  between: () => Promise<void> = async () => undefined,
): Promise<{ packs: ActivePack[]; threshold: number } | undefined> {
  const s = parseSnapshot(text);
  if (!s) return undefined;
  const packs: ActivePack[] = [];
  for (const p of s.packs) {
    await between();
    const matcher = fromMatcherData(p.matcher);
    if (!matcher) return undefined;
    if (p.automaton) {
      await between();
      const automaton = decodeAutomaton(p.automaton);
      if (!automaton) return undefined;
      providePageAutomaton(matcher, automaton);
      const gate = decodeGate(p.gate, automaton.final.length);
      if (gate) providePassageGate(matcher, gate);
    }
    packs.push({ pack: p.pack, matcher, colour: p.colour });
  }
  return { packs, threshold: s.threshold };
}
