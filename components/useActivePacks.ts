import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { PositionPack } from '@/utils/pack/types';
import { packsFromSpecs } from './content/packsFromSpecs';
import { activePackSpecs } from './packs';

/** The enabled packs, for extension pages (read from storage, validated). */
export function useActivePacks() {
  const packs = useSignal<PositionPack[] | undefined>(undefined);
  useEffect(() => {
    void activePackSpecs().then((a) => {
      packs.value = packsFromSpecs(a.specs);
    });
  }, []);
  return packs;
}
