import 'webext-dynamic-content-scripts';
import addPermissionToggle from 'webext-permission-toggle';
import { browser } from 'wxt/browser';
import { colourOpenTabs, coloursToInsert, keepHighlightStyles } from '@/components/background/councilPageStyles';
import { factionSettingsItem, type RunHost } from '@/components/background/factionProtocol';
import { createFactionSync } from '@/components/background/factionSync';
import { sitePatterns } from '@/components/background/highlightStyles';
import { holdOffscreen, releaseOffscreen } from '@/components/background/offscreenDocument';
import { storePageStrings } from '@/components/background/pageStrings';
import { createBackgroundChecks } from '@/components/backgroundChecks';
import { CHECK_MENU, OPEN_PDF_MENU, setUpContextMenus } from '@/components/contextMenus';
import { t } from '@/components/i18n';
import { RefusedMessage } from '@/components/messageGuard';
import {
  AnchoredSchema,
  DocumentKeySchema,
  FactionLoginSchema,
  FactionResolveSchema,
  NewNoteSchema,
  NoDataSchema,
  PageReportSchema,
  PdfUrlSchema,
  TabIdSchema,
} from '@/components/messageSchemas';
import { onMessage } from '@/components/messages';
import { packsItem, refreshActiveSpecs, sensitivityItem } from '@/components/packs';
import { relayRadar } from '@/components/radar/radarRelay';
import { isKeyOfPage, mayCheckTab, type Sender } from '@/components/senderChecks';
import { createTabMemory } from '@/components/tabMemory';
import { askTab } from '@/components/tabMessages';
import { viewerUrl } from '@/components/viewer/viewerUrl';
import { addNote, notesForDocument, setOrphaned } from '@/utils/db/notesStore';
import { RatsmarkerDB } from '@/utils/db/schema';
import { migrateSettings } from '@/utils/settings/settingsVersion';

// Manifest V3 has `action`; Firefox's Manifest V2 build has `browserAction`.
const toolbar = browser.action ?? browser.browserAction;

// What the background remembers of tabs (their documents, the ones checked by hand), across restarts of the worker.
const tabs = createTabMemory();

/** The content script's stylesheet (the <mark> fallback's colours); the highlights' come per active colour. */
const CONTENT_CSS = '/content-scripts/content.css';

/** Runs the content script in a tab on the user's request (activeTab: no standing permission). */
async function checkTab(tabId: number): Promise<boolean> {
  const [ran] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => {
      (globalThis as { __ratsmarkerForce?: boolean }).__ratsmarkerForce = true;
      return location.href;
    },
  });
  const href = typeof ran?.result === 'string' ? ran.result : undefined;
  // The content script the reader asked for may talk to the background from this tab, on this site.
  if (href !== undefined) tabs.checked(tabId, new URL(href).origin);
  await browser.scripting.insertCSS({ target: { tabId }, files: [CONTENT_CSS, ...(await coloursToInsert(href))] });
  await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
  return true;
}

/**
 * One of the content script's later parts (the meeting radar, the page extras), or the content script itself
 * for the agenda script, into the frame whose script asked for it, in that script's own world; `css`: the style
 * sheets that come with it.
 */
async function injectIntoSender(
  sender: Sender,
  file: '/radar.js' | '/extras.js' | '/content-scripts/content.js',
  css: string[] = [],
): Promise<void> {
  const target = { tabId: sender.tab?.id as number, frameIds: [(sender as { frameId?: number }).frameId ?? 0] };
  if (css.length > 0) await browser.scripting.insertCSS({ target, files: css });
  await browser.scripting.executeScript({ target, files: [file] });
}

/** Opens a PDF in the viewer, in a new tab next to the page it was found on. */
async function openViewer(pdfUrl: string, beside?: { id?: number; index?: number }): Promise<void> {
  await browser.tabs.create({
    url: viewerUrl(pdfUrl),
    ...(beside?.index !== undefined ? { index: beside.index + 1 } : {}),
    ...(beside?.id !== undefined ? { openerTabId: beside.id } : {}),
  });
}

/**
 * Where the faction sync runs (PouchDB never loads in the service worker, the content script or the
 * popup): Chrome's offscreen document, asked by message; Firefox's background page, this page itself.
 */
