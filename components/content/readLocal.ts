import { browser } from 'wxt/browser';

/**
 * Reads keys of the extension's local storage in one round trip; nothing (an
 * empty record) when storage cannot be read. Content scripts read storage
 * this way rather than through @wxt-dev/storage items: a page loads no more
 * code than it needs (the items' library was a fifth of the content script),
 * and each of its reads was a round trip of its own.
 */
export function readLocal(keys: string[]): Promise<Record<string, unknown>> {
  return browser.storage.local.get(keys).catch(() => ({}));
}
