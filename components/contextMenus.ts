import { PDF_LINK_PATTERNS } from '@/components/viewer/viewerUrl';

export const CHECK_MENU = 'ratsmarker-check-page';
export const OPEN_PDF_MENU = 'ratsmarker-open-pdf';

/** The part of `browser.contextMenus` the menus need. */
export interface MenusApi {
  remove(id: string): Promise<void>;
  create(properties: {
    id: string;
    title: string;
    contexts: ['page' | 'link', ...('page' | 'link')[]];
    targetUrlPatterns?: string[];
  }): unknown;
}

/**
 * Ratsmarker's entries in the page's and the link's context menu, made on
 * every start of the background: Firefox forgets menus when the browser
 * restarts (no onInstalled then), Chrome keeps them. Removing them first
 * makes a second start harmless where the browser kept them (a duplicate id
 * would be an error). Only Ratsmarker's own two: `removeAll` would also take
 * the toolbar's "Auf dieser Website immer prüfen", which webext-permission-toggle
 * makes on every start.
 */
export async function setUpContextMenus(
  menus: MenusApi,
  title: (key: 'contextMenuCheck' | 'openInRatsmarker') => string,
) {
  // remove() fails for an item that is not there (a first start): that is fine.
  await Promise.all([CHECK_MENU, OPEN_PDF_MENU].map((id) => menus.remove(id).catch(() => undefined)));
  menus.create({ id: CHECK_MENU, title: title('contextMenuCheck'), contexts: ['page'] });
  menus.create({
    id: OPEN_PDF_MENU,
    title: title('openInRatsmarker'),
    contexts: ['link'],
    targetUrlPatterns: [...PDF_LINK_PATTERNS],
  });
}
