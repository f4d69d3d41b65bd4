import { browser } from 'wxt/browser';
import { type ProtocolMap, sendMessage } from './messages';

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

/** The viewer's side of askTab: answers the requests addressed to its own tab. */
export function answerAsViewer(
  tabId: number,
  handlers: { [K in keyof TabRequests]: (data: Data<K>) => Result<K> | Promise<Result<K>> },
): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as Partial<ViewerRequest> | null;
    if (!m || m[VIEWER_FIELD] !== tabId || !m.request || !(m.request in handlers)) return undefined;
    const handler = handlers[m.request] as (data: unknown) => unknown;
    return Promise.resolve(handler(m.data));
  });
}
