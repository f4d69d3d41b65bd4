import builtinCompiled from 'virtual:ratsmarker/builtin-matcher';
import { storage } from 'wxt/utils/storage';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { exportPack } from '@/utils/pack/packFile';
import { DEFAULT_SENSITIVITY, readStoredPacks, type StoredPack, sensitivityThreshold } from '@/utils/pack/storedPacks';
import type { PositionPack } from '@/utils/pack/types';
import { compilePacks, fileHashOf } from '@/utils/pipeline/compilePacks';
import { pageSnapshotText } from '@/utils/pipeline/pageSnapshot';
import { PAGE_SNAPSHOT_KEY } from '@/utils/pipeline/pageSnapshotKey';
import { type ActivePackSpecs, activeSpecsItem, highlightColoursItem } from './activeSpecs';
import { coloursInUse } from './content/palette';

/** The packs the user keeps (validated on every read), and the sensitivity. */
export const packsItem = storage.defineItem<unknown>('local:packs');
export const sensitivityItem = storage.defineItem<number>('local:sensitivity', { fallback: DEFAULT_SENSITIVITY });

/** The stored packs; the first time, KW21 is stored as the built-in pack. */
export async function storedPacks(): Promise<{ packs: StoredPack[]; damaged: string[] }> {
  const raw = await packsItem.getValue();
  if (raw === null || raw === undefined) {
    const kw21 = builtinKw21();
    return {
      packs: [
        {
          id: kw21.id,
          name: kw21.name,
          party: kw21.party,
          colour: 0,
          enabled: true,
          builtin: true,
          file: exportPack(kw21),
          added: new Date(0).toISOString(),
        },
      ],
      damaged: [],
    };
  }
  return readStoredPacks(raw);
}

export async function saveStoredPacks(packs: readonly StoredPack[]): Promise<void> {
  await packsItem.setValue(packs);
  // Pages opened from now on read the new packs (the background's watcher would come a moment later).
  await refreshActiveSpecs();
}

export async function saveSensitivity(level: number): Promise<void> {
  await sensitivityItem.setValue(level);
  await refreshActiveSpecs();
}

/** The same for council pages, as one string (see utils/pipeline/pageSnapshot.ts). */
const pageSnapshotItem = storage.defineItem<string>(`local:${PAGE_SNAPSHOT_KEY}`);

/** Writes the snapshots content scripts read; the background calls it on start and on every change. */
export async function refreshActiveSpecs(): Promise<ActivePackSpecs> {
  const [specs, previous] = await Promise.all([activePackSpecs(), pageSnapshotItem.getValue().catch(() => null)]);
  await Promise.all([
    activeSpecsItem.setValue(specs),
    highlightColoursItem.setValue(coloursInUse(specs.specs)),
    pageSnapshotItem.setValue(pageSnapshotText(specs.specs, specs.threshold, previous ?? undefined)),
  ]);
  return specs;
}

/** Read where storage is validated (background, extension pages); content scripts ask for it. */
export async function activePackSpecs(): Promise<ActivePackSpecs> {
  const [{ packs: stored, damaged }, sensitivity, previous] = await Promise.all([
    storedPacks(),
    sensitivityItem.getValue(),
    activeSpecsItem.getValue().catch(() => null),
  ]);
  // The built-in pack comes from the bundle, so that an update of KW21 reaches the user.
  // Compiled here, when packs change, so that a page only reads the result.
  const builtinFile = exportPack(builtinKw21());
  const { compiled, broken } = compilePacks(
    stored
      .filter((s) => s.enabled)
      .map((s) => ({
        id: s.id,
        builtin: s.builtin === true,
        colour: s.colour,
        file: s.builtin ? builtinFile : s.file,
      })),
    // The built-in pack was compiled at build time from this very file (hashed here, as this bundle reads it);
    // packs compiled before are kept while their file is the same.
    [
      ...(Array.isArray(previous?.specs) ? previous.specs : []),
      { ...builtinCompiled(), fileHash: fileHashOf(builtinFile) },
    ],
  );
  return { specs: compiled, threshold: sensitivityThreshold(sensitivity), damaged, broken };
}

/** A pack from pasted or picked text (resolution format or exported JSON), ready to store. */
export function storedPackFrom(pack: PositionPack, colour: number): StoredPack {
  return {
    id: pack.id,
    name: pack.name,
    ...(pack.party ? { party: pack.party } : {}),
    colour,
    enabled: true,
    file: exportPack(pack),
    added: new Date().toISOString(),
  };
}
