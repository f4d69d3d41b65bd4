import { describe, expect, it } from 'vitest';
import { storedColours } from '@/components/activeSpecs';
import {
  colourPagePatterns,
  colourSheet,
  colourSheets,
  HIGHLIGHT_STYLES_ID,
  hasRegisteredColours,
  highlightRegistration,
  type StyleRegistration,
  type StyleScripting,
  syncHighlightStyles,
} from '@/components/background/highlightStyles';
import { PALETTE } from '@/components/content/palette';
import { ALL_COUNCIL_PAGES } from '@/components/content/readDecision';
import { councilDocumentPatterns } from '@/utils/detect/councilHosts';

/**
 * The browser's registrations, as `scripting` keeps them and gives them back: Chrome its patterns sorted and
 * without duplicates and the files without the leading slash, Firefox (`firefox`) the files as URLs of the
 * extension. `calls` says what was asked of it.
 */
function fakeScripting(initial: StyleRegistration[] = [], firefox = false) {
  let registered = [...initial];
  const calls: string[] = [];
  const scripting: StyleScripting = {
    async getRegisteredContentScripts({ ids }) {
      return registered
        .filter((r) => ids.includes(r.id))
        .map((r) =>
          firefox
            ? { ...r, css: r.css?.map((f) => `moz-extension://abc${f}`) }
            : { ...r, matches: [...new Set(r.matches)].sort(), css: r.css?.map((f) => f.replace(/^\//, '')) },
        );
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
  it('one stylesheet per colour the active packs have; every colour’s while it is not known which', () => {
    expect(colourSheets(storedColours([3, 0, 3]))).toEqual(['/highlight-colours/0.css', '/highlight-colours/3.css']);
    expect(colourSheets([])).toEqual([]);
    expect(colourSheets(storedColours(undefined))).toHaveLength(PALETTE.length);
    expect(colourSheets(storedColours([9]))).toHaveLength(PALETTE.length);
    // A colour beyond the palette wraps round, as its slots do.
    expect(colourSheet(9)).toBe('/highlight-colours/1.css');
  });

  it('goes to the known hosts’ document pages and the added sites; a grant of every host only to council pages', () => {
    const added = ['https://rats.example.org/*'];
    expect(colourPagePatterns(added)).toEqual([...councilDocumentPatterns(), ...added]);
    const everywhere = colourPagePatterns(['*://*/*']);
    expect(everywhere).not.toContain('*://*/*');
    expect(everywhere).toEqual(expect.arrayContaining([...ALL_COUNCIL_PAGES]));
    expect(hasRegisteredColours('https://www.zeitung.example/artikel.html', everywhere)).toBe(false);
    expect(hasRegisteredColours('https://ratsinfo.irgendwo.example/vo0050.asp?__kvonr=1', everywhere)).toBe(true);
    expect(hasRegisteredColours('https://rats.example.org/si0057.asp', colourPagePatterns(added))).toBe(true);
    // A known host's agenda gets the agenda script, not the content script: no colours registered there.
    expect(
      hasRegisteredColours('http://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/si0057.asp', colourPagePatterns([])),
    ).toBe(false);
    expect(hasRegisteredColours(undefined, everywhere)).toBe(false);
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

  it('finds the registration equal in the form each browser gives it back', async () => {
    const wanted = highlightRegistration(
      ['/highlight-colours/4.css'],
      colourPagePatterns(['https://rats.example.org/*']),
    );
    for (const firefox of [false, true]) {
      const browser = fakeScripting(wanted ? [wanted] : [], firefox);
      expect(await syncHighlightStyles(browser.scripting, wanted)).toBe('unchanged');
      expect(browser.calls).toEqual([]);
    }
  });
});
