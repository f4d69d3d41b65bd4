import { anchorNotesInSlices } from '@/utils/anchoring/anchorNotes';
import { joinPassages } from '@/utils/anchoring/joinPassages';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import type { NewNote } from '@/utils/db/notesStore';
import type { DocumentFacts } from '@/utils/detect/types';
import type { MeasureMatch } from '@/utils/matcher/matchPassages';
import type { Note, NoteDocument } from '@/utils/notes/types';
import type { PdfPassage } from '@/utils/pdf/pdfPassages';
import { textLayerStretches } from '@/utils/pdf/pdfPassages';
import type { ActivePack } from '@/utils/pipeline/activePacks';
import { matchDocument } from '@/utils/pipeline/matchDocument';
import { createBadge } from '../content/badge';
import { type CardStrings, createCardLayer } from '../content/card';
import { createHighlighter } from '../content/highlighter';
import { createMeasureIndex } from '../content/measureIndex';
import { createNavigation } from '../content/navigation';
import { oneAfterAnother } from '../content/oneAfterAnother';
import type { PassageEntry } from '../content/passageEntry';
import { cardNoteLists, showNotes } from '../content/passageNotes';
import { passageReport } from '../content/passageReport';
import { NOT_SHARING, type ShareOptions, type Sharing, shareSwitch } from '../faction/sharing';
import type { PageReport } from '../messages';
import type { RenderedPdf } from './pdfPages';

export interface PdfAnnotatorOptions {
  packs: readonly ActivePack[];
  threshold?: number;
  facts: DocumentFacts;
  noteDocument: NoteDocument;
  strings: CardStrings & {
    badge: (spoken: string, terms: string) => string;
    /** "S. 2, Z. 14–17" (or just the page) for the side panel. */
    where: (page: number, lines?: [number, number]) => string;
  };
  notes: {
    load(documentKey: string): Promise<Note[]>;
    save(note: NewNote & { shared?: boolean }): Promise<void>;
    anchored(found: string[], orphaned: string[]): void;
    spoken(count: number): string;
    /** Faction notes (issue 17): colleagues' notes on a badge, and the share switch's state. */
    faction?: ShareOptions;
  };
  /** Gives the page a turn between slices of work. */
  pause: () => Promise<void>;
  onReport?: (report: PageReport) => void;
}

interface Entry extends PassageEntry {
  index: number;
  passage: PdfPassage;
}

// Passages matched between two looks at the clock; slices stay far under 50 ms.
const MATCH_BATCH = 16;
// The badge sits this far right of the passage's last character (CSS pixels).
const BADGE_GAP = 4;

/**
 * The PDF viewer's counterpart of annotatePage: matches the passages read
 * from the PDF's text, paints the matched words in the text layer, puts a
 * badge after each matched passage (opening the same card, with the same
 * note editor), and finds notes taken earlier in this PDF again.
 */
