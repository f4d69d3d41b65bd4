import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';

/**
 * The packs whose passages' notes are shared by default ("Notizen zu diesem
 * Paket standardmäßig teilen" in the options' pack list). Only the switch's
 * starting position: the reader still sees it and can turn it off.
 */
export const sharePacksItem = storage.defineItem<unknown>('local:sharePacks');

const PackIds = v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(1_000));

/** The stored pack ids; anything unreadable counts as none. */
export function readSharePacks(raw: unknown): string[] {
  const parsed = v.safeParse(PackIds, raw);
  return parsed.success ? parsed.output : [];
}

export async function sharePacks(): Promise<string[]> {
  return readSharePacks(await sharePacksItem.getValue().catch(() => null));
}

/** Turns the default on or off for one pack. */
export async function setSharePack(packId: string, on: boolean): Promise<void> {
  const rest = (await sharePacks()).filter((id) => id !== packId);
  await sharePacksItem.setValue(on ? [...rest, packId] : rest);
}

/** Whether a new note on a passage starts shared: one of the passage's measures is of a pack shared by default. */
export function sharedByDefault(
  measureIds: readonly string[],
  packOf: (measureId: string) => string | undefined,
  shared: readonly string[],
): boolean {
  return measureIds.some((id) => {
    const pack = packOf(id);
    return pack !== undefined && shared.includes(pack);
  });
}
