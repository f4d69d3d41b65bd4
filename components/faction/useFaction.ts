import { type Signal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type FactionStatus, factionStatus, watchFactionStatus } from './factionState';
import { sharePacks, sharePacksItem } from './shareDefaults';

/** The faction status as a signal on extension pages, kept current while the page is open. */
export function useFactionStatus(): Signal<FactionStatus> {
  const status = useSignal<FactionStatus>({ connected: false });
  useEffect(() => {
    let open = true;
    void factionStatus().then((s) => {
      if (open) status.value = s;
    });
    const stop = watchFactionStatus((s) => {
      status.value = s;
    });
    return () => {
      open = false;
      stop();
    };
  }, []);
  return status;
}

/** The packs whose notes start shared, as a signal, kept current. */
export function useSharePacks(): Signal<string[]> {
  const packs = useSignal<string[]>([]);
  useEffect(() => {
    let open = true;
    const read = () =>
      void sharePacks().then((ids) => {
        if (open) packs.value = ids;
      });
    read();
    const stop = sharePacksItem.watch(read);
    return () => {
      open = false;
      stop();
    };
  }, []);
  return packs;
}
