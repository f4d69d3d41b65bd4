import { createPack } from '@/utils/pack/loadPack';
import type { PositionPack } from '@/utils/pack/types';
import type { ActivePackSpecs } from '../packs';

// Kept apart from ../packs.ts, which validates storage: the content script
// receives specs the background has validated and needs no validator.
/** The packs of validated specs, ready to match; one that no longer parses is skipped, never fatal. */
export function packsFromSpecs(specs: ActivePackSpecs['specs']): PositionPack[] {
  const packs: PositionPack[] = [];
  for (const s of specs) {
    try {
      // Built from what the background sends, built-in pack included: the content script carries no lexicon.
      packs.push(createPack(s.file.source, s.file.lexicon));
    } catch {
      // Reported by the options page, which reads the same storage.
    }
  }
  return packs;
}
