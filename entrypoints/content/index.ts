import { startContentScript } from '@/components/content/startContentScript';
import { councilDocumentPatterns } from '@/utils/detect/councilHosts';
import './style.css';

export default defineContentScript({
  // Document pages of the known council hosts; their agendas get the agenda script (agenda.content.ts).
  matches: councilDocumentPatterns(),
  runAt: 'document_idle',
  // No window.postMessage announcing the script to the page (WXT's future default): it told the page's scripts
  // the extension's id, and took some 20 ms of the first task on every council page.
  noScriptStartedPostMessage: true,
  main() {
    void startContentScript();
  },
});
