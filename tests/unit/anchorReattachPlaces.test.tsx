// @vitest-environment happy-dom
/**
 * The popup's re-attach part for a note no longer found: the places the page
 * offers (offeredPlaces, asked of the tab), each one click, with a question
 * that fits what was found: several places alike, or one place whose context
 * differs from the note's (a restatement, not taken on its own).
 */
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NoteReattach } from '@/components/notes/NoteReattach';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import type { Note, NoteTarget } from '@/utils/notes/types';

const TEXT = 'Begründung:\nAustausch der Müllcontainer, Sanierung.\nBeschluss:\nc) Austausch der Müllcontainer,';
const targetAt = (start: number, end: number): NoteTarget => ({
  quote: describeQuote(TEXT, start, end),
  position: describePosition(start, end),
});
const NOTE: Note = {
  id: 'n1',
  document: { key: 'k', site: 'example.de', url: 'https://example.de/vo0050.asp' },
  documentKey: 'k',
  target: targetAt(TEXT.lastIndexOf('c) '), TEXT.length),
  measureIds: [],
  text: 'Container tauschen',
  tags: [],
  created: '2026-12-01T00:00:00.000Z',
  updated: '2026-12-01T00:00:00.000Z',
  terms: [],
  orphaned: true,
};

/** The popup part, with the tab answering `notePlaces` with `places`. */
async function shown(places: NoteTarget[]) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, envelope: { type: string }) =>
    envelope.type === 'notePlaces' ? { res: places } : { res: undefined }) as never);
  const host = document.createElement('div');
  render(<NoteReattach note={NOTE} canReattach />, host);
  await vi.waitFor(() => expect(host.querySelector('.note-places') !== null || places.length === 0).toBe(true));
  return host;
}

describe('the places offered for a note no longer found', () => {
  // The message key and its values stand in for the message: the test is about which message is shown.
  beforeAll(() => {
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string[]) =>
      [key, ...(subs ?? [])].join(' ')) as typeof fakeBrowser.i18n.getMessage;
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('asks "is it this one?" for one place whose context differs, and "which one?" for several alike', async () => {
    const restated = TEXT.indexOf('Austausch');
    const one = await shown([targetAt(restated, restated + 'Austausch der Müllcontainer,'.length)]);
    expect(one.querySelector('.note-places .meta')?.textContent).toBe('popupReattachPlace');
    expect([...one.querySelectorAll('.note-places button')].map((b) => b.textContent)).toEqual([
      'popupReattachHere Austausch der Müllcontainer,',
    ]);
    const two = await shown([
      targetAt(restated, restated + 9),
      targetAt(TEXT.lastIndexOf('Austausch'), TEXT.lastIndexOf('Austausch') + 9),
    ]);
    expect(two.querySelector('.note-places .meta')?.textContent).toBe('popupReattachPlaces');
    expect(two.querySelectorAll('.note-places button')).toHaveLength(2);
  });
});
