import { storage } from 'wxt/utils/storage';
import { urlKeyOf } from './senderChecks';

interface Saved {
  /** Per tab: the page (URL key) and the document key its content script reported for it. */
  documents: Record<string, { url: string; key: string }>;
  /** Per tab the reader checked: the origin the content script was run on. */
  checked: Record<string, string>;
}

/**
 * What the background remembers of each tab: which document its content
 * script showed, and which tabs the reader checked by hand. Kept in session
 * storage too, because Chrome stops the service worker at any moment and a
 * tab asks for its notes long after it reported its document.
 */
export function createTabMemory(
  item: { getValue(): Promise<Saved | null>; setValue(v: Saved): Promise<void> } = storage.defineItem<Saved>(
    'session:tabMemory',
  ),
) {
  const saved: Saved = { documents: {}, checked: {} };
  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= item.getValue().then(
      (value) => {
        // What happened since the start wins over what the last worker saved.
        saved.documents = { ...value?.documents, ...saved.documents };
        saved.checked = { ...value?.checked, ...saved.checked };
      },
      () => undefined,
    ));
  const persist = () => void item.setValue(saved).catch(() => undefined);

  return {
    load,
    /** The document key the tab's content script reported for the page at `url`, if it did. */
    async reportedKey(tabId: number, url: string | undefined): Promise<string | undefined> {
      await load();
      const entry = saved.documents[tabId];
      return entry && url && entry.url === urlKeyOf(url) ? entry.key : undefined;
    },
    remember(tabId: number, url: string | undefined, key: string): void {
      const page = url && urlKeyOf(url);
      if (!page) return;
      saved.documents[tabId] = { url: page, key };
      persist();
    },
    checked(tabId: number, origin: string): void {
      saved.checked[tabId] = origin;
      persist();
    },
    async checkedTabs(): Promise<Map<number, string>> {
      await load();
      return new Map(Object.entries(saved.checked).map(([id, origin]) => [Number(id), origin]));
    },
    forget(tabId: number): void {
      delete saved.documents[tabId];
      delete saved.checked[tabId];
      persist();
    },
  };
}