const runFactionHost: RunHost = async (request) => {
  if (import.meta.env.FIREFOX) return (await import('@/components/background/factionHost')).serveFactionHost(request);
  await holdOffscreen();
  try {
    return await browser.runtime.sendMessage(request);
  } finally {
    releaseOffscreen();
  }
};

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
  // Every message is checked for its sender and its data (components/senderChecks.ts).
  const { guard, senderIs, ownDocument, documentOf, activeTabIds, publishAddedSites } = createBackgroundChecks(tabs);
  publishAddedSites();
  browser.permissions.onAdded.addListener(publishAddedSites);
  browser.permissions.onRemoved.addListener(publishAddedSites);
  // The faction's server is granted before its settings are stored: listed again once they are.
  factionSettingsItem.watch(publishAddedSites);
  browser.tabs.onRemoved.addListener((tabId) => tabs.forget(tabId));

  // Faction notes (issue 17): when to sync, run in the host; the options page connects and disconnects.
  const faction = createFactionSync(runFactionHost);
  faction.start();
  onMessage(
    'factionConnect',
    guard(['extension-page'], FactionLoginSchema, (input) => faction.connect(input)),
  );
  onMessage(
    'factionDisconnect',
    guard(['extension-page'], NoDataSchema, () => faction.disconnect()),
  );
  onMessage(
    'factionSyncNow',
    guard(['extension-page'], NoDataSchema, () => faction.syncNow()),
  );
  onMessage(
    'factionResolve',
    guard(['extension-page'], FactionResolveSchema, ({ noteId, rev }) => faction.resolve(noteId, rev)),
  );

  onMessage(
    'reportMatches',
    guard(['content-script', 'extension-page'], PageReportSchema, async (report, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      // The document this tab shows, as its own content script derived it: the only one whose notes it may use.
      if (sender.url && /^https?:/.test(sender.url) && isKeyOfPage(report.noteDocument.key, sender.url)) {
        tabs.remember(tabId, sender.url, report.noteDocument.key);
        // Colleagues may have shared notes on this document: a one-shot faction sync.
        faction.pageOpened(report.noteDocument.key);
      }
      await toolbar.setBadgeText({ tabId, text: report.count > 0 ? String(report.count) : '' });
      await toolbar.setBadgeBackgroundColor({ tabId, color: '#166534' });
    }),
  );
  onMessage(
    'checkTab',
    guard(['extension-page'], TabIdSchema, async (tabId, sender) => {
      // Only the tab the reader looks at from the popup that asks.
      if (!mayCheckTab(tabId, await activeTabIds(sender))) throw new RefusedMessage('sender');
      return checkTab(tabId);
    }),
  );
  onMessage(
    'openViewer',
    guard(['content-script', 'extension-page'], PdfUrlSchema, async (pdfUrl, sender) => {
      await openViewer(pdfUrl, sender.tab);
    }),
  );
  onMessage(
    'activePacks',
    guard(['content-script', 'extension-page'], NoDataSchema, () => refreshActiveSpecs()),
  );
  onMessage(
    'startRadar',
    // The meeting radar's script, only into the frame that found an agenda.
    guard(['content-script'], NoDataSchema, (_, sender) => injectIntoSender(sender, '/radar.js')),
  );
  onMessage(
    'startPageScript',
    // An agenda without documents is read as any council page: the content script, into the frame that asks.
    // Its highlights' colours come with it, as they come with the manifest's content script.
    guard(['content-script'], NoDataSchema, async (_, sender) =>
      injectIntoSender(sender, '/content-scripts/content.js', [CONTENT_CSS, ...(await coloursToInsert(sender.url))]),
    ),
  );
  onMessage(
    'loadExtras',
    // Note anchoring and the card, only into the frame that asks (components/content/pageExtras.ts).
    guard(['content-script'], NoDataSchema, (_, sender) => injectIntoSender(sender, '/extras.js')),
  );
  // Settings of an older shape are brought to the current one (utils/settings/settingsVersion.ts).
  void migrateSettings(browser.storage.local);
  // The content scripts' snapshot of the packs, compiled when its sources change: when the extension is
  // installed or updated (the built-in pack and the compiled form come with it), when the browser starts, and
  // when the reader changes packs or sensitivity. Not on every wake of the worker: that compiled and wrote the
  // same snapshot again (two storage writes, one of some 280 kB), about a second of the worker's time beside
  // the council page that woke it, whose own read of the snapshot and first highlights came later for it.
  // A page that finds no usable snapshot asks for one (components/content/loadActivePacks.ts).
  const refreshPacks = () => void refreshActiveSpecs().catch((error) => console.warn('Ratsmarker: packs', error));
  packsItem.watch(refreshPacks);
  sensitivityItem.watch(refreshPacks);
  // The strings for council pages, in the browser's language: stored when the extension is installed or updated
  // and when the browser starts (its language changes only with a restart).
  const storeStrings = () =>
    void storePageStrings().catch((error) => console.warn('Ratsmarker: strings for pages', error));
  // Council pages get the highlight rules of the active packs' colours only (components/background/highlightStyles.ts),
  // registered again whenever the packs or the reader's sites change.
  const highlightStyles = keepHighlightStyles();
  const warnColours = (error: unknown) => console.warn('Ratsmarker: highlight colours', error);
  for (const event of [browser.runtime.onInstalled, browser.runtime.onStartup]) {
    event.addListener(refreshPacks);
    event.addListener(storeStrings);
    event.addListener(() => void highlightStyles.sync().catch(warnColours));
  }
  // Content scripts that go into pages already open get the colours with them (councilPageStyles.ts).
  browser.runtime.onInstalled.addListener(() => void highlightStyles.colourOpenPages().catch(warnColours));
  browser.permissions.onAdded.addListener(
    ({ origins }) => void colourOpenTabs(sitePatterns(origins ?? [])).catch(warnColours),
  );

  // The notebook lives here, in the extension's origin; content scripts ask for it.
  // A tab reads and writes only the notes of the document it shows.
  const db = new RatsmarkerDB();
  onMessage(
    'notesForDocument',
    guard(['content-script'], DocumentKeySchema, async (key, sender) =>
      notesForDocument(db, await ownDocument(key, sender)),
    ),
  );
  onMessage(
    'addNote',
    guard(['content-script'], NewNoteSchema, async (note, sender) => {
      await ownDocument(note.document.key, sender);
      return addNote(db, note);
    }),
  );
  onMessage(
    'notesAnchored',
    guard(['content-script'], AnchoredSchema, async ({ found, orphaned }, sender) => {
      const own = new Set((await notesForDocument(db, await documentOf(sender))).map((n) => n.id));
      await setOrphaned(
        db,
        found.filter((id) => own.has(id)),
        orphaned.filter((id) => own.has(id)),
      );
    }),
  );
  // The meeting radar: agenda tabs have their items' documents read (offscreen in Chrome), and may read
  // the reader's notes on the documents their radar read, for the briefing.
  relayRadar(
    (sender) => senderIs('content-script', sender),
    async (keys) => (await Promise.all(keys.map((k) => notesForDocument(db, k)))).flat(),
  );

  // On every start, not only on install: Firefox forgets the menus when the browser restarts.
  void setUpContextMenus(browser.contextMenus, (key) => t(key)).catch(() => undefined);
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
