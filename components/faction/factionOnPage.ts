import { browser } from 'wxt/browser';
import { readLocal } from '../content/readLocal';
import { t } from '../i18n';
import { FACTION_STATUS_KEY, readFactionStatus, readSharePacks, SHARE_PACKS_KEY } from './factionRead';
import type { ShareOptions } from './sharing';

/**
 * Faction notes on a surface (council page, PDF viewer): the switch's state and the words for colleagues' notes.
 * Read straight from storage in one round trip, without the storage items of extension pages (see readLocal.ts).
 */
export const factionOnPage: ShareOptions = {
  sharing: async () => {
    const stored = await readLocal([FACTION_STATUS_KEY, SHARE_PACKS_KEY]);
    return {
      connected: readFactionStatus(stored[FACTION_STATUS_KEY]).connected,
      packs: readSharePacks(stored[SHARE_PACKS_KEY]),
    };
  },
  spoken: (count) => (count === 1 ? t('factionUiBadgeOne') : t('factionUiBadgeMany', String(count))),
  // A getter: read when a card opens, not while the content script loads (the first message lookup costs).
  get locale() {
    return t('uiLanguage');
  },
};

/** Calls `changed` when the faction is connected or left, or a pack's share default changes. */
export function watchSharing(changed: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (FACTION_STATUS_KEY in changes || SHARE_PACKS_KEY in changes)) changed();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
