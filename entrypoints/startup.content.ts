import { askForStartupEarly } from '@/components/content/startupRead';
import { councilDocumentPatterns } from '@/utils/detect/councilHosts';

// The known hosts' document pages, as the content script (content/index.ts): asks for the startup read as the
// page begins to load, so that the packs are there when the content script starts (components/content/startupRead.ts).
export default defineContentScript({
  matches: councilDocumentPatterns(),
  runAt: 'document_start',
  // No window.postMessage announcing the script to the page (WXT's future default): it told the page's scripts
  // the extension's id, and took some 20 ms of the first task on every council page.
  noScriptStartedPostMessage: true,
  main() {
    askForStartupEarly();
  },
});
