import type { anchorNotesInSlices } from '@/utils/anchoring/anchorNotes';
import type { PassageBlock } from '@/utils/dom/extractPassages';
import type { Note } from '@/utils/notes/types';
import { DOCUMENT_SLICE_MS, taskBudget } from '@/utils/pipeline/taskBudget';
import { NOT_SHARING, type ShareOptions, type Sharing } from '../faction/sharing';
import { samePassage } from './noteTargets';
import { oneAfterAnother } from './oneAfterAnother';
import type { PageEntry } from './pageEntries';
import { showNotes } from './passageNotes';

/** The notebook as a council page reaches it (through the background). */
export interface PageNotebook {
  load(documentKey: string): Promise<Note[]>;
  anchored(found: string[], orphaned: string[]): void;
  spoken(count: number): string;
  /** Faction notes (issue 17): colleagues' notes on a badge, and the share switch's state. */
  faction?: ShareOptions;
}

interface PageNotesInput {
  notebook: PageNotebook;
  /** The key of the document the page shows (noteDocument). */
  documentKey: string;
  /** The page's motion text as it stands now: where notes are anchored (noteTargets.ts). */
  motionText(): { passages: PassageBlock[]; text: string; starts: number[] };
  /** The page's entries: badges of matched passages, and a badge of its own for a passage with notes only. */
  entries: { matched: readonly PageEntry[]; noteMarker(passage: PassageBlock): PageEntry };
  /** Note anchoring, loaded only for a page that has notes (it comes with the page extras). */
  anchorer(): Promise<typeof anchorNotesInSlices>;
  /** Ratsmarker wrote into the page (the badges' notes): the change watcher lets that pass. */
  wrote(): void;
}

// Anchoring without notes: nothing to find (showNotes does not call it then).
const noNotes = async () => ({ found: [], orphaned: [], byPassage: new Map() });

/**
 * The reader's notes on a council page: read from the notebook, anchored in
 * the motion text, counted on the badges (a passage with notes but no match
 * gets a badge of its own), and the faction's sharing state, read again with
 * them. `refresh` runs one call after the other (anchoring pauses between notes).
 */
export function createPageNotes(input: PageNotesInput) {
  const { notebook } = input;
  let sharing: Sharing = NOT_SHARING;
  // The note-only badges of the last refresh (the next one replaces them).
  const markers: PageEntry[] = [];
  const refreshNow = async () => {
    sharing = (await notebook.faction?.sharing().catch(() => NOT_SHARING)) ?? NOT_SHARING;
    // Notes taken in the PDF viewer anchor in the PDF's text, not in this page's.
    const here = (await notebook.load(input.documentKey)).filter((n) => n.target && n.target.page === undefined);
    const motion = here.length > 0 ? input.motionText() : { passages: [], text: '', starts: [] };
    const anchor = here.length > 0 ? await input.anchorer() : noNotes;
    const passageAt = (i: number) => motion.passages[i] as PassageBlock;
    const budget = taskBudget(DOCUMENT_SLICE_MS);
    const { found, orphaned } = await showNotes(
      here,
      motion,
      {
        matched: input.entries.matched,
        entryAt: (i) => input.entries.matched.find((a) => samePassage(a.passage, passageAt(i))),
        noteOnly: (i) => input.entries.noteMarker(passageAt(i)),
        markers,
      },
      notebook.spoken,
      anchor,
      budget.pause,
      notebook.faction?.spoken,
    );
    budget.finish();
    input.wrote();
    if (here.length > 0) notebook.anchored(found, orphaned);
  };
  return {
    refresh: oneAfterAnother(refreshNow),
    /** Whether a faction is connected, as last read (the card's share switch shows only then). */
    sharing: () => sharing,
  };
}
