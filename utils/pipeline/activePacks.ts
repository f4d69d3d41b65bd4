import { type CompiledMatcher, matcherFor } from '../matcher/compileMatcher';
import { fromMatcherData, type MatcherData } from '../matcher/matcherData';
import type { PositionPack } from '../pack/types';

/** A pack ready to match on a page: its measures, its matcher, and the colour the reader chose for it. */
export interface ActivePack {
  pack: PositionPack;
  matcher: CompiledMatcher;
  /** Index into the palette. */
  colour: number;
}

/**
 * The packs of what the background compiled (see compilePacks): the matcher is
 * read back, never compiled here (a page carries no compiler). A spec without
 * a matcher of this version (stored by an older one) is left out and named in
 * `stale`, so the caller can ask the background to compile again.
 */
export function activePacksFrom(specs: readonly { pack: PositionPack; colour: number; matcher?: MatcherData }[]): {
  packs: ActivePack[];
  stale: boolean;
} {
  const packs: ActivePack[] = [];
  let stale = false;
  for (const s of specs) {
    const matcher = fromMatcherData(s.matcher);
    if (!matcher) {
      stale = true;
      continue;
    }
    packs.push({ pack: s.pack, matcher, colour: s.colour });
  }
  return { packs, stale };
}

/** Packs in Node and tests: compiled on the spot, colours in order. */
export function activePacksOf(packs: readonly PositionPack[]): ActivePack[] {
  return packs.map((pack, colour) => ({ pack, matcher: matcherFor(pack), colour }));
}
