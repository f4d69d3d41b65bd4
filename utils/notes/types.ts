import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';

/** Which document a note belongs to, so the same document reached by another URL finds its notes. */
export interface NoteDocument {
  /** "ratsinfo.duesseldorf.de|AIF/012/2024" with a document number, the URL without its fragment otherwise. */
  key: string;
  site: string;
  number?: string;
  title?: string;
  url: string;
}

/** A passage a note is anchored to. Page-level notes have none. */
export interface NoteTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** In a PDF (opened in the viewer): the page the passage begins on. */
  page?: number;
}

/** A place a note stood on before the reader re-attached it. */
export interface NoteTargetChange {
  target: NoteTarget;
  /** When it was left (ISO 8601). */
  until: string;
}

export interface Note {
  id: string;
  document: NoteDocument;
  /** Flattened for indexes. */
  documentKey: string;
  target?: NoteTarget;
  /** Measure ids of the passage (empty for page notes). */
  measureIds: string[];
  text: string;
  tags: string[];
  /** ISO 8601. */
  created: string;
  updated: string;
  /** The passage could not be found again on the last visit. The note is kept. */
  orphaned?: boolean;
  /** Where the note stood before the reader re-attached it, oldest first (the old quotes stay readable). */
  history?: NoteTargetChange[];
  /** Words of text, quote, title, number and tags, for search by index. */
  terms: string[];
  /** The reader switched „Mit der Fraktion teilen“ on: only such notes ever leave the device (issue 17). */
  shared?: boolean;
  /** A colleague's note that arrived from the faction's database: shown read-only. Absent: the reader's own. */
  faction?: { author: string; user?: string };
  /**
   * A shared note's text as a colleague last changed it (from the popup's faction list), not its
   * author: who, and when. Gone once the author edits the note again.
   */
  editedBy?: NoteEditor;
  /** The faction's database holds other versions of this (own, shared) note, for its author to pick from. */
  conflict?: { versions: NoteConflictVersion[] };
}

/** A faction member who changed a colleague's shared note. */
export interface NoteEditor {
  author: string;
  user?: string;
  /** ISO 8601. */
  at: string;
}

/** One version of a shared note in conflict (a CouchDB revision), as the author is shown it. */
export interface NoteConflictVersion {
  rev: string;
  text: string;
  tags: string[];
  updated: string;
  author: string;
  /** The version's text is a colleague's change (name), not its author's. */
  editedBy?: string;
  /** The version was a deletion. */
  deleted?: boolean;
  /** This device wrote the version (the text its notebook keeps until the author picks). */
  here?: boolean;
}
