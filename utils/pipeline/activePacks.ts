import { type CompiledMatcher, matcherFor } from '../matcher/compileMatcher';
import { fromMatcherData, type MatcherData } from '../matcher/matcherData';
import { createPack } from '../pack/loadPack';
import type { PackFile, PositionPack } from '../pack/types';

/** A pack ready to match on a page: its measures, its matcher, and the colour the reader chose for it. */
export interface ActivePack {
  pack: PositionPack;
  matcher: CompiledMatcher;
  /** Index into the palette. */
  colour: number;
}

/**
 * The packs of what the background compiled (see compilePacks): the matcher is
 * read back, not compiled; only a spec without one (stored by an older version)
 * is compiled here. A spec that no longer reads is skipped, never fatal.
 */
export function activePacksFrom(
  specs: readonly { file: PackFile; colour: number; matcher?: MatcherData }[],
): ActivePack[] {
  const out: ActivePack[] = [];
  for (const s of specs) {
    try {
      const pack = createPack(s.file.source, s.file.lexicon);
      out.push({ pack, matcher: fromMatcherData(s.matcher) ?? matcherFor(pack), colour: s.colour });
    } catch {
      // Reported by the options page, which reads the same storage.
    }
  }
  return out;
}

/** Packs in Node and tests: compiled on the spot, colours in order. */
export function activePacksOf(packs: readonly PositionPack[]): ActivePack[] {
  return packs.map((pack, colour) => ({ pack, matcher: matcherFor(pack), colour }));
}
