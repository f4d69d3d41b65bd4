// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addedSites } from '@/components/addedSites';
import { factionServerPatterns, factionSettingsItem } from '@/components/background/factionProtocol';
import { GrantedHost } from '@/components/options/FactionSection';

// The faction's server is granted as an optional host, like a council site the reader adds; it is not one.
describe('the faction server’s host permission', () => {
  beforeAll(() => {
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string[]) =>
      [key, ...(subs ?? [])].join(' ')) as typeof fakeBrowser.i18n.getMessage;
  });
  beforeEach(() => fakeBrowser.reset());

  const manifest = { host_permissions: ['https://ratsinfo.duesseldorf.de/*'] };
  const granted = ['https://ratsinfo.duesseldorf.de/*', 'https://ris.example.de/*', 'https://couch.gruene.de/*'];

  it('is not among the added council sites while a faction is set up, and is again once it is not', async () => {
    expect(addedSites(granted, manifest, await factionServerPatterns())).toEqual([
      'https://ris.example.de/*',
      'https://couch.gruene.de/*',
    ]);
    await factionSettingsItem.setValue({
      serverUrl: 'https://couch.gruene.de:6984',
      database: 'fraktion',
      auth: { kind: 'password', user: 'anna', password: 'x' },
      authorName: 'Anna A.',
    });
    expect(await factionServerPatterns()).toEqual(['https://couch.gruene.de/*']);
    expect(addedSites(granted, manifest, await factionServerPatterns())).toEqual(['https://ris.example.de/*']);
  });

  it('says in the options what it grants: that host, for the sync, nothing else', () => {
    const host = document.createElement('div');
    render(<GrantedHost serverUrl="https://couch.gruene.de:6984/" />, host);
    expect(host.textContent).toBe('factionPermissionGrants https://couch.gruene.de/*');
    render(<GrantedHost serverUrl="kein Server" />, host);
    expect(host.textContent).toBe('');
  });
});
