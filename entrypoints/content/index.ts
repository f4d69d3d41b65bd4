import { startContentScript } from '@/components/content/startContentScript';
import { councilDocumentPatterns } from '@/utils/detect/councilHosts';
import './style.css';

export default defineContentScript({
  // Document pages of the known council hosts; their agendas get the agenda script (agenda.content.ts).
  matches: councilDocumentPatterns(),
  runAt: 'document_idle',
  main() {
    void startContentScript();
  },
});
