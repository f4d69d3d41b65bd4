import 'webext-dynamic-content-scripts';
import addPermissionToggle from 'webext-permission-toggle';
import { browser } from 'wxt/browser';
import { t } from '@/components/i18n';
import { onMessage } from '@/components/messages';
import { packsItem, refreshActiveSpecs, sensitivityItem } from '@/components/packs';
import { askTab } from '@/components/tabMessages';
import { PDF_LINK_PATTERNS, viewerUrl } from '@/components/viewer/viewerUrl';
import { addNote, notesForDocument, setOrphaned } from '@/utils/db/notesStore';
import { RatsmarkerDB } from '@/utils/db/schema';
import { migrateSettings } from '@/utils/settings/settingsVersion';

const CHECK_MENU = 'ratsmarker-check-page';
const OPEN_PDF_MENU = 'ratsmarker-open-pdf';
// Manifest V3 has `action`; Firefox's Manifest V2 build has `browserAction`.
const toolbar = browser.action ?? browser.browserAction;

/** Runs the content script in a tab on the user's request (activeTab: no standing permission). */
async function checkTab(tabId: number): Promise<boolean> {
  await browser.scripting.executeScript({
    target: { tabId },
    func: () => {
      (globalThis as { __ratsmarkerForce?: boolean }).__ratsmarkerForce = true;
    },
  });
  await browser.scripting.insertCSS({ target: { tabId }, files: ['/content-scripts/content.css'] });
  await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
  return true;
}

/** Opens a PDF in the viewer, in a new tab next to the page it was found on. */
async function openViewer(pdfUrl: string, beside?: { id?: number; index?: number }): Promise<void> {
  await browser.tabs.create({
    url: viewerUrl(pdfUrl),
    ...(beside?.index !== undefined ? { index: beside.index + 1 } : {}),
    ...(beside?.id !== undefined ? { openerTabId: beside.id } : {}),
  });
}

/** Chrome's side panel, Firefox's sidebar; both need the user's gesture (the shortcut is one). */
async function openSidePanel(windowId: number | undefined): Promise<void> {
  const api = browser as unknown as {
    sidePanel?: { open(o: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  if (api.sidePanel && windowId !== undefined) await api.sidePanel.open({ windowId });
  else await api.sidebarAction?.open();
}

export default defineBackground(() => {
  // "Auf dieser Website immer prüfen": asks for the site through optional host
  // permissions; webext-dynamic-content-scripts then registers the content script there.
  addPermissionToggle({ title: t('permissionToggle') });

  onMessage('reportMatches', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await toolbar.setBadgeText({ tabId, text: data.count > 0 ? String(data.count) : '' });
    await toolbar.setBadgeBackgroundColor({ tabId, color: '#166534' });
  });
  onMessage('checkTab', ({ data }) => checkTab(data));
  onMessage('openViewer', async ({ data, sender }) => {
    await openViewer(data, sender.tab);
  });
  onMessage('activePacks', () => refreshActiveSpecs());
  // Settings of an older shape are brought to the current one (utils/settings/settingsVersion.ts).
  void migrateSettings(browser.storage.local);
  // Keep the content scripts' snapshot of the packs current.
  void refreshActiveSpecs();
  packsItem.watch(() => void refreshActiveSpecs());
  sensitivityItem.watch(() => void refreshActiveSpecs());

  // The notebook lives here, in the extension's origin; content scripts ask for it.
  const db = new RatsmarkerDB();
  onMessage('notesForDocument', ({ data }) => notesForDocument(db, data));
  onMessage('addNote', ({ data }) => addNote(db, data));
  onMessage('notesAnchored', ({ data }) => setOrphaned(db, data.found, data.orphaned));

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: CHECK_MENU, title: t('contextMenuCheck'), contexts: ['page'] });
    browser.contextMenus.create({
      id: OPEN_PDF_MENU,
      title: t('openInRatsmarker'),
      contexts: ['link'],
      targetUrlPatterns: PDF_LINK_PATTERNS,
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CHECK_MENU && tab?.id !== undefined) void checkTab(tab.id);
    if (info.menuItemId === OPEN_PDF_MENU && info.linkUrl) void openViewer(info.linkUrl, tab);
  });
  browser.commands.onCommand.addListener(async (command, commandTab) => {
    const tab = commandTab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (tab?.id === undefined) return;
    if (command === 'check-page') await checkTab(tab.id);
    else if (command === 'next-match' || command === 'previous-match')
      await askTab(tab.id, 'stepMatch', command === 'next-match' ? 1 : -1);
    else if (command === 'open-side-panel') await openSidePanel(tab.windowId);
  });
});
