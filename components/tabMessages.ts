import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { PageReport, ProtocolMap } from './messages';
import { isExtensionPage } from './senderChecks';

/** What the popup, the side panel and the shortcuts ask of the page in a tab. */
type TabRequests = Pick<
  ProtocolMap,
  'getReport' | 'showMeasure' | 'showPassage' | 'stepMatch' | 'refreshNotes' | 'selectionTarget' | 'notePlaces'
>;
type Data<K extends keyof TabRequests> = Parameters<TabRequests[K]>[0];
type Result<K extends keyof TabRequests> = ReturnType<TabRequests[K]>;

// The PDF viewer is an extension page, which tabs.sendMessage does not reach:
// it listens to runtime messages addressed to its tab instead.
const VIEWER_FIELD = 'ratsmarkerViewerTab';

interface ViewerRequest {
  [VIEWER_FIELD]: number;
  request: keyof TabRequests;
  data: unknown;
}

/** Asks the content script of a tab, or the PDF viewer if the tab shows it. */
export async function askTab<K extends keyof TabRequests>(
  tabId: number,
  request: K,
  data: Data<K>,
): Promise<Result<K> | undefined> {
  // The messaging library's own tab path never reads runtime.lastError, so every tab without a
  // content script logged "Unchecked runtime.lastError: … Receiving end does not exist." The
  // polyfill's tabs.sendMessage reads it and rejects instead; the envelope is the library's,
  // which the content script's onMessage answers with { res } or { err }.
  try {
    const envelope = { id: Math.floor(Math.random() * 1e9), type: request, data, timestamp: Date.now() };
    const reply = (await browser.tabs.sendMessage(tabId, envelope)) as { res?: Result<K>; err?: unknown } | undefined;
    if (reply) return reply.err === undefined ? reply.res : undefined;
  } catch {
    // no content script in this tab: perhaps the PDF viewer
  }
  const message: ViewerRequest = { [VIEWER_FIELD]: tabId, request, data };
  try {
    return (await browser.runtime.sendMessage(message)) as Result<K> | undefined;
  } catch {
    return undefined; // neither a content script nor a viewer: Ratsmarker has not read this tab
  }
}

/**
 * The report of a tab once its content script has read the page: asked at
 * once, again whenever the tab tells the background it has matches (the popup
 * hears that message too), and now and then in case it was missed. Undefined
 * after `timeoutMs` without one.
 */
export function waitForReport(tabId: number, timeoutMs = 60_000): Promise<PageReport | undefined> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (report: PageReport | undefined) => {
      if (done) return;
      done = true;
      browser.runtime.onMessage.removeListener(heard);
      clearInterval(poll);
      clearTimeout(stop);
      resolve(report);
    };
    const ask = async () => {
      const report = await askTab(tabId, 'getReport', undefined);
      if (report) finish(report);
    };
    const heard = (message: unknown, sender: { tab?: { id?: number } }) => {
      if ((message as { type?: unknown } | null)?.type === 'reportMatches' && sender.tab?.id === tabId) void ask();
      return undefined; // the background answers it
    };
    browser.runtime.onMessage.addListener(heard);
    const poll = setInterval(() => void ask(), 1000);
    const stop = setTimeout(() => finish(undefined), timeoutMs);
    void ask();
  });
}

const ViewerRequestSchema = v.object({
  [VIEWER_FIELD]: v.pipe(v.number(), v.integer(), v.minValue(0)),
  request: v.picklist([
    'getReport',
    'showMeasure',
    'showPassage',
    'stepMatch',
    'refreshNotes',
    'selectionTarget',
    'notePlaces',
  ] as const),
  // Absent when undefined: messages travel as JSON.
  data: v.optional(v.unknown()),
});

/**
 * The viewer's side of askTab: answers the requests addressed to its own tab,
 * and only those of the extension's own pages (the popup, the side panel):
 * a content script in another tab must not read what this PDF matched.
 */
export function answerAsViewer(
  tabId: number,
  handlers: { [K in keyof TabRequests]: (data: Data<K>) => Result<K> | Promise<Result<K>> },
): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isExtensionPage(sender, self)) return undefined;
    const parsed = v.safeParse(ViewerRequestSchema, message);
    if (!parsed.success || parsed.output[VIEWER_FIELD] !== tabId) return undefined;
    const handler = handlers[parsed.output.request] as (data: unknown) => unknown;
    return Promise.resolve(handler(parsed.output.data));
  });
}
