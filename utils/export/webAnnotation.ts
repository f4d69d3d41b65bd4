import { formatMessage } from '../i18n/messages';
import type { Note } from '../notes/types';

/**
 * W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): an
 * AnnotationCollection with one Annotation a note, its text as a commenting
 * body, tags as tagging bodies, and the passage as TextQuote and TextPosition selectors.
 */
export function exportNotesWebAnnotation(notes: readonly Note[]): string {
  const items = notes.map((n) => ({
    id: `urn:uuid:${n.id}`,
    type: 'Annotation',
    created: n.created,
    modified: n.updated,
    body: [
      { type: 'TextualBody', value: n.text, format: 'text/plain', language: 'de', purpose: 'commenting' },
      ...n.tags.map((t) => ({ type: 'TextualBody', value: t, purpose: 'tagging' })),
      ...n.measureIds.map((id) => ({ type: 'TextualBody', value: id, purpose: 'classifying' })),
    ],
    target: n.target
      ? {
          source: n.document.url,
          selector: [
            n.target.quote,
            n.target.position,
            // A note taken in a PDF names its page as a PDF fragment (RFC 8118: "page=3").
            ...(n.target.page !== undefined
              ? [
                  {
                    type: 'FragmentSelector',
                    conformsTo: 'http://tools.ietf.org/rfc/rfc8118',
                    value: `page=${n.target.page}`,
                  },
                ]
              : []),
          ],
        }
      : { source: n.document.url },
  }));
  return JSON.stringify(
    {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: formatMessage('exportTitle'),
      total: items.length,
      first: { type: 'AnnotationPage', startIndex: 0, items },
    },
    null,
    2,
  );
}