export async function annotatePdf(
  doc: Document,
  view: RenderedPdf,
  passages: readonly PdfPassage[],
  o: PdfAnnotatorOptions,
) {
  const measures = createMeasureIndex(o.packs);
  const highlighter = createHighlighter(doc);
  const cards = createCardLayer(doc);
  const entries: Entry[] = [];
  const markers: Entry[] = [];
  const { text: wholeText, starts } = joinPassages(passages.map((p) => p.text));

  /** DOM ranges over the text layer for the characters [start, end) of a passage. */
  const rangesOf = (passage: PdfPassage, start: number, end: number): Range[] =>
    textLayerStretches(passage, view.items, start, end).flatMap(({ from, to }) => {
      const node = view.pages[from.page - 1]?.textDivs[from.index]?.firstChild;
      if (node?.nodeType !== 3) return [];
      const length = (node as Text).length;
      const range = doc.createRange();
      range.setStart(node, Math.min(from.offset, length));
      range.setEnd(node, Math.min(to.offset, length));
      return [range];
    });

  /** Where a passage's badge goes: just right of its last character, on that character's page. */
  const badgePlace = (passage: PdfPassage) => {
    const last = rangesOf(passage, passage.text.length - 1, passage.text.length).at(-1);
    const page =
      (last && view.pages.find((p) => p.element.contains(last.startContainer))) ?? view.pages[passage.page - 1];
    if (!page) return undefined;
    const box = page.element.getBoundingClientRect();
    const at = last?.getBoundingClientRect();
    return { page, left: at ? at.right - box.left + BADGE_GAP : 0, top: at ? at.top - box.top : 0 };
  };

  /** Makes a badge; `place` was measured before any badge of the batch went in (one layout, not one per badge). */
  const placeBadge = (
    passage: PdfPassage,
    matches: MeasureMatch[],
    index: number,
    place = badgePlace(passage),
  ): Entry => {
    const { host, button, setNotes } = createBadge(doc, measures.badgeMeasures(matches), o.strings.badge);
    if (place) {
      host.style.position = 'absolute';
      host.style.left = `${place.left}px`;
      host.style.top = `${place.top}px`;
      place.page.overlay.append(host);
    }
    const entry: Entry = { index, passage, text: passage.text, matches, host, button, setNotes, notes: [] };
    button.addEventListener('click', () => openCard(entry));
    return entry;
  };

  const openCard = (entry: Entry) => {
    const rects = rangesOf(entry.passage, 0, entry.passage.text.length).flatMap((r) => [...r.getClientRects()]);
    rects.push(entry.host.getBoundingClientRect());
    const around = {
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
      left: Math.min(...rects.map((r) => r.left)),
      right: Math.max(...rects.map((r) => r.right)),
    };
    const measureIds = entry.matches.map((m) => m.id);
    cards.open(entry.button, around, measures.cardMeasures(entry.matches), o.strings, {
      ...cardNoteLists(entry.notes, o.notes.faction?.locale ?? 'de'),
      ...shareSwitch(sharing, measureIds, measures.packOf),
      save: async (text, tags, shared) => {
        const start = starts[entry.index] as number;
        const end = start + entry.passage.text.length;
        await o.notes.save({
          document: o.noteDocument,
          target: {
            quote: describeQuote(wholeText, start, end),
            position: describePosition(start, end),
            page: entry.passage.page,
          },
          measureIds,
          text,
          tags,
          ...(shared ? { shared } : {}),
        });
        await refreshNotes();
      },
    });
  };

  let sharing: Sharing = NOT_SHARING;
  // One refresh after the other (anchoring pauses between notes).
  const refreshNotes = oneAfterAnother(() => refreshNotesNow());
  const refreshNotesNow = async () => {
    sharing = (await o.notes.faction?.sharing().catch(() => NOT_SHARING)) ?? NOT_SHARING;
    // Notes taken on the HTML page of the same document anchor there, not here.
    const pdfNotes = (await o.notes.load(o.noteDocument.key)).filter((n) => n.target?.page !== undefined);
    const { found, orphaned } = await showNotes(
      pdfNotes,
      { text: wholeText, starts },
      {
        matched: entries,
        entryAt: (index) => entries.find((e) => e.index === index),
        noteOnly: (index) => placeBadge(passages[index] as PdfPassage, [], index),
        markers,
      },
      o.notes.spoken,
      anchorNotesInSlices,
      o.pause,
      o.notes.faction?.spoken,
    );
    if (pdfNotes.length > 0) o.notes.anchored(found, orphaned);
  };

  for (let next = 0; next < passages.length; next += MATCH_BATCH) {
    const matched = matchDocument(
      passages.slice(next, next + MATCH_BATCH),
      o.packs,
      o.threshold,
      next,
      passages.slice(0, next),
    );
    // Measure all places first, then add the badges: reading layout after each insertion would redo it every time.
    const places = matched.map((m) => badgePlace(m.passage));
    matched.forEach((m, i) => {
      for (const match of m.measures)
        for (const span of match.spans)
          for (const range of rangesOf(m.passage, span.start, span.end))
            highlighter.add(measures.slotOf(match.id), range);
      entries.push(placeBadge(m.passage, m.measures, m.index, places[i]));
    });
    await o.pause();
  }

  const report = (): PageReport =>
    passageReport(measures, entries, { noteDocument: o.noteDocument, document: { ...o.facts, system: 'PDF' } }, (e) =>
      o.strings.where(e.passage.page, e.passage.lines),
    );
  o.onReport?.(report());
  await refreshNotes();

  return { report, refreshNotes, ...createNavigation(() => entries) };
}

export type PdfAnnotator = Awaited<ReturnType<typeof annotatePdf>>;
