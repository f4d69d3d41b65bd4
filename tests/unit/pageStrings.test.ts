import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storePageStrings } from '@/components/background/pageStrings';
import { readStartup } from '@/components/content/startupRead';
import { t, useStoredStrings } from '@/components/i18n';
import { fillMessage, PAGE_STRINGS_KEY, pageStringsFrom } from '@/components/pageStrings';
import de from '../../locales/de.json';
import en from '../../locales/en.json';

describe('strings for council pages, stored by the background', () => {
  const asked = vi.fn((key: string, subs?: string[]) => `browser:${key}:${(subs ?? []).join(',')}`);
  beforeEach(() => {
    fakeBrowser.reset();
    asked.mockClear();
    fakeBrowser.i18n.getMessage = asked as unknown as typeof fakeBrowser.i18n.getMessage;
  });
  afterEach(() => {
    useStoredStrings(undefined);
    vi.unstubAllGlobals();
  });

  it('puts the substitutions where the browser would', () => {
    expect(fillMessage('$1: $2', ['KW21, Z. 7–8', 'Partnerstadt'])).toBe('KW21, Z. 7–8: Partnerstadt');
    expect(fillMessage('$2 vor $1', ['a', 'b'])).toBe('b vor a');
    expect(fillMessage('$1 Notiz(en)', [])).toBe(' Notiz(en)');
    expect(fillMessage('Ohne Platzhalter', ['x'])).toBe('Ohne Platzhalter');
  });

  it('takes only a record of strings', () => {
    expect(pageStringsFrom({ a: 'x' })).toEqual({ a: 'x' });
    for (const bad of [null, undefined, 'x', ['x'], { a: 1 }, { a: { message: 'x' } }])
      expect(pageStringsFrom(bad)).toBeUndefined();
  });

  it('answers a page from the stored strings without asking the browser', () => {
    useStoredStrings({ badgeLabel: '$1: $2', cardTitle: 'Position' });
    expect(t('badgeLabel', ['KW21, Z. 7–8', 'Städtepartnerschaft'])).toBe('KW21, Z. 7–8: Städtepartnerschaft');
    expect(t('cardTitle')).toBe('Position');
    expect(asked).not.toHaveBeenCalled();
  });

  it('asks the browser for a key the stored strings lack, and for every key when none are stored', () => {
    useStoredStrings({ cardTitle: 'Position' });
    expect(t('cardClose')).toBe('browser:cardClose:');
    useStoredStrings({ broken: 1 });
    expect(t('cardTitle')).toBe('browser:cardTitle:');
    expect(asked).toHaveBeenCalledTimes(2);
  });

  it('stores every key of the catalogue in the browser’s language, with slots for the substitutions', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ cardTitle: { message: 'x' }, badgeLabel: { message: 'y' } }))),
    );
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string[]) =>
      key === 'badgeLabel' ? `${subs?.[0]}: ${subs?.[1]}` : 'Position') as typeof fakeBrowser.i18n.getMessage;
    await storePageStrings();
    const stored = (await fakeBrowser.storage.local.get(PAGE_STRINGS_KEY))[PAGE_STRINGS_KEY];
    expect(stored).toEqual({ cardTitle: 'Position', badgeLabel: '$1: $2' });
    useStoredStrings(stored);
    expect(t('badgeLabel', ['a', 'b'])).toBe('a: b');
  });

  it('reads the strings with the page’s one startup read', async () => {
    await fakeBrowser.storage.local.set({ [PAGE_STRINGS_KEY]: { cardTitle: 'Position' } });
    expect((await readStartup())[PAGE_STRINGS_KEY]).toEqual({ cardTitle: 'Position' });
  });

  it('has the same keys in every catalogue (the background reads the German one’s keys)', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });
});
