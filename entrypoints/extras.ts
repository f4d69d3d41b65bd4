import { createCardLayer } from '@/components/content/card';
import { passageAndBadge } from '@/components/content/cardPlace';
import { cardNoteLists } from '@/components/content/passageNotes';
import { notePlaces, selectionQuote } from '@/components/content/selectionQuote';
import { sendNoteReliably } from '@/components/notes/sendNote';
import { anchorNotesInSlices } from '@/utils/anchoring/anchorNotes';

// What a council page needs after its first highlights (finding notes again, the card): the background injects
// it into the content script's world when the content script asks (components/content/pageExtras.ts).
export default defineUnlistedScript(() => {
  globalThis.__ratsmarkerExtras = {
    anchorNotesInSlices,
    createCardLayer,
    cardNoteLists,
    passageAndBadge,
    selectionQuote,
    notePlaces,
    sendNoteReliably,
  };
});
