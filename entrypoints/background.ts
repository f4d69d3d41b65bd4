import 'webext-dynamic-content-scripts';
import addPermissionToggle from 'webext-permission-toggle';
import { browser } from 'wxt/browser';
import { t } from '@/components/i18n';
import { onMessage } from '@/components/messages';
import { addNote, notesForDocument, setOrphaned } from '@/utils/db/notesStore';
import { RatsmarkerDB } from '@/utils/db/schema';

const CHECK_MENU = 'ratsmarker-check-page';
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

  // The notebook lives here, in the extension's origin; content scripts ask for it.
  const db = new RatsmarkerDB();
  onMessage('notesForDocument', ({ data }) => notesForDocument(db, data));
  onMessage('addNote', ({ data }) => addNote(db, data));
  onMessage('notesAnchored', ({ data }) => setOrphaned(db, data.found, data.orphaned));

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: CHECK_MENU, title: t('contextMenuCheck'), contexts: ['page'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CHECK_MENU && tab?.id !== undefined) void checkTab(tab.id);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'check-page') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await checkTab(tab.id);
  });
});
