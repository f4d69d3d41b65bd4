import { describe, expect, it } from 'vitest';
import { isAgendaPath } from '@/utils/detect/agendaPage';
import { allris } from '@/utils/detect/allris';
import {
  councilAgendaPatterns,
  councilDocumentPatterns,
  councilMatchPatterns,
  isKnownCouncilUrl,
  KNOWN_COUNCIL_HOSTS,
} from '@/utils/detect/councilHosts';
import { systemForUrl } from '@/utils/detect/readCouncilPage';
import { sessionnet } from '@/utils/detect/sessionnet';

// Real addresses of council pages (tests/fixtures/ris/SOURCES.md and the
// products' own links), with the system that serves them.
const SESSIONNET_PAGES = [
  'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0050.asp?__kvonr=1',
  'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/vo0053.asp?__kvonr=48213',
  'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/si0057.asp?__ksinr=7412',
  'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/to0050.asp?__ktonr=98305',
  'https://rat.eschweiler.de/bi/vo0050.php?__kvonr=12546',
  'https://buergerinfo.luedenscheid.de/vo0050.asp?__kvonr=2636',
  'https://www.stadt-muenster.de/sessionnet/sessionnetbi/si0057.php?__ksinr=1',
];
const ALLRIS_PAGES = [
  'https://sitzungsdienst-hamburg-mitte.hamburg.de/bi/vo020.asp?VOLFDNR=1020365',
  'http://sitzungsdienst-altona.hamburg.de/bi/to020.asp?TOLFDNR=1049839',
  'https://sitzungsdienst-wandsbek.hamburg.de/bi/to010.asp?SILFDNR=1003545',
  'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238',
];
// Council hosts, but not a document, agenda-item or meeting page.
const COUNCIL_HOST_OTHER_PAGES = [
  'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/',
  'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/info.asp',
  'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/getfile.asp?id=231877&type=do',
  'https://sitzungsdienst-hamburg-mitte.hamburg.de/bi/allris.net.asp',
  'https://sitzungsdienst-hamburg-mitte.hamburg.de/bi/vo040.asp',
  'https://ratsinfo.laatzen.de/public/vo040',
  'https://www.hamburg.de/politik/',
];
const UNKNOWN_HOST_COUNCIL_PAGES: [string, string][] = [
  ['https://ratsinfo.example.org/bi/vo0050.asp?__kvonr=1', 'sessionnet'],
  ['https://sessionnet.example.net/si0057.php?__ksinr=3', 'sessionnet'],
  ['https://ris.example.org/bi/vo020.asp?VOLFDNR=1', 'allris'],
  ['https://ris.example.org/public/to010?SILFDNR=1', 'allris'],
];
const NOT_COUNCIL_PAGES = [
  'https://example.com/vo020.aspx',
  'https://example.com/vo0050.asp.html',
  'https://example.com/blog/vo0050-asp',
  'https://example.com/public/vo0200',
  'https://blog.example.org/2024/reisebericht.html',
];

const url = (href: string) => new URL(href);

describe('systemForUrl', () => {
  it.each(SESSIONNET_PAGES)('SessionNet: %s', (href) => {
    expect(systemForUrl(url(href))?.id).toBe('sessionnet');
    expect(allris.isCouncilUrl(url(href))).toBe(false);
  });

  it.each(ALLRIS_PAGES)('ALLRIS: %s', (href) => {
    expect(systemForUrl(url(href))?.id).toBe('allris');
    expect(sessionnet.isCouncilUrl(url(href))).toBe(false);
  });

  it.each(UNKNOWN_HOST_COUNCIL_PAGES)('goes by the path, whatever the host: %s', (href, system) => {
    expect(systemForUrl(url(href))?.id).toBe(system);
  });

  it.each([...COUNCIL_HOST_OTHER_PAGES, ...NOT_COUNCIL_PAGES])('no system: %s', (href) => {
    expect(systemForUrl(url(href))).toBeUndefined();
  });

  it('ignores query and fragment', () => {
    expect(systemForUrl(url('https://example.com/start.html?next=/bi/vo020.asp'))).toBeUndefined();
    expect(systemForUrl(url('https://example.com/start.html#/vo0050.asp'))).toBeUndefined();
    expect(systemForUrl(url('https://rat.eschweiler.de/bi/vo0050.php?__kvonr=12546#top'))?.id).toBe('sessionnet');
  });
});

