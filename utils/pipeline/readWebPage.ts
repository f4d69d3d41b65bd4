import { detectSystem, motionTextFilter, readFacts } from '../detect/readCouncilPage';
import type { CouncilSystem, DocumentFacts } from '../detect/types';
import {
  type EarlyPassages,
  extractPassages,
  extractPassagesInSlices,
  type PassageBlock,
} from '../dom/extractPassages';
import type { TaskBudget } from './taskBudget';

/**
 * A web document as the pipeline reads it: the council system it proved to
 * be, its facts, and which of its passages are the document's own text. The
 * same for a page shown in a tab (the content script), a page fetched and
 * parsed elsewhere (DOMParser in a background or offscreen document), and the
 * scan tool (happy-dom in Node).
 */
export interface WebPage {
  system: CouncilSystem | undefined;
  facts: DocumentFacts;
  /** The passages under `root` (the whole document by default) that are the document's own text. */
  passages(root?: Element | Document): PassageBlock[];
  /**
   * The same, read in slices of the budget (the first scan of a page in a tab); `early` gets the first
   * passages (those of the document's own text) once the reading has gone past `early.past`, before the rest is read.
   */
  passagesInSlices(budget: TaskBudget, sliceMs: number, early?: EarlyPassages): Promise<PassageBlock[]>;
  isMotionText(p: PassageBlock): boolean;
}

/**
 * Reads a web document's facts and sets up its motion-text filter. `system`:
 * the caller has looked already (undefined: not a known system); left out, it is looked for here.
 */
export function readWebPage(doc: Document, url?: URL, system: CouncilSystem | undefined = detectSystem(doc)): WebPage {
  const facts = readFacts(doc, system, url);
  const isMotionText = motionTextFilter(doc, system, facts);
  return {
    system,
    facts,
    isMotionText,
    passages: (root = doc) => extractPassages(root).filter(isMotionText),
    passagesInSlices: async (budget, sliceMs, early) =>
      (
        await extractPassagesInSlices(
          doc,
          sliceMs,
          budget.yieldNow,
          early && { past: early.past, take: (first) => early.take(first.filter(isMotionText)) },
        )
      ).filter(isMotionText),
  };
}
