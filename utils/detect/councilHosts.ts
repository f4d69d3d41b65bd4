/**
 * Council information systems Ratsmarker checks without being asked: the
 * hosts of the larger cities' SessionNet and ALLRIS installations, on those
 * products' page paths only. Every other site is one click away (optional host
 * permissions). Düsseldorf first.
 */
export const KNOWN_COUNCIL_HOSTS: readonly string[] = [
  'ratsinfo.duesseldorf.de',
  'ratsinformation.stadt-koeln.de',
  'ratsinfo.dresden.de',
  'ratsinfo.leipzig.de',
  '*.hamburg.de',
  'www.berlin.de',
  'www.stadt-muenster.de',
  'sessionnet.owl-it.de',
  'sessionnet.krz.de',
  'session.bochum.de',
  'ratsinfo.braunschweig.de',
  'ratsinfo.stadt.wolfsburg.de',
  'ris.osnabrueck.de',
  'egov.potsdam.de',
  'ratsinfo.magdeburg.de',
  'ratsinfo.halle.de',
  'buergerinfo.stadt-frankfurt-oder.de',
  'rat.eschweiler.de',
  'buergerinfo.luedenscheid.de',
  'ratsinfo.laatzen.de',
];

/** The paths of the products' document pages: Vorlagen, agenda items (see sessionnet.ts and allris.ts). */
export const DOCUMENT_PATHS: readonly string[] = [
  '/*vo0050.asp*',
  '/*vo0050.php*',
  '/*vo0053.asp*',
  '/*vo0053.php*',
  '/*to0050.asp*',
  '/*to0050.php*',
  '/*vo020.asp*',
  '/*to020.asp*',
  '/*public/vo020*',
  '/*public/to020*',
];

/** The paths of meetings' agendas (SessionNet 5/6 si0057 and si0056, SessionNet 4 to0040, ALLRIS to010). */
export const AGENDA_PATHS: readonly string[] = [
  '/*si0057.asp*',
  '/*si0057.php*',
  '/*si0056.asp*',
  '/*si0056.php*',
  '/*to0040.asp*',
  '/*to0040.php*',
  '/*to010.asp*',
  '/*public/to010*',
];

/** Every product path. */
export const COUNCIL_PATHS: readonly string[] = [...DOCUMENT_PATHS, ...AGENDA_PATHS];

const onKnownHosts = (paths: readonly string[]) =>
  KNOWN_COUNCIL_HOSTS.flatMap((host) => paths.map((path) => `*://${host}${path}`));

/** Match patterns of the pages Ratsmarker checks without being asked: every known host on every product path. */
export function councilMatchPatterns(): string[] {
  return onKnownHosts(COUNCIL_PATHS);
}

/** The content script's share of them: document pages (agendas get the small agenda script instead). */
export function councilDocumentPatterns(): string[] {
  return onKnownHosts(DOCUMENT_PATHS);
}

/** The agenda script's share: meetings' agendas. */
export function councilAgendaPatterns(): string[] {
  return onKnownHosts(AGENDA_PATHS);
}

/** The known council hosts as host permissions (the PDF viewer fetches their documents). */
export function councilHostPatterns(): string[] {
  return KNOWN_COUNCIL_HOSTS.map((host) => `*://${host}/*`);
}

/** The URL is a product page of a known council host (where the page must still prove its product). */
export function isKnownCouncilUrl(url: Pick<URL, 'hostname' | 'pathname' | 'search'>): boolean {
  const host = url.hostname;
  const known = KNOWN_COUNCIL_HOSTS.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));
  if (!known) return false;
  // Chrome matches a pattern's path against the path with its query string.
  const target = url.pathname + url.search;
  return PATH_PATTERN.test(target);
}

// Every product path is "/*name*", a path that contains the name: one
// expression for all of them (this runs on every page of a known host).
const PATH_PATTERN = new RegExp(
  COUNCIL_PATHS.map((glob) => glob.replace(/^\/\*|\*$/g, '').replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('|'),
);
