import { browser } from 'wxt/browser';

/** The viewer page (an extension page) showing the PDF at `pdfUrl`. */
export function viewerUrl(pdfUrl: string): string {
  return `${browser.runtime.getURL('/viewer.html')}?file=${encodeURIComponent(pdfUrl)}`;
}

/**
 * Links the context menu offers to open in the viewer: PDFs by name and the
 * download addresses of SessionNet and ALLRIS (utils/detect/pdfLinks.ts).
 */
export const PDF_LINK_PATTERNS = [
  '*://*/*.pdf',
  '*://*/*.pdf?*',
  '*://*/*.PDF',
  '*://*/*getfile.asp?*',
  '*://*/*getfile.php?*',
  '*://*/*do027.asp*',
  '*://*/*/public/doc*',
];
