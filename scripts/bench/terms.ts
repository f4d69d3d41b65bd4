import type { PositionPack } from '../../utils/pack/types';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every term of the pack's lexicons as a user would type it (no lexicon syntax). */
export function lexiconTerms(pack: PositionPack): string[] {
  const out = new Set<string>();
  for (const m of pack.measures) {
    const lex = m.lexicon;
    for (const t of [...(lex.names ?? []), ...Object.values(lex.concepts ?? {}).flat()]) {
      out.add(t.replace(/^=/, '').replace(/\*$/, ''));
    }
  }
  return [...out].filter((t) => t.length >= 2);
}

/** One regular expression for all terms: what "the fastest anything could find them" searches for. */
export function combinedPattern(terms: readonly string[]): string {
  return [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => escapeRe(t).replace(/\s+/g, '\\s+'))
    .join('|');
}
