import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { type ProtocolMap, sendMessage } from './messages';
import { isExtensionPage } from './senderChecks';

/** What the popup, the side panel and the shortcuts ask of the page in a tab. */
type TabRequests = Pick<ProtocolMap, 'getReport' | 'showMeasure' | 'showPassage' | 'stepMatch' | 'refreshNotes'>;
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
  try {
    return (await sendMessage(request, data as never, tabId)) as Result<K>;
  } catch {
    const message: ViewerRequest = { [VIEWER_FIELD]: tabId, request, data };
    try {
      return (await browser.runtime.sendMessage(message)) as Result<K> | undefined;
    } catch {
      return undefined; // neither a content script nor a viewer: Ratsmarker has not read this tab
    }
  }
}

const ViewerRequestSchema = v.object({
  [VIEWER_FIELD]: v.pipe(v.number(), v.integer(), v.minValue(0)),
  request: v.picklist(['getReport', 'showMeasure', 'showPassage', 'stepMatch', 'refreshNotes'] as const),
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
