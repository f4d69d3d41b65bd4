import { describe, expect, it } from 'vitest';
import {
  colourSheet,
  colourSheets,
  HIGHLIGHT_STYLES_ID,
  highlightRegistration,
  type StyleRegistration,
  type StyleScripting,
  syncHighlightStyles,
} from '@/components/background/highlightStyles';

/** The browser's registrations, as `scripting` keeps them; `calls` says what was asked of it. */
function fakeScripting(initial: StyleRegistration[] = [], givesBackUrls = false) {
  let registered = [...initial];
  const calls: string[] = [];
  const scripting: StyleScripting = {
    async getRegisteredContentScripts({ ids }) {
      return registered
        .filter((r) => ids.includes(r.id))
        .map((r) => ({ ...r, css: givesBackUrls ? r.css?.map((f) => `moz-extension://abc${f}`) : r.css }));
    },
    async registerContentScripts(scripts) {
      calls.push('register');
      for (const s of scripts) {
        if (registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.push(s);
      }
    },
    async updateContentScripts(scripts) {
      calls.push('update');
      registered = registered.map((r) => ({ ...r, ...scripts.find((s) => s.id === r.id) }));
    },
    async unregisterContentScripts({ ids }) {
      calls.push('unregister');
      registered = registered.filter((r) => !ids.includes(r.id));
    },
  };
  return { scripting, calls, registered: () => registered };
}

const COUNCIL = ['*://ratsinfo.duesseldorf.de/*vo0050.asp*'];

describe('highlight colours of council pages', () => {
  it('one stylesheet per colour the active packs have, a colour beyond the palette wrapping as its slots do', () => {
    expect(colourSheets([{ colour: 3 }, { colour: 0 }, { colour: 3 }])).toEqual([
      '/highlight-colours/0.css',
      '/highlight-colours/3.css',
    ]);
    expect(colourSheet(9)).toBe('/highlight-colours/1.css');
    expect(colourSheets([])).toEqual([]);
  });

  it('registers the sheets on the content script’s pages, before the page is styled, in its top frame', () => {
    expect(highlightRegistration(['/highlight-colours/0.css'], COUNCIL)).toEqual({
      id: HIGHLIGHT_STYLES_ID,
      matches: COUNCIL,
      css: ['/highlight-colours/0.css'],
      runAt: 'document_start',
      allFrames: false,
      persistAcrossSessions: true,
    });
    // No active pack, or no page: nothing to register.
    expect(highlightRegistration([], COUNCIL)).toBeUndefined();
    expect(highlightRegistration(['/highlight-colours/0.css'], [])).toBeUndefined();
  });

  it('registers once, updates on a change of colours or sites, and leaves an equal registration alone', async () => {
    const browser = fakeScripting();
    const first = highlightRegistration(['/highlight-colours/0.css'], COUNCIL);
    expect(await syncHighlightStyles(browser.scripting, first)).toBe('registered');
    expect(await syncHighlightStyles(browser.scripting, first)).toBe('unchanged');
    const second = highlightRegistration(['/highlight-colours/0.css', '/highlight-colours/1.css'], COUNCIL);
    expect(await syncHighlightStyles(browser.scripting, second)).toBe('updated');
    expect(browser.registered()[0]?.css).toEqual(second?.css);
    const added = highlightRegistration(second?.css ?? [], [...COUNCIL, 'https://rats.example.org/*']);
    expect(await syncHighlightStyles(browser.scripting, added)).toBe('updated');
    expect(browser.registered()[0]?.matches).toContain('https://rats.example.org/*');
    expect(await syncHighlightStyles(browser.scripting, undefined)).toBe('removed');
    expect(await syncHighlightStyles(browser.scripting, undefined)).toBe('unchanged');
    expect(browser.calls).toEqual(['register', 'update', 'update', 'unregister']);
  });

  it('finds the registration equal when the browser gives the files back as the extension’s URLs (Firefox)', async () => {
    const wanted = highlightRegistration(['/highlight-colours/4.css'], COUNCIL);
    const browser = fakeScripting(wanted ? [wanted] : [], true);
    expect(await syncHighlightStyles(browser.scripting, wanted)).toBe('unchanged');
    expect(browser.calls).toEqual([]);
  });
});
