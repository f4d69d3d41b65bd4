import type { DocumentFacts } from '../detect/types';
import type { PassageBlock } from '../dom/extractPassages';
import type { ActivePack } from './activePacks';
import { matchDocument, type PassageMatches } from './matchDocument';
import { readWebPage } from './readWebPage';

/** What the pipeline finds in a document: its facts, its own passages, and those that touch a measure. */
export interface DocumentScan {
  facts: DocumentFacts;
  passages: PassageBlock[];
  matches: PassageMatches<PassageBlock>[];
}

/**
 * The whole pipeline at once for a document that is not shown: one fetched
 * and parsed elsewhere (DOMParser in a background or offscreen document, for
 * the meeting radar), or read by the scan tool. A page in a tab goes through
 * the same steps (readWebPage, matchDocument), in slices.
 */
export function scanDocument(
  doc: Document,
  packs: readonly ActivePack[],
  options: { url?: URL; threshold?: number } = {},
): DocumentScan {
  const page = readWebPage(doc, options.url);
  const passages = page.passages();
  return { facts: page.facts, passages, matches: matchDocument(passages, packs, options.threshold) };
}
