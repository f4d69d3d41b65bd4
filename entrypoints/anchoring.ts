import { anchorNotesInSlices } from '@/utils/anchoring/anchorNotes';
import { offeredPlaces } from '@/utils/anchoring/offeredPlaces';

// Finding notes again, for a council page that has notes: the background injects it into the content script's
// world when the content script asks (components/content/loadAnchoring.ts).
export default defineUnlistedScript(() => {
  globalThis.__ratsmarkerAnchoring = { anchorNotesInSlices, offeredPlaces };
});
