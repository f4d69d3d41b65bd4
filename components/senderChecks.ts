import { urlPatternTest } from '@/utils/webext/urlPatternTest';

/**
 * Who sent a message into the background, and what it may ask. Pure
 * predicates over `runtime.MessageSender`, so each rule is tested on its own
 * (tests/unit/senderChecks.test.ts); background.ts wires them to the browser.
 */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

export interface ExtensionIdentity {
  /** `runtime.id`. */
  id: string;
  /** `runtime.getURL('/')`: "chrome-extension://<id>/" or "moz-extension://<uuid>/". */
  origin: string;
}

/** Where the content script may run: the manifest's council pages, the sites the reader added, the tabs the reader checked. */
export interface ContentScriptReach {
  /** Match patterns of the manifest's content script. */
  manifestPatterns: readonly string[];
  /** Match patterns the reader granted (webext-dynamic-content-scripts runs the content script there). */
  addedPatterns: readonly string[];
  /** Tabs where the reader ran the content script (popup, menu, shortcut), with the origin it ran on. */
  checkedTabs: ReadonlyMap<number, string>;
}

const isHttp = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

function parse(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A page of the extension itself (popup, options, side panel, PDF viewer): never a web page. */
export function isExtensionPage(sender: Sender, self: ExtensionIdentity): boolean {
  return sender.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.origin);
}

/**
 * This extension's own content script, in a tab, on a page it may run on.
 * Another extension has another id; a web page cannot use `runtime.sendMessage`
 * to us at all, but a content script's renderer is the page's, so its URL must
 * be one the script is there for.
 */
export function isOwnContentScript(sender: Sender, self: ExtensionIdentity, reach: ContentScriptReach): boolean {
  if (sender.id !== self.id) return false;
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return false;
  const url = parse(sender.url);
  if (!url || !isHttp(url)) return false;
  const href = url.href;
  if (urlPatternTest(reach.manifestPatterns)(href)) return true;
  if (reach.addedPatterns.length > 0 && urlPatternTest(reach.addedPatterns)(href)) return true;
  return reach.checkedTabs.get(tabId) === url.origin;
}

/** The key notes give a page that has no document number: its URL without the fragment (see utils/notes/documentKey.ts). */
export function urlKeyOf(url: string): string | undefined {
  const u = parse(url);
  if (!u) return undefined;
  u.hash = '';
  return u.href;
}

/**
 * A key the page at `url` may have derived for the document it shows: its own
 * URL key, or "site|number" on its own site. (Which number is the tab's own
 * report's business: see mayUseDocument.)
 */
export function isKeyOfPage(key: string, url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (key === urlKeyOf(url)) return true;
  const bar = key.indexOf('|');
  return bar > 0 && key.slice(0, bar) === u.hostname && key.length > bar + 1 && !key.startsWith(`${u.hostname}|pdf:`);
}

/**
 * A tab may read and write only the notes of the document it shows: the
 * document key its content script reported for the page it is on now (or,
 * before any report, the page's own URL key).
 */
export function mayUseDocument(key: string, senderUrl: string | undefined, reported: string | undefined): boolean {
  if (!senderUrl) return false;
  if (key === urlKeyOf(senderUrl)) return true;
  return reported === key && isKeyOfPage(key, senderUrl);
}

/**
 * `checkTab` runs the content script in a tab: only in the tab the reader
 * looks at from the popup that asked (the active tab of the popup's window,
 * or of the last focused window for a toolbar popup, which has no tab).
 */
export function mayCheckTab(tabId: number, activeTabIds: readonly number[]): boolean {
  return Number.isInteger(tabId) && tabId >= 0 && activeTabIds.includes(tabId);
}
