import * as v from 'valibot';
import { PackFileSchema } from './packFile';
import type { PackFile } from './types';

/** A pack as the extension keeps it in storage: the exported form plus the user's choices. */
export interface StoredPack {
  /** The resolution code, unique among the packs ("KW21"). */
  id: string;
  name: string;
  party?: string;
  /** Index into the palette. */
  colour: number;
  enabled: boolean;
  /** The pack that ships with Ratsmarker: loaded from the bundle, so updates reach the user. */
  builtin?: boolean;
  file: PackFile;
  added: string;
}

export const StoredPackSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  name: v.pipe(v.string(), v.maxLength(200)),
  party: v.optional(v.pipe(v.string(), v.maxLength(200))),
  colour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(99)),
  enabled: v.boolean(),
  builtin: v.optional(v.boolean()),
  file: PackFileSchema,
  added: v.string(),
});

/**
 * Reads what storage holds. Every pack is validated on its own: a damaged one
 * is reported by its id (or position) and skipped, the others load.
 */
export function readStoredPacks(raw: unknown): { packs: StoredPack[]; damaged: string[] } {
  const packs: StoredPack[] = [];
  const damaged: string[] = [];
  if (!Array.isArray(raw)) return { packs, damaged: raw === undefined || raw === null ? [] : ['packs'] };
  raw.forEach((item, i) => {
    const parsed = v.safeParse(StoredPackSchema, item);
    if (parsed.success) packs.push(parsed.output as StoredPack);
    else
      damaged.push(
        typeof (item as { id?: unknown })?.id === 'string' ? String((item as { id: string }).id) : `#${i + 1}`,
      );
  });
  return { packs, damaged };
}

/** Sensitivity, from fewer and surer matches (0) to more matches (4); 2 is the default. */
export const SENSITIVITY_LEVELS = [0.8, 0.65, 0.5, 0.4, 0.3] as const;
export const DEFAULT_SENSITIVITY = 2;

/** The matcher's threshold for a sensitivity level. */
export function sensitivityThreshold(level: number): number {
  const i = Math.max(0, Math.min(SENSITIVITY_LEVELS.length - 1, Math.round(level)));
  return SENSITIVITY_LEVELS[i] as number;
}
