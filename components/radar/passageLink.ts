import { viewerUrl } from '../viewer/viewerUrl';

// Text fragments (`#:~:text=start,end`) take a few words from each end of the
// passage: enough to find it, few enough to survive a line break or a
// hyphenation that the page writes differently from the extracted text.
const WORDS_AT_EACH_END = 4;

/** A text directive's term: percent-encoded, with the characters the syntax itself uses ("-", ",", "&") encoded too. */
const term = (words: readonly string[]) =>
  encodeURIComponent(words.join(' ')).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');

/**
 * Where a reader lands to see a passage: a PDF opens in the viewer at its page;
 * a web page opens with a text fragment that scrolls to and marks the passage
 * (Chrome and Firefox 131+; elsewhere the page simply opens).
 */
export function passageLink(documentUrl: string, passage: { text: string; page?: number }, isPdf: boolean): string {
  if (isPdf) return `${viewerUrl(documentUrl)}#page=${passage.page ?? 1}`;
  const words = passage.text.split(/\s+/).filter(Boolean);
  const url = new URL(documentUrl);
  url.hash = '';
  if (words.length === 0) return url.href;
  const directive =
    words.length <= WORDS_AT_EACH_END * 2
      ? term(words)
      : `${term(words.slice(0, WORDS_AT_EACH_END))},${term(words.slice(-WORDS_AT_EACH_END))}`;
  return `${url.href}#:~:text=${directive}`;
}
