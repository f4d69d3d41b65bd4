// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PacksSection } from '@/components/options/PacksSection';
import de from '../../locales/de.json';
import en from '../../locales/en.json';
import { lang } from './catalogueI18n';

vi.mock('@/components/i18n', () => import('./catalogueI18n'));

const RESOLUTION = readFileSync(`${process.cwd()}/tests/fixtures/resolutions/st4_rheinufer.txt`, 'utf8');
// chrome.storage.local's own words for a full store and for an extension reloaded under the page.
const FAULTS = {
  quota: () => new Error('QUOTA_BYTES quota exceeded'),
  closed: () => new Error('Extension context invalidated.'),
};

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => {
  render(null, root);
  vi.restoreAllMocks();
});
const button = (name: string) => {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent?.trim() === name);
  if (!b) throw new Error(`no button ${name}`);
  return b;
};
const stored = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

describe.each([
  ['de', 'quota'],
  ['de', 'closed'],
  ['en', 'quota'],
  ['en', 'closed'],
] as const)('saving packs in %s when storage fails (%s)', (language, fault) => {
  const catalogue = language === 'de' ? de : en;
  it('says why in the reader’s language, keeps the pasted text and the list, writes nothing', async () => {
    lang.current = language;
    render(h(PacksSection, {}), root);
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="pack"]').length).toBe(1));
    const text = root.querySelector('textarea') as HTMLTextAreaElement;
    text.value = RESOLUTION;
    text.dispatchEvent(new Event('input', { bubbles: true }));
    const before = await stored();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(FAULTS[fault]());
    button(catalogue.optionsAdd.message).click();
    const shown = await vi.waitFor(() => {
      const p = root.querySelector('[data-testid="pack-save-failure"]');
      if (!p?.textContent) throw new Error('not shown yet');
      return p.textContent;
    });
    expect(shown).toContain(catalogue[fault === 'quota' ? 'errStorageFull' : 'errStorageClosed'].message);
    expect(shown).toContain(catalogue.optionsSaveFailed.message.split(' – ')[0]);
    expect(text.value).toBe(RESOLUTION);
    expect(root.querySelectorAll('[data-testid="pack"]').length).toBe(1);
    expect(await stored()).toBe(before);

    // Switching a pack off fails the same way, and the switch shows the stored state again.
    const toggle = root.querySelector<HTMLInputElement>('[data-testid="pack"] input[type="checkbox"]');
    expect(toggle?.checked).toBe(true);
    toggle?.click();
    await vi.waitFor(() => expect(toggle?.checked).toBe(true));
    expect(await stored()).toBe(before);
  });
});
