import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { PositionPack } from '@/utils/pack/types';
import { activeSpecsItem } from './activeSpecs';
import { sendMessage } from './messages';

// The packs arrive within this time even on a page that is never idle.
const IDLE_TIMEOUT_MS = 300;

/** The enabled packs, for extension pages (read from storage, validated). */
export function useActivePacks() {
  const packs = useSignal<PositionPack[] | undefined>(undefined);
  useEffect(() => {
    // Loaded when the page is idle after its first render. Only the packs' measures are shown here: they
    // are read from the background's snapshot as they stand (before it wrote one, the background is asked),
    // never compiled or decoded here: the compiler with the built-in pack's matcher was a 354 kB script the
    // popup fetched and parsed on every open.
    const load = () =>
      void (async () => {
        const specs =
          (await activeSpecsItem.getValue().catch(() => null)) ?? (await sendMessage('activePacks', undefined));
        packs.value = specs.specs.map((s) => s.pack);
      })().catch(() => undefined);
    if ('requestIdleCallback' in globalThis) requestIdleCallback(load, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(load, 0);
  }, []);
  return packs;
}
