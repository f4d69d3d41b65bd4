import { describe, expect, it, vi } from 'vitest';
import { addedSites } from '@/components/addedSites';
import { CHECK_MENU, type MenusApi, OPEN_PDF_MENU, setUpContextMenus } from '@/components/contextMenus';
import { createGuard, RefusedMessage } from '@/components/messageGuard';
import {
  AnchoredSchema,
  DocumentKeySchema,
  NewNoteSchema,
  PageReportSchema,
  PdfUrlSchema,
} from '@/components/messageSchemas';
import {
  type ContentScriptReach,
  isExtensionPage,
  isKeyOfPage,
  isOwnContentScript,
  mayCheckTab,
  mayUseDocument,
} from '@/components/senderChecks';
import { createTabMemory } from '@/components/tabMemory';
import { councilHostPatterns, councilMatchPatterns } from '@/utils/detect/councilHosts';

const self = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const MOTION = 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=4711';
const reach = (over: Partial<ContentScriptReach> = {}): ContentScriptReach => ({
  manifestPatterns: councilMatchPatterns(),
  addedPatterns: [],
  checkedTabs: new Map(),
  ...over,
});

describe('isOwnContentScript', () => {
  it('accepts this extension’s content script in a tab on a council page', () => {
    expect(isOwnContentScript({ id: self.id, url: MOTION, tab: { id: 3 } }, self, reach())).toBe(true);
  });

  it('refuses another extension, a sender without a tab, an extension page and a page the script does not run on', () => {
    expect(isOwnContentScript({ id: 'other', url: MOTION, tab: { id: 3 } }, self, reach())).toBe(false);
    expect(isOwnContentScript({ url: MOTION, tab: { id: 3 } }, self, reach())).toBe(false);
    expect(isOwnContentScript({ id: self.id, url: MOTION }, self, reach())).toBe(false);
    expect(isOwnContentScript({ id: self.id, url: MOTION, tab: { id: -1 } }, self, reach())).toBe(false);
    expect(isOwnContentScript({ id: self.id, url: `${self.origin}popup.html`, tab: { id: 3 } }, self, reach())).toBe(
      false,
    );
    // The council host, but not a council page (the script runs on product paths only).
    expect(
      isOwnContentScript(
        { id: self.id, url: 'https://ratsinfo.duesseldorf.de/impressum.html', tab: { id: 3 } },
        self,
        reach(),
      ),
    ).toBe(false);
    expect(
      isOwnContentScript({ id: self.id, url: 'https://evil.example/vo0050.asp', tab: { id: 3 } }, self, reach()),
    ).toBe(false);
    expect(isOwnContentScript({ id: self.id, url: 'not a url', tab: { id: 3 } }, self, reach())).toBe(false);
  });

  it('accepts a site the reader added, and a tab the reader checked on the site it was checked on', () => {
    const added = reach({ addedPatterns: ['https://ris.example.de/*'] });
    expect(isOwnContentScript({ id: self.id, url: 'https://ris.example.de/x', tab: { id: 3 } }, self, added)).toBe(
      true,
    );
    expect(isOwnContentScript({ id: self.id, url: 'https://other.example.de/x', tab: { id: 3 } }, self, added)).toBe(
      false,
    );
    const checked = reach({ checkedTabs: new Map([[7, 'https://stadt.example']]) });
    expect(isOwnContentScript({ id: self.id, url: 'https://stadt.example/a?b', tab: { id: 7 } }, self, checked)).toBe(
      true,
    );
    expect(isOwnContentScript({ id: self.id, url: 'https://stadt.example/a', tab: { id: 8 } }, self, checked)).toBe(
      false,
    );
    // The checked tab went on to another site: the script there is not the one the reader asked for.
    expect(isOwnContentScript({ id: self.id, url: 'https://evil.example/', tab: { id: 7 } }, self, checked)).toBe(
      false,
    );
  });
});

