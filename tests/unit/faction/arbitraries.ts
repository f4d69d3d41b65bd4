import fc from 'fast-check';
import type { FactionNote } from '@/utils/faction/annotationDoc';

const iso = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const word = fc.string({ minLength: 1, maxLength: 30 });

/** Any note a reader could share: with or without a passage, a page, a number, a title. */
export const factionNote: fc.Arbitrary<FactionNote> = fc
  .record({
    id: fc.uuid(),
    key: fc.string({ minLength: 1, maxLength: 80 }),
    site: fc.domain(),
    number: fc.option(word, { nil: undefined }),
    title: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
    url: fc.webUrl({ withQueryParameters: true }),
    target: fc.option(
      fc.record({
        exact: fc.string({ minLength: 1, maxLength: 200 }),
        prefix: fc.string({ maxLength: 32 }),
        suffix: fc.string({ maxLength: 32 }),
        start: fc.nat({ max: 1_000_000 }),
        length: fc.nat({ max: 5_000 }),
        page: fc.option(fc.integer({ min: 1, max: 9_999 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    measureIds: fc.array(word, { maxLength: 5 }),
    text: fc.string({ maxLength: 500 }),
    tags: fc.uniqueArray(word, { maxLength: 8 }),
    created: iso,
    updated: iso,
    author: fc.string({ maxLength: 60 }),
    user: fc.option(word, { nil: undefined }),
  })
  .map((r) => ({
    id: r.id,
    document: {
      key: r.key,
      site: r.site,
      ...(r.number !== undefined ? { number: r.number } : {}),
      ...(r.title !== undefined ? { title: r.title } : {}),
      url: r.url,
    },
    documentKey: r.key,
    ...(r.target
      ? {
          target: {
            quote: {
              type: 'TextQuoteSelector' as const,
              exact: r.target.exact,
              prefix: r.target.prefix,
              suffix: r.target.suffix,
            },
            position: {
              type: 'TextPositionSelector' as const,
              start: r.target.start,
              end: r.target.start + r.target.length,
            },
            ...(r.target.page !== undefined ? { page: r.target.page } : {}),
          },
        }
      : {}),
    measureIds: r.measureIds,
    text: r.text,
    tags: r.tags,
    created: r.created,
    updated: r.updated,
    author: r.author,
    ...(r.user !== undefined ? { user: r.user } : {}),
  }));
