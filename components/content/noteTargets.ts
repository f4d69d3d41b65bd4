import { joinPassages } from '@/utils/anchoring/joinPassages';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import type { PassageBlock } from '@/utils/dom/extractPassages';
import type { NoteTarget } from '@/utils/notes/types';
import type { WebPage } from '@/utils/pipeline/readWebPage';

/** Whether two readings of a page give the same passage: they begin in the same text node. */
export const samePassage = (a: PassageBlock, b: PassageBlock) => a.segments[0]?.node === b.segments[0]?.node;

/**
 * Where notes stand on a web page: in its motion text, the passages joined by
 * newlines (read anew each time, since the page may have changed). A note's
 * target quotes its passage and gives its place in that text; a passage not
 * among them (the page changed under the card) is quoted on its own.
 */
export function noteTargetsOf(page: Pick<WebPage, 'passages'>) {
  const motionText = () => {
    const passages = page.passages();
    return { passages, ...joinPassages(passages.map((p) => p.text)) };
  };
  const targetOf = (passage: PassageBlock): NoteTarget => {
    const { passages, starts, text } = motionText();
    const i = passages.findIndex((p) => samePassage(p, passage));
    if (i < 0)
      return {
        quote: describeQuote(passage.text, 0, passage.text.length),
        position: describePosition(0, passage.text.length),
      };
    const start = starts[i] as number;
    const end = start + passage.text.length;
    return { quote: describeQuote(text, start, end), position: describePosition(start, end) };
  };
  return { motionText, targetOf };
}
