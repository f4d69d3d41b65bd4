import { foldWord } from '../text/normalize';

// As the tokenizer reads words: decomposed umlauts and soft hyphens stay inside them.
const WORD = /[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060]+/gu;

// Words nobody searches notes by; leaving them out keeps the search index small.
const FUNCTION_WORDS = new Set(
  'der die das den dem des ein eine einer eines einem einen und oder aber als auch auf aus bei bis für fur mit nach von vom zum zur zu im in an am ist sind wird werden wurde soll sollen kann sich es er sie wir ihr ich nicht noch nur so wie was wer wo dass da dann denn doch ob um über uber unter vor'.split(
    ' ',
  ),
);

/** The distinct folded words of a note's searchable fields: what the search index stores. */
export function searchTerms(...fields: (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const f of fields) {
    if (!f) continue;
    for (const m of f.matchAll(WORD)) {
      const word = foldWord(m[0]);
      // One letter is no search word; digits are (document numbers, years).
      if ((word.length > 1 || /\d/.test(word)) && !FUNCTION_WORDS.has(word)) out.add(word);
    }
  }
  return [...out];
}

/** The words of a search query, folded the same way. */
export function queryTerms(query: string): string[] {
  return searchTerms(query);
}
