import type { anchorNotesInSlices } from '@/utils/anchoring/anchorNotes';
import type { Note } from '@/utils/notes/types';
import { colleagueByline, editedLine } from '../faction/byline';
import type { PassageEntry } from './passageEntry';

/**
 * A passage's notes as its card lists them: the reader's own, then colleagues' with their byline; a
 * shared note whose text a colleague changed says so („bearbeitet von …“, the reader's own included).
 */
export function cardNoteLists(notes: readonly Note[], locale: string) {
  const { own, colleagues } = splitNotes(notes);
  const edited = (n: Note) => {
    const line = editedLine(n, locale);
    return line ? { edited: line } : {};
  };
  return {
    existing: own.map((n) => ({ ...n, ...edited(n) })),
    colleagues: colleagues.map((n) => ({
      text: n.text,
      tags: n.tags,
      byline: colleagueByline(n, locale),
      ...edited(n),
    })),
  };
}

/** The reader's own notes and colleagues' (notes with `faction`, read only). */
export function splitNotes<N extends Pick<Note, 'faction'>>(notes: readonly N[]): { own: N[]; colleagues: N[] } {
  return { own: notes.filter((n) => !n.faction), colleagues: notes.filter((n) => n.faction) };
}

/**
 * Shows notes on the passages they were taken on (web pages and PDFs alike):
 * each note is anchored in the document's text (the passages joined, `starts`
 * their offsets) by `anchor` (utils/anchoring/anchorNotes; a council page
 * loads it only when it has notes); a passage with notes but no match gets a
 * badge of its own (`noteOnly`, kept in `markers` so the next call removes
 * it). Returns which notes were found again and which not. The anchoring
 * pauses between notes (`pause`, the caller's task budget); the badges change
 * only after it, at once.
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
  anchor: typeof anchorNotesInSlices,
  pause: () => Promise<void>,
  /** The accessible name of colleagues' notes ("2 Notizen der Fraktion"); without it they count as the reader's. */
  factionSpoken?: (count: number) => string,
): Promise<{ found: string[]; orphaned: string[] }> {
  const { found, orphaned, byPassage } =
    notes.length === 0
      ? { found: [], orphaned: [], byPassage: new Map<number, Note[]>() }
      : await anchor(notes, motion.text, motion.starts, pause);
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
  for (const e of [...surface.matched, ...surface.markers]) {
    if (e.notes.length === 0) continue;
    const { own, colleagues } = factionSpoken ? splitNotes(e.notes) : { own: e.notes, colleagues: [] };
    e.setNotes(
      own.length,
      spoken(own.length),
      colleagues.length > 0 && factionSpoken
        ? { count: colleagues.length, spoken: factionSpoken(colleagues.length) }
        : undefined,
    );
  }
  return { found, orphaned };
}
