import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { councilMatchPatterns } from '@/utils/detect/councilHosts';
import { addedSites } from './addedSites';
import { factionServerPatterns } from './background/factionProtocol';
import { ADDED_SITES_KEY } from './content/readDecision';
import { createGuard, RefusedMessage } from './messageGuard';
import { isExtensionPage, isOwnContentScript, mayUseDocument, type Sender, urlKeyOf } from './senderChecks';
import type { createTabMemory } from './tabMemory';

/** The reader's added sites as content scripts read them (content/readDecision.ts). */
export const addedSitesItem = storage.defineItem<string[]>(`local:${ADDED_SITES_KEY}`, { fallback: [] });

/**
 * The background's side of the sender checks (components/senderChecks.ts):
 * what it needs of the browser to apply them. Made once the background runs.
 */
export function createBackgroundChecks(tabs: ReturnType<typeof createTabMemory>) {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const manifestPatterns = councilMatchPatterns();

  // The reader's added sites, read once and again whenever they change; content scripts read them from storage.
  let added: Promise<string[]> | undefined;
  const addedPatterns = () =>
    (added ??= Promise.all([browser.permissions.getAll(), factionServerPatterns()]).then(([p, faction]) =>
      addedSites(p.origins ?? [], browser.runtime.getManifest(), faction),
    ));
  const publishAddedSites = () => {
    added = undefined;
    void addedPatterns()
      .then((list) => addedSitesItem.setValue(list))
      .catch(() => undefined);
  };

  /** Whether a message or a port comes from an extension page, or from this extension's own content script where it may run. */
  const senderIs = async (kind: 'extension-page' | 'content-script', sender: Sender): Promise<boolean> =>
    kind === 'extension-page'
      ? isExtensionPage(sender, self)
      : isOwnContentScript(sender, self, {
          manifestPatterns,
          addedPatterns: await addedPatterns(),
          checkedTabs: await tabs.checkedTabs(),
        });

  return {
    publishAddedSites,
    senderIs,

    /** Every message into the background is checked for its sender and its data. */
    guard: createGuard(senderIs),

    /** The document key a content script's tab may use: refused unless it is the document the tab shows. */
    async ownDocument(key: string, sender: Sender): Promise<string> {
      const reported = await tabs.reportedKey(sender.tab?.id as number, sender.url);
      if (!mayUseDocument(key, sender.url, reported)) throw new RefusedMessage('data');
      return key;
    },

    /** The document the content script's tab shows: the key it reported, else its URL's. */
    async documentOf(sender: Sender): Promise<string> {
      const key = (await tabs.reportedKey(sender.tab?.id as number, sender.url)) ?? urlKeyOf(sender.url ?? '');
      if (!key) throw new RefusedMessage('data');
      return key;
    },

    /** The tabs the reader looks at from where a message came: the sender's window, or the last focused one (a toolbar popup has no tab). */
    async activeTabIds(sender: Sender): Promise<number[]> {
      const windowId = sender.tab?.windowId;
      const found = await browser.tabs.query(
        windowId !== undefined ? { active: true, windowId } : { active: true, lastFocusedWindow: true },
      );
      return found.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
    },
  };
}
