import type { MeasureMatch } from '@/utils/matcher/matchPassages';
import type { Note } from '@/utils/notes/types';

/** A passage with a badge on a surface (web page or PDF): what it matched, its badge, its notes. */
export interface PassageEntry {
  /** Empty for a passage that carries only a note marker. */
  matches: MeasureMatch[];
  /** The passage's text, for the report. */
  text: string;
  host: HTMLElement;
  button: HTMLButtonElement;
  setNotes: (count: number, spoken: string, faction?: { count: number; spoken: string }) => void;
  /** The reader's own notes and colleagues' (`faction` set), as the card lists them. */
  notes: Note[];
}
