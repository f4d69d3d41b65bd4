import { defineExtensionMessaging } from '@webext-core/messaging';
import type { NewNote } from '@/utils/db/notesStore';
import type { Note, NoteDocument, NoteTarget } from '@/utils/notes/types';
import type { ActivePackSpecs } from './activeSpecs';
import type { FactionStatus } from './background/factionProtocol';

/** What the reader types under "Fraktion" (checked in the background by utils/faction/connection.ts). */
export interface FactionLoginInput {
  serverUrl: string;
  database: string;
  user?: string;
  password?: string;
  token?: string;
  authorName?: string;
}

/** Where a page stands, as the content script reports it to the background and the popup. */
export interface PageReport {
  count: number;
  /** The document as notes remember it (key, site, number, URL). */
  noteDocument: NoteDocument;
  document: {
    system?: string;
    number?: string;
    kind?: string;
    title?: string;
    committee?: string;
    date?: string;
  };
  measures: { id: string; label: string; reference: string; count: number }[];
  /** The matched passages in page order, for the side panel. */
  passages: { index: number; text: string; measureIds: string[]; where?: string }[];
}

export interface ProtocolMap {
  /** Content script → background: the matches on this tab changed. */
  reportMatches(report: PageReport): void;
  /** Popup → content script: what did you find on this page? */
  getReport(): PageReport | null;
  /** Popup → content script: scroll to the first passage of a measure. */
  showMeasure(id: string): boolean;
  /** Side panel → content script: scroll to a matched passage (its index in the report). */
  showPassage(index: number): boolean;
  /** Background → content script: move to the next (1) or previous (-1) match. */
  stepMatch(direction: 1 | -1): boolean;
  /** Popup → background: check the active tab now (activeTab). */
  checkTab(tabId: number): boolean;
  /** Content script → background: the notes of a document (the store lives in the extension's origin). */
  notesForDocument(documentKey: string): Note[];
  /** Content script → background: save a note on a passage (`shared`: the card's share switch, issue 17). */
  addNote(note: NewNote & { shared?: boolean }): Note;
  /** Content script → background: which notes were found again on this visit. */
  notesAnchored(result: { found: string[]; orphaned: string[] }): void;
  /** Popup → content script: notes of this page changed; redraw the markers. */
  refreshNotes(): void;
  /** Popup → content script (or PDF viewer): the reader's selection as a note target, to re-attach a note to. */
  selectionTarget(): NoteTarget | null;
  /** Popup → content script (or PDF viewer): where a note not found could stand, when several places fit alike. */
  notePlaces(target: NoteTarget): NoteTarget[];
  /** Content script → background: the enabled packs, validated, and the threshold. */
  activePacks(): ActivePackSpecs;
  /** Content script → background: this page is a meeting's agenda; bring the meeting radar's script to it. */
  startRadar(): void;
  /** Agenda script → background: this agenda links no documents; bring the content script to read its page. */
  startPageScript(): void;
  /** Content script → background: bring the page extras' script (note anchoring, card) to its frame. */
  loadExtras(): void;
  /** Content script or popup → background: open a PDF in the viewer, in a tab beside the sender's. */
  openViewer(pdfUrl: string): void;
  /** Options → background: store the faction login (host already granted) and sync once (issue 17). */
  factionConnect(input: FactionLoginInput): FactionStatus | null;
  /** Options → background: forget the faction login, the mirror and colleagues' notes; own notes stay. */
  factionDisconnect(): void;
  /** Options → background: sync with the faction now. */
  factionSyncNow(): void;
  /** Extension page → background: the author picked this version (CouchDB revision) of a note in conflict. */
  factionResolve(choice: { noteId: string; rev: string }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
