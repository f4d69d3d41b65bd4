import { startAgendaScript } from '@/components/radar/startAgendaScript';
import { councilAgendaPatterns } from '@/utils/detect/councilHosts';

// Meetings' agendas on the known council hosts: the small agenda script, not the content script (see
// components/radar/startAgendaScript.ts).
export default defineContentScript({
  matches: councilAgendaPatterns(),
  runAt: 'document_idle',
  main() {
    void startAgendaScript();
  },
});
