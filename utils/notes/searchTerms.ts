import { foldWord } from '../text/normalize';

// As the tokenizer reads words: decomposed umlauts and soft hyphens stay inside them.
const WORD = /[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060]+/gu;

/** The distinct folded words of a note's searchable fields: what the search index stores. */
export function searchTerms(...fields: (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const f of fields) {
    if (!f) continue;
    for (const m of f.matchAll(WORD)) out.add(foldWord(m[0]));
  }
  return [...out];
}

/** The words of a search query, folded the same way. */
export function queryTerms(query: string): string[] {
  return searchTerms(query);
}
