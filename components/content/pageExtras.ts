import type { anchorNotesInSlices } from '@/utils/anchoring/anchorNotes';
import { sendMessage } from '../messages';
import type { sendNoteReliably } from '../notes/sendNote';
import type { createCardLayer } from './card';
import type { passageAndBadge } from './cardPlace';
import type { cardNoteLists } from './passageNotes';
import type { notePlaces, selectionQuote } from './selectionQuote';

/**
 * What a council page needs only after its highlights are in place: finding
 * notes again (utils/anchoring), the card a badge opens, and the popup's
 * questions for re-attaching a note (the reader's selection, places offered).
 */
export interface PageExtras {
  anchorNotesInSlices: typeof anchorNotesInSlices;
  createCardLayer: typeof createCardLayer;
  /** The card's notes (own and colleagues', with their bylines) and the box it must leave free. */
  cardNoteLists: typeof cardNoteLists;
  passageAndBadge: typeof passageAndBadge;
  /** A note saved from the card, sent until it arrives (the card comes with the extras, so its saving does too). */
  sendNoteReliably: typeof sendNoteReliably;
  selectionQuote: typeof selectionQuote;
  notePlaces: typeof notePlaces;
}

declare global {
  // Set by the extras script (entrypoints/extras.ts) in the content script's own world, out of the page's reach.
  var __ratsmarkerExtras: PageExtras | undefined;
}

let loading: Promise<PageExtras> | undefined;

/**
 * The extras, asked of the background the first time a page needs them (it
 * has notes, a badge is opened, the reader re-attaches a note, or the page is
 * idle after its first scan): the background injects their script into this
 * frame's content-script world. So the content script every council page
 * loads carries only what its first highlights need (fuzzy search and card
 * were a fifth of it).
 */
export function loadPageExtras(): Promise<PageExtras> {
  loading ??= (async () => {
    if (!globalThis.__ratsmarkerExtras) await sendMessage('loadExtras', undefined);
    const extras = globalThis.__ratsmarkerExtras;
    if (!extras) throw new Error('Ratsmarker: page extras did not load');
    return extras;
  })();
  // A failed load (the background was gone) is tried again on the next call.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
