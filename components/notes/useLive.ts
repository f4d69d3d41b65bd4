import { type Signal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { loadNotebook, type Notebook } from './loadNotebook';

/**
 * A Dexie liveQuery as a signal: re-runs whenever the notes it read change.
 * The query gets the notebook once it is loaded; until it answers, the signal
 * holds `initial`.
 */
export function useLive<T>(query: (notebook: Notebook) => Promise<T>, deps: readonly unknown[], initial: T): Signal<T> {
  const value = useSignal(initial);
  // The caller names what the query depends on.
  useEffect(() => {
    let closed = false;
    let unsubscribe: (() => void) | undefined;
    void loadNotebook().then((notebook) => {
      if (closed) return;
      // The query calls only Dexie from here on, as liveQuery needs to see what it reads.
      const sub = notebook
        .liveQuery(() => query(notebook))
        .subscribe({
          // A result of a query whose inputs changed meanwhile is not shown over the newer one's.
          next: (v) => {
            if (!closed) value.value = v;
          },
          error: () => undefined,
        });
      unsubscribe = () => sub.unsubscribe();
    });
    return () => {
      closed = true;
      unsubscribe?.();
    };
  }, deps);
  return value;
}
