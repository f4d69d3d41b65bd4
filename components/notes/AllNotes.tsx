import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { PositionPack } from '@/utils/pack/types';
import { formatLineReference } from '@/utils/resolution/lineReference';
import { findOwnedNotes, type Owner } from '../faction/noteOwner';
import { OwnerFilter } from '../faction/OwnerFilter';
import { useFactionStatus } from '../faction/useFaction';
import { type MessageKey, t } from '../i18n';
import { cachedFirstNotes, rememberFirstNotes } from './firstNotes';
import { loadNotebook } from './loadNotebook';
import { NoteItem } from './NoteItem';
import { useLive } from './useLive';
import { useSearchIndex } from './useSearchIndex';
import { writeFailureReason } from './writeFailure';

// Rows are drawn only where the list is scrolled to; a row is this tall at
// most (long notes are clipped in the list and shown whole when edited).
// Three notes in view at the popup's 600 px, each with its actions (entrypoints/popup/style.css).
const ROW_HEIGHT = 128;
const VIEW_HEIGHT = 384;
const OVERSCAN = 4;

export type ExportFormat = 'markdown' | 'csv' | 'json' | 'webannotation';

/** Every note, newest first, with search, filters, export and import. */
export function AllNotes({ packs }: { packs: readonly PositionPack[] }) {
  const query = useSignal('');
  const measure = useSignal('');
  const tag = useSignal('');
  const owner = useSignal<Owner>('all');
  const faction = useFactionStatus();
  const scrollTop = useSignal(0);
  const message = useSignal('');
  const importing = useSignal(false);
  const filter = { query: query.value || undefined, measure: measure.value || undefined, tag: tag.value || undefined };
  const first = Math.max(0, Math.floor(scrollTop.value / ROW_HEIGHT) - OVERSCAN);
  const count = Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) + 2 * OVERSCAN;
  const filtered = !!(filter.query || filter.measure || filter.tag) || owner.value !== 'all';
  const unfiltered = !filtered && first === 0;
  const searchIndex = useSearchIndex();
  // A filtered list runs again when the index is built or dropped: the index's
  // ids (not the database) tell it which notes are hits. It peeks at the index
  // when it runs, so a run straight after a change already goes to the database.
  const indexVersion = filtered ? searchIndex.value : undefined;
  const page = useLive(
    ({ db, findNotes }) =>
      findOwnedNotes(
        (q) => findNotes(db, q, searchIndex.peek()),
        { ...filter, offset: first, limit: count },
        owner.value,
      ),
    [filter.query, filter.measure, filter.tag, owner.value, first, indexVersion],
    // The list as it last opened shows at once; the live query replaces it.
    (unfiltered ? cachedFirstNotes() : undefined) ?? { total: 0, notes: [] },
  );
  useEffect(() => {
    if (unfiltered) rememberFirstNotes(page.value);
  }, [page.value, unfiltered]);
  const tags = useLive(({ db, allTags }) => allTags(db), [], [] as string[]);
  const measures = packs.flatMap((p) =>
    p.measures.map((m) => ({
      id: m.id,
      label: m.lexicon.label,
      ref: formatLineReference(p.resolution.code, m.firstLine, m.lastLine),
    })),
  );
  const measureRef = (id: string) => measures.find((m) => m.id === id)?.ref;

  const doExport = async (format: ExportFormat) => {
    // Measured for the benchmark (User Timing): reading, formatting and handing the file to the browser.
    const start = performance.now();
    // The exporters load when first used, so the popup opens fast.
    const [
      { exportNotesCsv },
      { exportNotesMarkdown },
      { exportNotesJson },
      { exportNotesWebAnnotation },
      { downloadText },
    ] = await Promise.all([
      import('@/utils/export/csv'),
      import('@/utils/export/markdown'),
      import('@/utils/export/notesFile'),
      import('@/utils/export/webAnnotation'),
      import('./download'),
    ]);
    const { db, findNotes } = await loadNotebook();
    const { notes } = await findOwnedNotes((q) => findNotes(db, q, searchIndex.peek()), filter, owner.value);
    performance.measure('ratsmarker:export-read', { start, end: performance.now() });
    // Headings and column names in the reader's language.
    const label = (key: string, params?: string[]) => t(key as MessageKey, params);
    const day = new Date().toISOString().slice(0, 10);
    // Only the format asked for is written (each takes a good part of a second at 10,000 notes).
    const files: Record<ExportFormat, () => [string, string, string]> = {
      markdown: () => [
        `ratsmarker-notizen-${day}.md`,
        exportNotesMarkdown(notes, measureRef, label),
        'text/markdown;charset=utf-8',
      ],
      csv: () => [`ratsmarker-notizen-${day}.csv`, exportNotesCsv(notes, measureRef, label), 'text/csv;charset=utf-8'],
      json: () => [`ratsmarker-notizen-${day}.json`, exportNotesJson(notes), 'application/json'],
      webannotation: () => [`ratsmarker-notizen-${day}.jsonld`, exportNotesWebAnnotation(notes), 'application/ld+json'],
    };
    const [name, text, mime] = files[format]();
    downloadText(name, text, mime);
    performance.measure('ratsmarker:export', { start, end: performance.now() });
  };

  const doImport = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    // Said at once: a big file takes seconds (10,000 notes: some 15 s), and the result of an import before must
    // not stand for this one meanwhile.
    message.value = t('popupImporting', [file.name]);
    importing.value = true;
    try {
      const text = await file.text();
      const [{ importNotes }, { db }] = await Promise.all([import('@/utils/db/importNotes'), loadNotebook()]);
      // Measured for the benchmark (User Timing), from reading the file to the last note written.
      const start = performance.now();
      const s = await importNotes(db, text);
      performance.measure('ratsmarker:import', { start, end: performance.now() });
      message.value = t('popupImported', [String(s.added), String(s.updated), String(s.skipped)]);
    } catch (err) {
      message.value = t('popupImportFailed', writeFailureReason(err));
    }
    importing.value = false;
    input.value = '';
  };

  const total = page.value.total;
  return (
    <section aria-labelledby="all-notes">
      <h2 id="all-notes">{t('popupAllNotes')}</h2>
      <div class="filters">
        <input
          type="search"
          aria-label={t('popupSearch')}
          placeholder={t('popupSearch')}
          value={query.value}
          onInput={(e) => {
            query.value = e.currentTarget.value;
            scrollTop.value = 0;
          }}
        />
        <select
          aria-label={t('popupAllMeasures')}
          value={measure.value}
          onChange={(e) => (measure.value = e.currentTarget.value)}
        >
          <option value="">{t('popupAllMeasures')}</option>
          {measures.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id} {m.label}
            </option>
          ))}
        </select>
        <select aria-label={t('popupAllTags')} value={tag.value} onChange={(e) => (tag.value = e.currentTarget.value)}>
          <option value="">{t('popupAllTags')}</option>
          {tags.value.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        {faction.value.connected && (
          <OwnerFilter
            value={owner.value}
            onChange={(o) => {
              owner.value = o;
              scrollTop.value = 0;
            }}
          />
        )}
      </div>
      <p class="meta" data-testid="notes-total">
        {total === 0 ? t('popupNoNotes') : t('popupNotesTotal', String(total))}
      </p>
      <div
        class="list"
        style={{ height: `${Math.min(VIEW_HEIGHT, Math.max(total, 1) * ROW_HEIGHT)}px` }}
        onScroll={(e) => (scrollTop.value = e.currentTarget.scrollTop)}
      >
        <div style={{ height: `${total * ROW_HEIGHT}px`, position: 'relative' }}>
          {page.value.notes.map((n, i) => (
            <div key={n.id} class="row" style={{ top: `${(first + i) * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}>
              <NoteItem note={n} showDocument={true} />
            </div>
          ))}
        </div>
      </div>
      <fieldset class="actions">
        <legend>{t('popupExport')}</legend>
        <button type="button" onClick={() => doExport('markdown')}>
          Markdown
        </button>
        <button type="button" onClick={() => doExport('csv')}>
          CSV
        </button>
        <button type="button" onClick={() => doExport('json')}>
          JSON
        </button>
        <button type="button" onClick={() => doExport('webannotation')}>
          Web Annotation
        </button>
      </fieldset>
      <div class="actions">
        <label class="import">
          {t('popupImport')}
          {/* One import at a time: a second one's answer would otherwise stand for either. */}
          <input type="file" accept="application/json,.json" onChange={doImport} disabled={importing.value} />
        </label>
      </div>
      {/* Always there, empty until an import: a live region put in with its first message is often not read out. */}
      <p class="meta" role="status" data-testid="import-status">
        {message.value}
      </p>
    </section>
  );
}
