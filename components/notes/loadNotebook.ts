export type Notebook = typeof import('./notebook');

let loading: Promise<Notebook> | undefined;

/**
 * The notebook's database and its functions, loaded once, on first use:
 * Dexie is over half of the popup's code, and the popup draws the list it
 * showed last (`firstNotes`) without it.
 */
export function loadNotebook(): Promise<Notebook> {
  loading ??= import('./notebook');
  return loading;
}
