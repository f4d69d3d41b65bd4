import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerAsViewer } from '@/components/tabMessages';

describe('the PDF viewer answers tab requests', () => {
  it('of the extension’s own pages, for its own tab only; never of a content script', async () => {
    const getReport = vi.fn(() => null);
    const handlers = {
      getReport,
      showMeasure: () => false,
      showPassage: () => false,
      stepMatch: () => false,
      refreshNotes: () => undefined,
      selectionTarget: () => null,
      notePlaces: () => [],
    };
    answerAsViewer(5, handlers);
    const origin = fakeBrowser.runtime.getURL('/');
    const ask = (message: unknown, sender: object) =>
      fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined);
    // As the browser delivers it: JSON, so an undefined `data` is no key at all.
    const request = JSON.parse(JSON.stringify({ ratsmarkerViewerTab: 5, request: 'getReport', data: undefined }));
    await ask(request, { id: fakeBrowser.runtime.id, url: 'https://evil.example/vo0050.asp', tab: { id: 9 } });
    await ask({ ...request, ratsmarkerViewerTab: 6 }, { id: fakeBrowser.runtime.id, url: `${origin}popup.html` });
    await ask({ ...request, request: 'deleteEverything' }, { id: fakeBrowser.runtime.id, url: `${origin}popup.html` });
    expect(getReport).not.toHaveBeenCalled();
    await ask(request, { id: fakeBrowser.runtime.id, url: `${origin}sidepanel.html` });
    expect(getReport).toHaveBeenCalledTimes(1);
  });
});
