// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readMode } from '@/components/content/readDecision';
import { SitesList } from '@/components/options/SitesSection';
import { KNOWN_COUNCIL_HOSTS } from '@/utils/detect/councilHosts';

describe('the sites list', () => {
  // The message key stands in for the message: the test is about which lists and buttons there are.
  beforeAll(() => {
    fakeBrowser.i18n.getMessage = ((key: string) => key) as typeof fakeBrowser.i18n.getMessage;
  });
  it('shows the built-in hosts as built in, without remove buttons, and only the reader’s sites as added', () => {
    const host = document.createElement('div');
    const remove = vi.fn();
    render(<SitesList builtIn={KNOWN_COUNCIL_HOSTS} added={['https://ris.example.de/*']} onRemove={remove} />, host);
    const builtIn = host.querySelector('[data-testid="built-in-sites"]') as HTMLElement;
    expect(builtIn.querySelectorAll('li')).toHaveLength(KNOWN_COUNCIL_HOSTS.length);
    expect(builtIn.querySelectorAll('button')).toHaveLength(0);
    const added = host.querySelector('[data-testid="added-sites"]') as HTMLElement;
    expect([...added.querySelectorAll('code')].map((c) => c.textContent)).toEqual(['https://ris.example.de/*']);
    const buttons = added.querySelectorAll('button');
    expect(buttons).toHaveLength(1);
    (buttons[0] as HTMLButtonElement).click();
    expect(remove).toHaveBeenCalledWith('https://ris.example.de/*');
  });

  it('says so when the reader added none', () => {
    const host = document.createElement('div');
    render(<SitesList builtIn={KNOWN_COUNCIL_HOSTS} added={[]} onRemove={() => undefined} />, host);
    expect(host.querySelector('[data-testid="added-sites"]')).toBeNull();
    expect(host.textContent).toContain('optionsNoAddedSites');
    expect(host.querySelectorAll('button')).toHaveLength(0);
  });
});

describe('how much of a page the content script reads', () => {
  const mode = (href: string, addedPatterns: string[] = [], requested = false) =>
    readMode(new URL(href), { requested, addedPatterns });
  const ALL = ['*://*/*']; // what the browser grants for "all SessionNet and ALLRIS pages"

  it('a page the reader asked for: all of it', () => {
    expect(mode('https://news.example/article', [], true)).toBe('any');
  });
  it('a known council host’s product page: if it proves its product', () => {
    expect(mode('https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=1', ALL)).toBe('product');
  });
  it('after the grant for every site: council product pages only, every other page is left at once', () => {
    expect(mode('https://ris.kleinstadt.de/bi/vo020.asp?VOLFDNR=1', ALL)).toBe('product');
    expect(mode('https://ris.kleinstadt.de/public/to010?SILFDNR=1', ALL)).toBe('product');
    expect(mode('https://news.example/toulouse-partnerschaft', ALL)).toBe('none');
    expect(mode('https://ratsinfo.duesseldorf.de/impressum.html', ALL)).toBe('none');
    expect(mode('https://mail.example/inbox', ['<all_urls>'])).toBe('none');
  });
  it('a site the reader added by name: all its pages', () => {
    expect(mode('https://ris.example.de/any/page', ['https://ris.example.de/*', ...ALL])).toBe('any');
    expect(mode('https://other.example.de/any/page', ['https://ris.example.de/*'])).toBe('none');
  });
});
