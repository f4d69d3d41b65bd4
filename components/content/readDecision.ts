import { doesUrlMatchPatterns } from 'webext-patterns';
import { COUNCIL_PATHS, isKnownCouncilUrl } from '@/utils/detect/councilHosts';

/** All SessionNet and ALLRIS product pages, on any host: what "Alle SessionNet- und ALLRIS-Seiten prüfen" asks for. */
export const ALL_COUNCIL_PAGES: readonly string[] = COUNCIL_PATHS.map((path) => `*://*${path}`);

/**
 * The key of the sites the reader added (granted origins beyond the
 * manifest's), written by the background whenever they change
 * (components/addedSites.ts), read by the content script without waking the background.
 */
export const ADDED_SITES_KEY = 'addedSites';

/**
 * A grant of every host (`<all_urls>`, or a pattern whose host is the wildcard alone): what the browsers report
 * for "all SessionNet and ALLRIS pages", which is not a site the reader added by name.
 */
export const grantsEveryHost = (pattern: string): boolean =>
  pattern === '<all_urls>' || /^[^:]+:\/\/\*\//.test(pattern);

/**
 * How much of a page the content script may read:
 * - 'any': the reader asked for this page, or added this very site;
 * - 'product': a council product page (by its address) that must still prove
 *   its product before anything else of it is read;
 * - 'none': leave at once, having looked at the address only.
 *
 * Browsers grant host permissions for whole sites, whatever path was asked
 * for: after "all SessionNet and ALLRIS pages" the content script is
 * registered on every page of every site, and this is what keeps it to
 * council pages.
 */
export function readMode(
  url: Pick<URL, 'href' | 'protocol' | 'hostname' | 'pathname' | 'search'>,
  o: { requested: boolean; addedPatterns: readonly string[] },
): 'any' | 'product' | 'none' {
  if (o.requested) return 'any';
  if (isKnownCouncilUrl(url)) return 'product';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'none';
  // A site the reader added by name; not a grant for every host.
  const sites = o.addedPatterns.filter((p) => !grantsEveryHost(p));
  if (sites.length > 0 && doesUrlMatchPatterns(url.href, ...sites)) return 'any';
  if (doesUrlMatchPatterns(url.href, ...ALL_COUNCIL_PAGES)) return 'product';
  return 'none';
}
