import { type Signal, useSignal } from '@preact/signals';
import type { ObservabilitySet } from 'dexie';
import { useEffect } from 'preact/hooks';
import type { NoteSearchIndex } from '@/utils/notes/searchIndex';
import { loadNotebook, type Notebook } from './loadNotebook';

/** User Timing mark: the search index is there (the benchmark searches after it). */
export const SEARCH_INDEX_READY = 'ratsmarker:search-index-ready';
// There within this time of opening even when the popup is never idle.
const IDLE_TIMEOUT_MS = 500;

/**
 * The notebook's search index in memory: read back as stored (or built from
 * the notes) when the page is idle after its first render, and again after
 * every change to the notes, wherever it was made (Dexie's storagemutated
 * reaches every page of the extension). Undefined until there and while
 * stale: searches then go to the database's indexes.
 */
export function useSearchIndex(): Signal<NoteSearchIndex | undefined> {
  const index = useSignal<NoteSearchIndex | undefined>(undefined);
  useEffect(() => {
    // Each build and each change counts up; a build finished after a change is out of date.
    let generation = 0;
    let pending: (() => void) | undefined;
    let stopListening: (() => void) | undefined;
    let closed = false;
    const build = () => {
      pending = undefined;
      const mine = ++generation;
      loadNotebook()
        .then(({ db, loadSearchIndex }) => loadSearchIndex(db))
        .then(
          (built) => {
            if (mine !== generation) return;
            index.value = built;
            performance.mark(SEARCH_INDEX_READY);
          },
          // Without an index, search works as before, from the database.
          () => undefined,
        );
    };
    const schedule = () => {
      if (pending || closed) return;
      if ('requestIdleCallback' in globalThis) {
        const handle = requestIdleCallback(build, { timeout: IDLE_TIMEOUT_MS });
        pending = () => cancelIdleCallback(handle);
      } else {
        const handle = setTimeout(build, 0);
        pending = () => clearTimeout(handle);
      }
    };
    const listen = ({ Dexie, db }: Notebook) => {
      if (closed) return;
      const notesPart = `idb://${db.name}/notes/`;
      const onChange = (parts: ObservabilitySet) => {
        if (!Object.keys(parts).some((p) => p.startsWith(notesPart))) return;
        generation++;
        // Peeked by queries that run straight after the change, before the page renders again.
        index.value = undefined;
        schedule();
      };
      Dexie.on('storagemutated', onChange);
      stopListening = () => Dexie.on('storagemutated').unsubscribe(onChange);
    };
    void loadNotebook().then(listen);
    schedule();
    return () => {
      closed = true;
      generation++;
      pending?.();
      stopListening?.();
    };
  }, []);
  return index;
}
