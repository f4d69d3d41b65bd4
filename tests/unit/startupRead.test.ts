import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askForStartupEarly, takeStartupRead } from '@/components/content/startupRead';
import { PAGE_STRINGS_KEY } from '@/components/pageStrings';
import { PAGE_SNAPSHOT_KEY } from '@/utils/pipeline/pageSnapshotKey';

const at = (href: string) => new URL(href);
// A Vorlage of a known SessionNet host, and that host's agenda (which gets the agenda script, not the packs).
const DOCUMENT = 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=123';
const AGENDA = 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/to0040.asp?__ksinr=9';

describe('the startup read asked for as a council document begins to load', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    globalThis.__ratsmarkerEarlyStartup = undefined;
    await fakeBrowser.storage.local.set({ [PAGE_SNAPSHOT_KEY]: 'snapshot', [PAGE_STRINGS_KEY]: { a: 'b' } });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    globalThis.__ratsmarkerEarlyStartup = undefined;
  });

  it('is asked for once on a known host’s document page, and the content script takes it instead of reading again', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    askForStartupEarly(at(DOCUMENT));
    askForStartupEarly(at(DOCUMENT));
    expect(get).toHaveBeenCalledTimes(1);
    const read = await takeStartupRead();
    expect(read[PAGE_SNAPSHOT_KEY]).toBe('snapshot');
    expect(read[PAGE_STRINGS_KEY]).toEqual({ a: 'b' });
    expect(get).toHaveBeenCalledTimes(1);
    // Taken once: a later scan of the page reads storage anew (the packs may have changed since).
    await takeStartupRead();
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('is not asked for on an agenda, nor on a page of another site (a site the reader added reads when it proves to be one)', () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    askForStartupEarly(at(AGENDA));
    askForStartupEarly(at('https://www.example.org/vo0050.asp'));
    expect(get).not.toHaveBeenCalled();
    expect(globalThis.__ratsmarkerEarlyStartup).toBeUndefined();
  });
});
