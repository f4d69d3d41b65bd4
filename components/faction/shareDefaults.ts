import { storage } from 'wxt/utils/storage';
import { readSharePacks, SHARE_PACKS_KEY } from './factionRead';

export { readSharePacks, sharedByDefault } from './factionRead';

/**
 * The packs whose passages' notes are shared by default ("Notizen zu diesem
 * Paket standardmäßig teilen" in the options' pack list). Only the switch's
 * starting position: the reader still sees it and can turn it off.
 */
export const sharePacksItem = storage.defineItem<unknown>(`local:${SHARE_PACKS_KEY}`);

export async function sharePacks(): Promise<string[]> {
  return readSharePacks(await sharePacksItem.getValue().catch(() => null));
}

/** Turns the default on or off for one pack. */
export async function setSharePack(packId: string, on: boolean): Promise<void> {
  const rest = (await sharePacks()).filter((id) => id !== packId);
  await sharePacksItem.setValue(on ? [...rest, packId] : rest);
}
