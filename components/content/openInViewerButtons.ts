import { t } from '../i18n';
import { sendMessage } from '../messages';
import { addPdfButtons } from './pdfButtons';

/** The „In Ratsmarker öffnen“ buttons beside the page's PDF links; an odd link must not stop anything else. */
export function addButtons(): void {
  try {
    addPdfButtons(
      document,
      location.href,
      { text: t('openInRatsmarker'), label: (name) => t('openInRatsmarkerLabel', name) },
      (pdfUrl) => void sendMessage('openViewer', pdfUrl).catch(() => undefined),
    );
  } catch (error) {
    console.warn('Ratsmarker: PDF buttons', error);
  }
}
