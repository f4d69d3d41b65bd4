import { t } from '../i18n';
import { factionStatus, watchFactionStatus } from './factionState';
import { sharePacks, sharePacksItem } from './shareDefaults';
import type { ShareOptions } from './sharing';

/** Faction notes on a surface (council page, PDF viewer): the switch's state and the words for colleagues' notes. */
export const factionOnPage: ShareOptions = {
  sharing: async () => {
    const [status, packs] = await Promise.all([factionStatus(), sharePacks()]);
    return { connected: status.connected, packs };
  },
  spoken: (count) => (count === 1 ? t('factionUiBadgeOne') : t('factionUiBadgeMany', String(count))),
  locale: t('uiLanguage'),
};

/** Calls `changed` when the faction is connected or left, or a pack's share default changes. */
export function watchSharing(changed: () => void): () => void {
  const stops = [watchFactionStatus(changed), sharePacksItem.watch(changed)];
  return () => {
    for (const stop of stops) stop();
  };
}
