import { sharedByDefault } from './factionRead';

/** Whether a faction is connected, and the packs whose passages' notes start shared. */
export interface Sharing {
  connected: boolean;
  packs: readonly string[];
}

export const NOT_SHARING: Sharing = { connected: false, packs: [] };

/** What a surface (web page, PDF) needs to show colleagues' notes and the share switch. */
export interface ShareOptions {
  sharing(): Promise<Sharing>;
  /** "2 Notizen der Fraktion" */
  spoken(count: number): string;
  /** The reader's language, for the dates of colleagues' notes. */
  locale: string;
}

/** The card's share switch for a passage: none without a faction; on by default for a pack shared by default. */
export function shareSwitch(
  sharing: Sharing,
  measureIds: readonly string[],
  packOf: (measureId: string) => string | undefined,
): { share?: { initial: boolean } } {
  if (!sharing.connected) return {};
  return { share: { initial: sharedByDefault(measureIds, packOf, sharing.packs) } };
}