describe('isKnownCouncilUrl', () => {
  it.each([...SESSIONNET_PAGES, ...ALLRIS_PAGES.filter((href) => !href.includes('laatzen'))])(
    'known council page: %s',
    (href) => {
      expect(isKnownCouncilUrl(url(href))).toBe(true);
    },
  );

  it.each(COUNCIL_HOST_OTHER_PAGES)('a known host, but not a product page: %s', (href) => {
    expect(isKnownCouncilUrl(url(href))).toBe(false);
  });

  it.each(UNKNOWN_HOST_COUNCIL_PAGES)('a product page on an unknown host: %s', (href, system) => {
    expect(isKnownCouncilUrl(url(href))).toBe(false);
    expect(systemForUrl(url(href))?.id).toBe(system);
  });

  it.each(NOT_COUNCIL_PAGES)('not a council page: %s', (href) => {
    expect(isKnownCouncilUrl(url(href))).toBe(false);
  });

  it('takes "*.hamburg.de" for its subdomains only, not for look-alike hosts', () => {
    expect(isKnownCouncilUrl(url('https://sitzungsdienst-harburg.hamburg.de/bi/vo020.asp?VOLFDNR=1014761'))).toBe(true);
    expect(isKnownCouncilUrl(url('https://sitzungsdienst-harburg.nothamburg.de/bi/vo020.asp?VOLFDNR=1'))).toBe(false);
    expect(isKnownCouncilUrl(url('https://hamburg.de.example.com/bi/vo020.asp?VOLFDNR=1'))).toBe(false);
    expect(isKnownCouncilUrl(url('https://ratsinfo.duesseldorf.de.example.com/vo0050.asp?__kvonr=1'))).toBe(false);
  });

  it('every known council page is a page of one of the systems', () => {
    for (const href of [...SESSIONNET_PAGES, ...ALLRIS_PAGES, ...COUNCIL_HOST_OTHER_PAGES])
      if (isKnownCouncilUrl(url(href))) expect(systemForUrl(url(href)), href).toBeDefined();
  });

  // BUG: COUNCIL_PATHS has "/*/public/vo020*", which needs a path segment before
  // "/public/"; Laatzen's ALLRIS 4 serves /public/vo020 at the root of its host.
  it('knows the ALLRIS 4 document page of Laatzen, a listed host', () => {
    expect(isKnownCouncilUrl(url('https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238'))).toBe(true);
  });
});

/** Whether a Chrome match pattern matches a URL (scheme, host, then path + query against the path glob). */
function matchesPattern(pattern: string, href: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme = '', host = '', path = ''] = m;
  const u = url(href);
  const protocol = u.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hostOk = host.startsWith('*.')
    ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1))
    : u.hostname === host;
  if (!hostOk) return false;
  const glob = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return glob.test(u.pathname + u.search);
}

