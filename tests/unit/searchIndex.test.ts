import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  buildSearchIndexInSlices,
  newestFirst,
  type SearchEntry,
  searchNoteIndex,
} from '@/utils/notes/searchIndex';

const entry = (id: string, updated: string, terms: string[], measureIds: string[] = [], tags: string[] = []) => ({
  id,
  updated,
  terms,
  measureIds,
  tags,
});

describe('searchNoteIndex', () => {
  const index = buildSearchIndex([
    entry('a', '2024-01-01', ['toulouse', 'partnerschaft'], ['KW21-7'], ['Europa']),
    entry('b', '2024-01-03', ['toulouser', 'toulouse', 'haushalt'], [], ['Haushalt']),
    entry('c', '2024-01-02', ['haushalt', 'partner'], ['KW21-7', 'KW21-12'], ['Haushalt', 'Europa']),
    entry('d', '2024-01-02', ['tour']),
  ]);

  it('lists every note newest first, and by the higher id on the same date', () => {
    expect(searchNoteIndex(index, { words: [] })).toEqual(['b', 'd', 'c', 'a']);
  });

  it('matches words as prefixes, each note once however many of its words match', () => {
    expect(searchNoteIndex(index, { words: ['toulouse'] })).toEqual(['b', 'a']);
    expect(searchNoteIndex(index, { words: ['tou'] })).toEqual(['b', 'd', 'a']);
    expect(searchNoteIndex(index, { words: ['partner'] })).toEqual(['c', 'a']);
    expect(searchNoteIndex(index, { words: ['partnerschaften'] })).toEqual([]);
    expect(searchNoteIndex(index, { words: ['zzz'] })).toEqual([]);
  });

  it('needs every word, the measure and the tag', () => {
    expect(searchNoteIndex(index, { words: ['tou', 'haus'] })).toEqual(['b']);
    expect(searchNoteIndex(index, { words: ['partner'], measure: 'KW21-12' })).toEqual(['c']);
    expect(searchNoteIndex(index, { words: [], tag: 'Europa' })).toEqual(['c', 'a']);
    expect(searchNoteIndex(index, { words: ['toulouse'], tag: 'Europa', measure: 'KW21-7' })).toEqual(['a']);
    expect(searchNoteIndex(index, { words: [], measure: 'KW21-99' })).toEqual([]);
    // The same word twice is two conditions that the same notes meet.
    expect(searchNoteIndex(index, { words: ['haushalt', 'haushalt'] })).toEqual(['b', 'c']);
  });

  it('finds what a plain filter over the notes finds, in date order', () => {
    const word = fc.constantFrom('a', 'ab', 'abc', 'b', 'ba', 'bab', 'c', 'ü', 'üb');
    const note = fc.record({
      id: fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('x', 'y', 'z') }),
      updated: fc.constantFrom('2024-01-01', '2024-01-02', '2024-02-01'),
      terms: fc.uniqueArray(word, { maxLength: 4 }),
      measureIds: fc.uniqueArray(fc.constantFrom('M1', 'M2'), { maxLength: 2 }),
      tags: fc.uniqueArray(fc.constantFrom('T1', 'T2'), { maxLength: 2 }),
    });
    const query = fc.record({
      words: fc.array(word, { maxLength: 3 }),
      measure: fc.option(fc.constantFrom('M1', 'M2'), { nil: undefined }),
      tag: fc.option(fc.constantFrom('T1', 'T2'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(note, { selector: (n) => n.id, maxLength: 30 }), query, (notes, q) => {
        const plain = (notes as SearchEntry[])
          .filter(
            (n) =>
              q.words.every((w) => n.terms.some((t) => t.startsWith(w))) &&
              (q.measure === undefined || n.measureIds.includes(q.measure)) &&
              (q.tag === undefined || n.tags.includes(q.tag)),
          )
          .sort(newestFirst)
          .map((n) => n.id);
        expect(searchNoteIndex(buildSearchIndex(notes), q)).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });
});

describe('buildSearchIndexInSlices', () => {
  it('builds the same index as in one go, giving the page turns on the way', async () => {
    const entries = Array.from({ length: 5_000 }, (_, i) =>
      entry(
        `n${i}`,
        `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
        [`w${i % 97}`, `v${i % 13}`],
        i % 3 ? [] : ['M'],
        i % 5 ? [] : ['T'],
      ),
    );
    let turns = 0;
    const sliced = await buildSearchIndexInSlices(entries, async () => {
      turns++;
    });
    expect(sliced).toEqual(buildSearchIndex(entries));
    expect(turns).toBeGreaterThanOrEqual(4);
  });
});
