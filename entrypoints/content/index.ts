import { startContentScript } from '@/components/content/startContentScript';
import { councilMatchPatterns } from '@/utils/detect/councilHosts';
import './style.css';

export default defineContentScript({
  matches: councilMatchPatterns(),
  runAt: 'document_idle',
  main() {
    void startContentScript();
  },
});
