import { anchorNotesInSlices } from '@/utils/anchoring/anchorNotes';
import type { Note } from '@/utils/notes/types';
import type { PassageEntry } from './passageEntry';

/**
 * Shows notes on the passages they were taken on (web pages and PDFs alike):
 * each note is anchored in the document's text (the passages joined, `starts`
 * their offsets); a passage with notes but no match gets a badge of its own
 * (`noteOnly`, kept in `markers` so the next call removes it). Returns which
 * notes were found again and which not. The anchoring pauses between notes
 * (`pause`, the caller's task budget); the badges change only after it, at once.
 */
export async function showNotes<E extends PassageEntry>(
  notes: readonly Note[],
  motion: { text: string; starts: number[] },
  surface: {
    matched: readonly E[];
    /** The matched entry of the passage at `index`, if it has one. */
    entryAt(index: number): E | undefined;
    noteOnly(index: number): E;
    markers: E[];
  },
  spoken: (count: number) => string,
  pause: () => Promise<void>,
): Promise<{ found: string[]; orphaned: string[] }> {
  const { found, orphaned, byPassage } = await anchorNotesInSlices(notes, motion.text, motion.starts, pause);
  for (const e of surface.matched) {
    e.notes = [];
    e.setNotes(0, '');
  }
  for (const e of surface.markers.splice(0)) e.host.remove();
  if (notes.length === 0) return { found: [], orphaned: [] };
  const markerAt = new Map<number, E>();
  for (const [index, passageNotes] of byPassage) {
    let entry = surface.entryAt(index) ?? markerAt.get(index);
    if (!entry) {
      entry = surface.noteOnly(index);
      markerAt.set(index, entry);
      surface.markers.push(entry);
    }
    entry.notes.push(...passageNotes);
  }
  for (const e of [...surface.matched, ...surface.markers])
    if (e.notes.length > 0) e.setNotes(e.notes.length, spoken(e.notes.length));
  return { found, orphaned };
}
