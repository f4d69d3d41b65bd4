import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { PositionPack } from '@/utils/pack/types';

// The packs arrive within this time even on a page that is never idle.
const IDLE_TIMEOUT_MS = 300;

/** The enabled packs, for extension pages (read from storage, validated). */
export function useActivePacks() {
  const packs = useSignal<PositionPack[] | undefined>(undefined);
  useEffect(() => {
    // Loaded when the page is idle after its first render: the notes need no
    // matcher, and reading the packs takes longer than showing the notes.
    // The background's compiled snapshot, or (before it wrote one) the packs read and compiled here.
    const load = () =>
      void Promise.all([import('./packs'), import('@/utils/pipeline/activePacks')]).then(
        async ([{ activePackSpecs, activeSpecsItem }, { activePacksFrom }]) => {
          const specs = (await activeSpecsItem.getValue().catch(() => null)) ?? (await activePackSpecs());
          packs.value = activePacksFrom(specs.specs).packs.map((a) => a.pack);
        },
      );
    if ('requestIdleCallback' in globalThis) requestIdleCallback(load, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(load, 0);
  }, []);
  return packs;
}
