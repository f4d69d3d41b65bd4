import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FactionNote,
  fromAnnotationDoc,
  noteDocId,
  sameNote,
  toAnnotationDoc,
} from '@/utils/faction/annotationDoc';
import { factionNote } from './arbitraries';

const pdfNote: FactionNote = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  document: {
    key: 'ratsinfo.duesseldorf.de|AIF/012/2024',
    site: 'ratsinfo.duesseldorf.de',
    number: 'AIF/012/2024',
    title: 'Städtepartnerschaft mit Czernowitz',
    url: 'https://ratsinfo.duesseldorf.de/ratsinfo/duesseldorf/getfile.asp?id=123',
  },
  documentKey: 'ratsinfo.duesseldorf.de|AIF/012/2024',
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'Partnerschaft', prefix: 'die ', suffix: ' mit' },
    position: { type: 'TextPositionSelector', start: 120, end: 133 },
    page: 3,
  },
  measureIds: ['kw21-7'],
  text: 'Im Ausschuss ansprechen.',
  tags: ['AIF'],
  created: '2026-11-02T10:00:00.000Z',
  updated: '2026-11-03T09:30:00.000Z',
  author: 'Anna Beispiel',
  user: 'anna',
};

describe('note ↔ annotation document', () => {
  it('writes a W3C Web Annotation with the page of a PDF and Ratsmarker’s fields apart', () => {
    const doc = toAnnotationDoc(pdfNote, 'device-1');
    expect(doc._id).toBe(`note:${pdfNote.id}`);
    expect(doc.type).toBe('Annotation');
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.body[0]).toMatchObject({
      type: 'TextualBody',
      value: 'Im Ausschuss ansprechen.',
      purpose: 'commenting',
    });
    expect(doc.target.source).toBe(pdfNote.document.url);
    expect(doc.target.selector).toEqual([
      pdfNote.target?.quote,
      pdfNote.target?.position,
      { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc8118', value: 'page=3' },
    ]);
    expect(doc.ratsmarker).toMatchObject({
      noteId: pdfNote.id,
      document: { key: pdfNote.documentKey },
      measureIds: ['kw21-7'],
      tags: ['AIF'],
      author: 'Anna Beispiel',
      device: 'device-1',
    });
    expect(fromAnnotationDoc(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, note: pdfNote, device: 'device-1' });
  });

  it('reads back every note it writes, through JSON as CouchDB stores it', () => {
    fc.assert(
      fc.property(factionNote, (note) => {
        const read = fromAnnotationDoc(JSON.parse(JSON.stringify(toAnnotationDoc(note))));
        expect(read).toEqual({ ok: true, note });
      }),
      { numRuns: 150 },
    );
  });

  it('tells notes that say the same from changed ones', () => {
    fc.assert(
      fc.property(factionNote, fc.string({ minLength: 1, maxLength: 10 }), (note, more) => {
        expect(sameNote(note, structuredClone(note))).toBe(true);
        expect(sameNote(note, { ...note, text: note.text + more })).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  const valid = () =>
    JSON.parse(JSON.stringify(toAnnotationDoc(pdfNote))) as Record<string, unknown> & {
      ratsmarker: Record<string, unknown>;
      target: Record<string, unknown>;
    };
  const hostile: Array<[string, () => unknown]> = [
    ['null', () => null],
    ['an array', () => [valid()]],
    ['a design document', () => ({ ...valid(), _id: '_design/evil', validate_doc_update: 'function(){}' })],
    ['an _id of another note', () => ({ ...valid(), _id: noteDocId('someone-else') })],
    ['another kind of annotation tool’s document', () => ({ ...valid(), ratsmarker: undefined })],
    ['a javascript: source', () => ({ ...valid(), target: { ...valid().target, source: 'javascript:alert(1)' } })],
    ['too many tags', () => ({ ...valid(), ratsmarker: { ...valid().ratsmarker, tags: Array(5_000).fill('x') } })],
    ['a tag that is not text', () => ({ ...valid(), ratsmarker: { ...valid().ratsmarker, tags: [{ toString: 1 }] } })],
    [
      'a date that does not exist',
      () => ({ ...valid(), ratsmarker: { ...valid().ratsmarker, updated: '2026-02-30T10:00:00Z' } }),
    ],
    ['no text body', () => ({ ...valid(), body: [{ type: 'TextualBody', value: 'x', purpose: 'tagging' }] })],
    ['a body that is not a list', () => ({ ...valid(), body: 'Text' })],
    [
      'a text of ten megabytes',
      () => ({ ...valid(), body: [{ type: 'TextualBody', value: 'x'.repeat(10_000_000), purpose: 'commenting' }] }),
    ],
    [
      'a position without quote',
      () => ({ ...valid(), target: { ...valid().target, selector: [pdfNote.target?.position] } }),
    ],
    [
      'a position that ends before it starts',
      () => ({
        ...valid(),
        target: {
          ...valid().target,
          selector: [pdfNote.target?.quote, { type: 'TextPositionSelector', start: 9, end: 2 }],
        },
      }),
    ],
    ['a future format', () => ({ ...valid(), ratsmarker: { ...valid().ratsmarker, version: 2 } })],
  ];
  it.each(hostile)('skips %s with a reason', (_label, make) => {
    const read = fromAnnotationDoc(make());
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason.length).toBeGreaterThan(0);
  });

  it('ignores selectors of other tools and a page it cannot read, and keeps the passage', () => {
    const doc = valid();
    doc.target.selector = [
      { type: 'RangeSelector', startSelector: {} },
      ...(doc.target.selector as unknown[]).slice(0, 2),
      { type: 'FragmentSelector', value: 'page=0' },
    ];
    const read = fromAnnotationDoc(doc);
    expect(read.ok && read.note.target).toEqual({ quote: pdfNote.target?.quote, position: pdfNote.target?.position });
  });

  it('never throws, whatever the database holds', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (doc) => {
        expect(fromAnnotationDoc(doc).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
