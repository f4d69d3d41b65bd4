import { startAgendaScript } from '@/components/radar/startAgendaScript';
import { councilAgendaPatterns } from '@/utils/detect/councilHosts';

// Meetings' agendas on the known council hosts: the small agenda script, not the content script (see
// components/radar/startAgendaScript.ts).
export default defineContentScript({
  matches: councilAgendaPatterns(),
  runAt: 'document_idle',
  // No window.postMessage announcing the script to the page (WXT's future default): it told the page's scripts
  // the extension's id, and took some 20 ms of the first task on every council page.
  noScriptStartedPostMessage: true,
  main() {
    void startAgendaScript();
  },
});
