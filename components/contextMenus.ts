import { PDF_LINK_PATTERNS } from '@/components/viewer/viewerUrl';

export const CHECK_MENU = 'ratsmarker-check-page';
export const OPEN_PDF_MENU = 'ratsmarker-open-pdf';

/** The part of `browser.contextMenus` the menus need. */
export interface MenusApi {
  removeAll(): Promise<void>;
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
 * would be an error).
 */
export async function setUpContextMenus(
  menus: MenusApi,
  title: (key: 'contextMenuCheck' | 'openInRatsmarker') => string,
) {
  await menus.removeAll();
  menus.create({ id: CHECK_MENU, title: title('contextMenuCheck'), contexts: ['page'] });
  menus.create({
    id: OPEN_PDF_MENU,
    title: title('openInRatsmarker'),
    contexts: ['link'],
    targetUrlPatterns: [...PDF_LINK_PATTERNS],
  });
}
