import { type Signal, useSignal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { useEffect } from 'preact/hooks';

/** A Dexie liveQuery as a signal: re-runs whenever the notes it read change. */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[], initial: T): Signal<T> {
  const value = useSignal(initial);
  // The caller names what the query depends on.
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (v) => {
        value.value = v;
      },
      error: () => undefined,
    });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
