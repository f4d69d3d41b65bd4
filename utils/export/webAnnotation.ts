import { RATSMARKER_NS } from '../faction/annotationDoc';
import { formatMessage } from '../i18n/messages';
import type { Note } from '../notes/types';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
// The PDF fragment identifiers of RFC 3778 ("page=3"), as the Web Annotation model names them.
const PDF_FRAGMENT = 'http://tools.ietf.org/rfc/rfc3778';

export interface WebAnnotationOptions {
  /** IRI of the collection; a fresh urn:uuid when not given. Its one page is this IRI with "#page1". */
  id?: string;
  /** BCP 47 tag of the notes' language, where the caller knows it; otherwise the bodies claim none. */
  language?: string;
}

function targetOf(n: Note) {
  if (!n.target) return n.document.url; // a note on the whole document
  const quote = n.target.quote;
  // Only the quote (with its prefix and suffix): Ratsmarker's own positions count in its passages
  // joined, not in the document's text as §4.2.5 means, so other tools would misplace them.
  const selector =
    n.target.page === undefined
      ? quote
      : { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT, value: `page=${n.target.page}`, refinedBy: quote };
  return { type: 'SpecificResource', source: n.document.url, selector };
}

/** A colleague as the model's creator (§3.3.1): a Person with a name, and the login as nickname. */
function creatorOf(faction: NonNullable<Note['faction']>) {
  return { type: 'Person', name: faction.author, ...(faction.user !== undefined ? { nickname: faction.user } : {}) };
}

/**
 * The context, and for faction notes Ratsmarker's own field (under its own
 * JSON-LD name, as in the faction's database, so other tools leave it alone):
 * `shared` for the reader's notes shared with the faction, `faction` with the
 * author for colleagues'.
 */
function factionFields(n: Note) {
  if (!n.shared && !n.faction) return { '@context': CONTEXT };
  return {
    '@context': [CONTEXT, { ratsmarker: RATSMARKER_NS }],
    ratsmarker: n.faction ? { faction: n.faction } : { shared: true },
  };
}

/**
 * W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): an
 * AnnotationCollection with one AnnotationPage, one Annotation a note. The
 * note's text is a commenting body, its tags and the ids of the measures its
 * passage touches are tagging bodies; the target is the passage (a
 * SpecificResource with a TextQuoteSelector, inside the PDF page where the note
 * was taken in a PDF) or the whole document.
 */
export function exportNotesWebAnnotation(notes: readonly Note[], options: WebAnnotationOptions = {}): string {
  const id = options.id ?? `urn:uuid:${crypto.randomUUID()}`;
  const pageId = `${id}#page1`;
  const tag = (value: string) => ({ type: 'TextualBody', value, purpose: 'tagging' });
  const items = notes.map((n) => ({
    ...factionFields(n),
    id: `urn:uuid:${n.id}`,
    type: 'Annotation',
    motivation: 'commenting',
    ...(n.faction ? { creator: creatorOf(n.faction) } : {}),
    created: n.created,
    modified: n.updated,
    body: [
      {
        type: 'TextualBody',
        value: n.text,
        format: 'text/plain',
        ...(options.language ? { language: options.language } : {}),
        purpose: 'commenting',
      },
      ...n.tags.map(tag),
      ...n.measureIds.map(tag),
    ],
    target: targetOf(n),
  }));
  const label = formatMessage('exportTitle');
  return JSON.stringify(
    {
      '@context': CONTEXT,
      id,
      type: 'AnnotationCollection',
      label,
      total: items.length,
      first: {
        '@context': CONTEXT,
        id: pageId,
        type: 'AnnotationPage',
        // The page names its collection as the model's examples do: id, label and total (§5.2).
        partOf: { id, label, total: items.length },
        startIndex: 0,
        items,
      },
      last: pageId,
    },
    null,
    2,
  );
}
