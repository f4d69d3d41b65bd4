import type { anchorNotesInSlices } from '@/utils/anchoring/anchorNotes';
import type { offeredPlaces } from '@/utils/anchoring/offeredPlaces';
import { sendMessage } from '../messages';

/** What finds notes again in a page's text (utils/anchoring), brought to the page only when it has notes. */
export interface Anchoring {
  anchorNotesInSlices: typeof anchorNotesInSlices;
  offeredPlaces: typeof offeredPlaces;
}

declare global {
  // Set by the anchoring script (entrypoints/anchoring.ts) in the content script's own world, out of the page's reach.
  var __ratsmarkerAnchoring: Anchoring | undefined;
}

let loading: Promise<Anchoring> | undefined;

/**
 * The anchoring code, asked of the background the first time a page needs it
 * (the page has notes, or the reader re-attaches one): it injects its script
 * into this frame's content-script world. Most council pages a reader opens
 * carry no notes, so the content script does not carry the fuzzy search (a
 * tenth of its size) to every one of them.
 */
export function loadAnchoring(): Promise<Anchoring> {
  loading ??= (async () => {
    if (!globalThis.__ratsmarkerAnchoring) await sendMessage('loadAnchoring', undefined);
    const anchoring = globalThis.__ratsmarkerAnchoring;
    if (!anchoring) throw new Error('Ratsmarker: anchoring did not load');
    return anchoring;
  })();
  // A failed load (the background was gone) is tried again on the next call.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
