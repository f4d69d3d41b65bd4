import type { PageReport } from '../messages';
import { type MeasureIndex, reportText } from './measureIndex';
import type { PassageEntry } from './passageEntry';

/** What a surface reports to the toolbar, popup and side panel: its matched passages in reading order. */
export function passageReport<E extends PassageEntry>(
  measures: MeasureIndex,
  inOrder: readonly E[],
  about: Pick<PageReport, 'noteDocument' | 'document'>,
  where?: (entry: E) => string,
): PageReport {
  const counted = measures.reportMeasures(inOrder.map((e) => e.matches));
  return {
    count: counted.reduce((sum, m) => sum + m.count, 0),
    ...about,
    passages: inOrder.map((e, index) => ({
      index,
      text: reportText(e.text),
      measureIds: e.matches.map((m) => m.id),
      ...(where ? { where: where(e) } : {}),
    })),
    measures: counted,
  };
}
