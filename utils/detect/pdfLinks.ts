/**
 * Links to a council document's PDF, as the council systems write them:
 * SessionNet `getfile.asp?id=…&type=do` / `getfile.php`, ALLRIS 3 `do027.asp`
 * and ALLRIS 4 `/public/doc…` or Wicket resources ending in `.pdf`, and any
 * plain link to a `.pdf`. Pure predicates on what the link says of itself, so
 * they run on fixtures in Node.
 */

export interface LinkFacts {
  href: string;
  /** The link's `type` attribute (`application/pdf`). */
  type?: string | null;
  /** Title, aria-label, tooltip and class: where systems say "Dateityp: pdf". */
  hints?: string;
}

const PDF_PATH = /\.pdf$/i;
const SESSIONNET_FILE = /\/getfile\.(?:asp|php)$/i;
const ALLRIS3_FILE = /\/do027\.asp$/i;
const ALLRIS4_FILE = /\/public\/doc(?:\/|$)/i;
// A stated file type other than PDF ("Dateityp: docx") rules a download out.
const STATED_TYPE = /(?:dateityp|file\s*type|typ)\s*:?\s*([a-z0-9]{2,5})\b/i;

/**
 * The path with its ASCII escapes read ("%2Epdf" is ".pdf"). Only those:
 * older council servers escape umlauts in Latin-1 ("%E4"), which
 * decodeURIComponent rejects with a URIError, and no file type needs them.
 */
function readablePath(url: URL): string {
  return url.pathname.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The URL of a PDF of a council document (or any PDF), by its address alone. */
export function isPdfUrl(url: URL): boolean {
  if (!/^(?:https?|file):$/.test(url.protocol)) return false;
  const path = readablePath(url);
  if (PDF_PATH.test(path)) return true;
  if (SESSIONNET_FILE.test(path)) return url.searchParams.has('id');
  return ALLRIS3_FILE.test(path) || ALLRIS4_FILE.test(path);
}

/** A link on a council page that leads to a PDF the viewer can open. */
export function isPdfLink(link: LinkFacts, base: string): boolean {
  let url: URL;
  try {
    url = new URL(link.href, base);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(url.protocol)) return false;
  const stated = STATED_TYPE.exec(link.hints ?? '')?.[1]?.toLowerCase();
  if (stated && stated !== 'pdf') return false;
  if (link.type && !/pdf/i.test(link.type)) return false;
  return isPdfUrl(url) || /pdf/i.test(link.type ?? '') || stated === 'pdf';
}

/** A way to a PDF on a page: the element the reader sees and the PDF's address. */
export interface PdfLinkOnPage {
  element: Element;
  url: string;
}

/**
 * The links of a page that lead to PDFs, one per address: where a system
 * shows an icon button and a text link to the same file, the text link.
 * ALLRIS 3 reaches its documents through small POST forms to do027.asp;
 * the same fields as a query string open the same file.
 */
export function pdfLinksOf(root: ParentNode, base: string): PdfLinkOnPage[] {
  const byUrl = new Map<string, Element>();
  const hasText = (e: Element) => !!e.textContent?.trim() || !!e.querySelector('input[type=submit][value]');
  const offer = (url: string, element: Element) => {
    const seen = byUrl.get(url);
    if (!seen || (!hasText(seen) && hasText(element))) byUrl.set(url, element);
  };
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (a.closest('[data-ratsmarker-ui]')) continue;
    const href = a.getAttribute('href') ?? '';
    const hints = ['title', 'aria-label', 'data-simpletooltip-text', 'class']
      .map((n) => a.getAttribute(n) ?? '')
      .join(' ');
    if (isPdfLink({ href, type: a.getAttribute('type'), hints }, base)) offer(new URL(href, base).href, a);
  }
  for (const form of root.querySelectorAll<HTMLFormElement>('form[action]')) {
    let url: URL;
    try {
      url = new URL(form.getAttribute('action') ?? '', base);
    } catch {
      continue;
    }
    if (!ALLRIS3_FILE.test(url.pathname)) continue;
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type=hidden][name]'))
      url.searchParams.set(input.name, input.value);
    if (url.searchParams.has('DOLFDNR')) offer(url.href, form);
  }
  return [...byUrl].map(([url, element]) => ({ element, url }));
}
