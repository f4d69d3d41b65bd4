/**
 * `run` as a function whose calls run one after the other: a call starts
 * only when the one before has ended (failed or not). For refreshes that give
 * the page turns on the way (note anchoring pauses between notes): a refresh
 * started later must not be overwritten by an earlier one that ends after it.
 */
export function oneAfterAnother(run: () => Promise<void>): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return () => {
    last = last.then(run, run);
    return last;
  };
}