describe('councilMatchPatterns', () => {
  const patterns = councilMatchPatterns();

  it('is a list of syntactically valid Chrome match patterns', () => {
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) {
      const m = /^([^:]+):\/\/([^/]*)(\/.*)$/.exec(p);
      expect(m, p).not.toBeNull();
      const [, scheme = '', host = '', path = ''] = m ?? [];
      expect(scheme, p).toBe('*');
      // Host: "*.rest" or an exact host name; no other wildcard, no port, no user info.
      expect(host, p).toMatch(/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/);
      expect(path.startsWith('/'), p).toBe(true);
      expect(path, p).not.toMatch(/[\s#]/);
    }
  });

  it('has no duplicates and covers every known host', () => {
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const host of KNOWN_COUNCIL_HOSTS)
      expect(
        patterns.some((p) => p.startsWith(`*://${host}/`)),
        host,
      ).toBe(true);
  });

  it.each([...SESSIONNET_PAGES, ...ALLRIS_PAGES.filter((href) => !href.includes('laatzen'))])(
    'lets the content script run on %s',
    (href) => {
      expect(patterns.some((p) => matchesPattern(p, href))).toBe(true);
    },
  );

  it.each([...COUNCIL_HOST_OTHER_PAGES, ...UNKNOWN_HOST_COUNCIL_PAGES.map(([href]) => href), ...NOT_COUNCIL_PAGES])(
    'keeps the content script off %s',
    (href) => {
      expect(patterns.some((p) => matchesPattern(p, href))).toBe(false);
    },
  );

  it('agrees with isKnownCouncilUrl on every address here', () => {
    const all = [
      ...SESSIONNET_PAGES,
      ...ALLRIS_PAGES,
      ...COUNCIL_HOST_OTHER_PAGES,
      ...UNKNOWN_HOST_COUNCIL_PAGES.map(([href]) => href),
      ...NOT_COUNCIL_PAGES,
    ];
    for (const href of all)
      expect(
        patterns.some((p) => matchesPattern(p, href)),
        href,
      ).toBe(isKnownCouncilUrl(url(href)));
  });

  // BUG: Chrome matches the path glob against path + query, isKnownCouncilUrl
  // against the path only. The content script is then injected on such a page
  // but isKnownCouncilUrl says false, so startContentScript reads it without
  // requiring the product's markup (requireProduct = false).
  it('agrees with isKnownCouncilUrl when a product page name stands only in the query', () => {
    const href = 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/info.asp?back=vo0050.asp';
    expect(patterns.some((p) => matchesPattern(p, href))).toBe(isKnownCouncilUrl(url(href)));
  });

  // BUG: same cause as above: "*://ratsinfo.laatzen.de/*/public/vo020*" does not match /public/vo020?….
  it('lets the content script run on the ALLRIS 4 pages of Laatzen', () => {
    expect(patterns.some((p) => matchesPattern(p, 'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238'))).toBe(
      true,
    );
  });
});

describe('which script a known council page gets', () => {
  const agendas = [
    'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/si0057.asp?__ksinr=7412',
    'https://www.stadt-muenster.de/sessionnet/sessionnetbi/si0057.php?__ksinr=1',
    'https://ratsinfo.halle.de/si0056.asp?__ksinr=21804',
    'https://ratsinfo.halle.de/to0040.asp?__ksinr=21804',
    'https://sitzungsdienst-wandsbek.hamburg.de/bi/to010.asp?SILFDNR=1003545',
  ];
  const documents = [
    ...SESSIONNET_PAGES.filter((href) => !/si005[67]/.test(href)),
    ...ALLRIS_PAGES.filter((href) => !href.includes('to010')),
  ];
  const agendaPatterns = councilAgendaPatterns();
  const documentPatterns = councilDocumentPatterns();

  it.each(agendas)('the agenda script, not the content script, on the agenda %s', (href) => {
    expect(agendaPatterns.some((p) => matchesPattern(p, href))).toBe(true);
    expect(documentPatterns.some((p) => matchesPattern(p, href))).toBe(false);
    expect(isAgendaPath(url(href).pathname)).toBe(true);
  });

  it.each(documents)('the content script, not the agenda script, on the document page %s', (href) => {
    expect(documentPatterns.some((p) => matchesPattern(p, href))).toBe(true);
    expect(agendaPatterns.some((p) => matchesPattern(p, href))).toBe(false);
    expect(isAgendaPath(url(href).pathname)).toBe(false);
  });

  it('splits the council pages without a gap or an overlap', () => {
    expect([...agendaPatterns, ...documentPatterns].sort()).toEqual([...councilMatchPatterns()].sort());
  });
});