describe('isExtensionPage', () => {
  it('accepts the extension’s own pages only', () => {
    expect(isExtensionPage({ id: self.id, url: `${self.origin}popup.html` }, self)).toBe(true);
    expect(isExtensionPage({ id: self.id, url: `${self.origin}viewer.html?file=x`, tab: { id: 2 } }, self)).toBe(true);
    expect(isExtensionPage({ id: self.id, url: MOTION, tab: { id: 2 } }, self)).toBe(false);
    expect(isExtensionPage({ id: 'other', url: `${self.origin}popup.html` }, self)).toBe(false);
    expect(
      isExtensionPage({ id: self.id, url: 'chrome-extension://otherotherotherotherotherother/popup.html' }, self),
    ).toBe(false);
    expect(isExtensionPage({ id: self.id }, self)).toBe(false);
  });
});

describe('a tab reads and writes only the notes of the document it shows', () => {
  const numbered = 'ratsinfo.duesseldorf.de|AIF/012/2024';
  it('its own URL key, always', () => {
    expect(mayUseDocument(`${MOTION}`, `${MOTION}#top`, undefined)).toBe(true);
  });
  it('a numbered key only as its content script reported it for this page, and only on its own site', () => {
    expect(mayUseDocument(numbered, MOTION, numbered)).toBe(true);
    expect(mayUseDocument(numbered, MOTION, undefined)).toBe(false);
    expect(mayUseDocument('ratsinfo.duesseldorf.de|AIF/999/2024', MOTION, numbered)).toBe(false);
    expect(mayUseDocument('ratsinfo.koeln.de|AIF/012/2024', MOTION, 'ratsinfo.koeln.de|AIF/012/2024')).toBe(false);
    expect(mayUseDocument('https://other.example/doc', MOTION, 'https://other.example/doc')).toBe(false);
    expect(mayUseDocument(numbered, undefined, numbered)).toBe(false);
  });
  it('a report is remembered only for keys of the page that reported', () => {
    expect(isKeyOfPage(numbered, MOTION)).toBe(true);
    expect(isKeyOfPage(MOTION, `${MOTION}#x`)).toBe(true);
    expect(isKeyOfPage('ratsinfo.duesseldorf.de|pdf:abc', MOTION)).toBe(false);
    expect(isKeyOfPage('ratsinfo.duesseldorf.de|', MOTION)).toBe(false);
    expect(isKeyOfPage('evil.example|1', MOTION)).toBe(false);
  });
  it('the memory survives a restart of the worker (session storage) and forgets closed tabs', async () => {
    let stored: unknown = null;
    const item = {
      getValue: async () => stored as never,
      setValue: async (v: unknown) => {
        stored = structuredClone(v);
      },
    };
    const before = createTabMemory(item);
    await before.load();
    before.remember(4, MOTION, numbered);
    before.checked(5, 'https://stadt.example');
    await Promise.resolve();
    const after = createTabMemory(item);
    expect(await after.reportedKey(4, `${MOTION}#a`)).toBe(numbered);
    expect(
      await after.reportedKey(4, 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=1'),
    ).toBe(undefined);
    expect((await after.checkedTabs()).get(5)).toBe('https://stadt.example');
    after.forget(4);
    expect(await after.reportedKey(4, MOTION)).toBe(undefined);
  });
});

describe('checkTab', () => {
  it('only for the tab the reader looks at', () => {
    expect(mayCheckTab(12, [12])).toBe(true);
    expect(mayCheckTab(13, [12])).toBe(false);
    expect(mayCheckTab(-1, [-1])).toBe(false);
    expect(mayCheckTab(1.5, [1.5])).toBe(false);
  });
});

describe('the guard', () => {
  const guard = createGuard((kind, sender) =>
    kind === 'extension-page' ? isExtensionPage(sender, self) : isOwnContentScript(sender, self, reach()),
  );
  const content = { id: self.id, url: MOTION, tab: { id: 3 } };
  const popup = { id: self.id, url: `${self.origin}popup.html` };

  it('runs the handler for an allowed sender with valid data', async () => {
    const handler = vi.fn(async (key: string) => key.length);
    expect(await guard(['content-script'], DocumentKeySchema, handler)({ data: MOTION, sender: content })).toBe(
      MOTION.length,
    );
  });

  it('refuses the wrong sender and invalid data, without running the handler', async () => {
    const handler = vi.fn();
    await expect(
      guard(['content-script'], DocumentKeySchema, handler)({ data: MOTION, sender: popup }),
    ).rejects.toEqual(new RefusedMessage('sender'));
    await expect(
      guard(['extension-page'], PdfUrlSchema, handler)({ data: 'javascript:alert(1)', sender: popup }),
    ).rejects.toEqual(new RefusedMessage('data'));
    for (const bad of [
      null,
      {},
      { document: { key: 'k', site: 's', url: 'u' }, text: '' },
      { document: { key: 'k', site: 's', url: 'u' }, text: 1 },
      { document: { key: 'k', site: 's', url: 'u' }, text: 'x', tags: 'a' },
      { document: { key: 'k', site: 's', url: 'u' }, text: 'x', target: { quote: 'x' } },
      { document: { key: '', site: 's', url: 'u' }, text: 'x' },
    ])
      await expect(guard(['content-script'], NewNoteSchema, handler)({ data: bad, sender: content })).rejects.toEqual(
        new RefusedMessage('data'),
      );
    await expect(
      guard(['content-script'], AnchoredSchema, handler)({ data: { found: [1] }, sender: content }),
    ).rejects.toEqual(new RefusedMessage('data'));
    await expect(
      guard(['content-script'], PageReportSchema, handler)({ data: { count: -1 }, sender: content }),
    ).rejects.toEqual(new RefusedMessage('data'));
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('added sites', () => {
  const manifest = {
    host_permissions: councilHostPatterns(),
    content_scripts: [{ matches: councilMatchPatterns() }],
  };
  it('are the granted origins beyond the manifest’s own, so the built-in hosts are never listed as added', () => {
    expect(addedSites([...councilHostPatterns(), 'https://ris.example.de/*'], manifest)).toEqual([
      'https://ris.example.de/*',
    ]);
    expect(addedSites(councilHostPatterns(), manifest)).toEqual([]);
  });
  it('know Firefox’s Manifest V2, where host permissions stand among the permissions', () => {
    expect(
      addedSites([...councilHostPatterns(), '*://*/*'], { permissions: ['storage', ...councilHostPatterns()] }),
    ).toEqual(['*://*/*']);
  });
});

describe('context menus', () => {
  /** A contextMenus API that, like the browsers, refuses a second item with the same id and removing one that is not there. */
  const fakeMenus = () => {
    const items = new Map<string, { title: string; contexts: string[] }>();
    const api: MenusApi = {
      remove: async (id) => {
        if (!items.delete(id)) throw new Error(`Cannot find menu item with id ${id}`);
      },
      create: (p) => {
        if (items.has(p.id)) throw new Error(`Cannot create item with duplicate id ${p.id}`);
        items.set(p.id, { title: p.title, contexts: p.contexts });
      },
    };
    return { api, items };
  };
  const title = (key: string) => `«${key}»`;

  it('are made on every start of the background, and a second start in the same browser is harmless', async () => {
    const { api, items } = fakeMenus();
    await setUpContextMenus(api, title);
    await setUpContextMenus(api, title); // the worker stopped and started again; the browser kept the menus
    expect([...items.keys()]).toEqual([CHECK_MENU, OPEN_PDF_MENU]);
    expect(items.get(CHECK_MENU)).toEqual({ title: '«contextMenuCheck»', contexts: ['page'] });
  });

  it('are back after a browser restart (Firefox forgets them; no onInstalled then)', async () => {
    const { api, items } = fakeMenus();
    await setUpContextMenus(api, title);
    items.clear(); // the browser restarted
    await setUpContextMenus(api, title);
    expect(items.size).toBe(2);
  });

  it('leave other menu items alone (the toolbar’s permission toggle is made on every start too)', async () => {
    const { api, items } = fakeMenus();
    items.set('webext-permission-toggle:add-permission', {
      title: 'Auf dieser Website immer prüfen',
      contexts: ['action'],
    });
    await setUpContextMenus(api, title);
    await setUpContextMenus(api, title);
    expect([...items.keys()].sort()).toEqual(
      [CHECK_MENU, OPEN_PDF_MENU, 'webext-permission-toggle:add-permission'].sort(),
    );
  });
});
