import { matchDocument } from '../../utils/pipeline/matchDocument';
import { readPageSnapshot } from '../../utils/pipeline/pageSnapshot';
import { readWebPage } from '../../utils/pipeline/readWebPage';

/**
 * The document pipeline as the content script runs it, without the extension around it (bundled by
 * pipelineParts.ts and put into a plain page): each step timed, and reading and matching done twice, so the
 * second time runs with the code warm. What it shows is how much of a page's cost is code run for the first time.
 */
declare global {
  var __ratsmarkerPipeline: (snapshot: string) => Promise<Record<string, number>>;
}

globalThis.__ratsmarkerPipeline = async (snapshot) => {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  const loaded = await readPageSnapshot(snapshot);
  if (!loaded) throw new Error('the snapshot did not decode');
  const decodeMs = lap();
  const page = readWebPage(document, new URL(location.href));
  const passages = page.passages();
  const readMs = lap();
  const first = matchDocument(passages, loaded.packs, loaded.threshold);
  const matchMs = lap();
  const again = page.passages();
  const readWarmMs = lap();
  const second = matchDocument(again, loaded.packs, loaded.threshold);
  const matchWarmMs = lap();
  if (first.length !== second.length) throw new Error('the second match differs from the first');
  return { decodeMs, readMs, matchMs, readWarmMs, matchWarmMs, matched: first.length };
};
