import { fileURLToPath } from 'node:url';
import type { BrowserContext } from '@playwright/test';
import { build } from 'esbuild';
import { compilePack } from '../../utils/pipeline/compilePacks';
import { pageSnapshotText } from '../../utils/pipeline/pageSnapshot';
import { kw21FileFromDisk } from '../nodePacks';

/**
 * Where a council page's time goes, step by step: the packs' snapshot decoded, the page read into passages, the
 * passages matched, and reading and matching again on the same page with the code warm. Measured in a page the
 * content script does not run on (the pipeline bundled into it), on a fresh page each run, so the first figures
 * are what every council page pays: a content script starts cold on each page.
 */
export interface PipelineParts {
  decodeMs: number;
  readMs: number;
  matchMs: number;
  readWarmMs: number;
  matchWarmMs: number;
  matched: number;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The pipeline as one script for a page, minified as the content script is. */
async function pipelineScript(): Promise<string> {
  const out = await build({
    entryPoints: [`${root}scripts/bench/pipelineEntry.ts`],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    alias: { '@': root.replace(/\/$/, '') },
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

/** The built-in pack's snapshot, as the background writes it into storage for pages. */
const builtinSnapshot = (): string =>
  pageSnapshotText([compilePack({ id: 'kw21', builtin: true, colour: 0, file: kw21FileFromDisk() })], 0.5);

export async function pipelinePartsMeasurer(): Promise<
  (context: BrowserContext, url: string) => Promise<PipelineParts>
> {
  const script = await pipelineScript();
  const snapshot = builtinSnapshot();
  return async (context, url) => {
    const page = await context.newPage();
    await page.goto(url, { timeout: 120_000 });
    await page.addScriptTag({ content: script });
    const parts = await page.evaluate((s) => globalThis.__ratsmarkerPipeline(s), snapshot);
    await page.close();
    return parts as unknown as PipelineParts;
  };
}
