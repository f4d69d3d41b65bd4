// @vitest-environment happy-dom

import { describe, expect, it } from 'vitest';
import { createNavigation } from '@/components/content/navigation';
import type { PassageEntry } from '@/components/content/passageEntry';
import { showNotes } from '@/components/content/passageNotes';
import { loadTestMarks, MEASURES_ATTRIBUTE, resetTestMarks, writeTestMarks } from '@/components/content/testMarks';
import { anchorNotesInSlices } from '@/utils/anchoring/anchorNotes';
import { joinPassages } from '@/utils/anchoring/joinPassages';
import { describePosition, describeQuote } from '@/utils/anchoring/selectors';
import type { Note } from '@/utils/notes/types';

function entry(text: string, ids: string[] = []): PassageEntry & { shown: number[] } {
  const host = document.createElement('span');
  const button = document.createElement('button');
  host.append(button);
  document.body.append(host);
  const e = {
    text,
    matches: ids.map((id) => ({ id, lines: [1, 1] as [number, number], score: 1, terms: [], spans: [], reasons: [] })),
    host,
    button,
    notes: [] as Note[],
    shown: [] as number[],
    setNotes: (count: number) => e.shown.push(count),
  };
  return e;
}

const noteOn = (text: string, start: number, end: number, id: string): Note =>
  ({
    id,
    text: 'n',
    target: { quote: describeQuote(text, start, end), position: describePosition(start, end) },
  }) as unknown as Note;

describe('writeTestMarks', () => {
  it('writes nothing the page could read while the test switch is off', async () => {
    resetTestMarks();
    await loadTestMarks(async () => undefined);
    const p = document.createElement('p');
    writeTestMarks([p], () => new Set(['KW21-7']));
    expect(p.hasAttribute(MEASURES_ATTRIBUTE)).toBe(false);
  });

  it('writes the ids of a block’s measures and removes them when none is left', async () => {
    resetTestMarks();
    await loadTestMarks(async () => true);
    const p = document.createElement('p');
    writeTestMarks([p], () => new Set(['KW21-7', 'KW21-9']));
    expect(p.getAttribute(MEASURES_ATTRIBUTE)).toBe('KW21-7 KW21-9');
    writeTestMarks([p], () => new Set());
    expect(p.hasAttribute(MEASURES_ATTRIBUTE)).toBe(false);
    resetTestMarks();
  });
});

describe('showNotes', () => {
  const texts = ['Die Partnerschaft mit Toulouse.', 'Der Haushalt wird beraten.', 'Ein Antrag auf Förderung.'];
  const motion = joinPassages(texts);

  it('puts notes on matched passages, gives unmatched ones a marker, and removes old markers', async () => {
    const matched = [entry(texts[0] as string, ['KW21-7'])];
    const markers: PassageEntry[] = [];
    const made: number[] = [];
    const surface = {
      matched,
      entryAt: (i: number) => (i === 0 ? matched[0] : undefined),
      noteOnly: (i: number) => {
        made.push(i);
        return entry(texts[i] as string);
      },
      markers,
    };
    const s1 = motion.starts[1] as number;
    const notes = [
      noteOn(motion.text, 0, texts[0]?.length ?? 0, 'a'),
      noteOn(motion.text, s1, s1 + (texts[1]?.length ?? 0), 'b'),
      noteOn('ganz anderer Text', 0, 5, 'c'),
    ];
    // The page gets a turn between notes (the caller's task budget decides when it is due).
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    const result = await showNotes(notes, motion, surface, (n) => `${n} Notizen`, anchorNotesInSlices, pause);
    expect(result).toEqual({ found: ['a', 'b'], orphaned: ['c'] });
    expect(pauses).toBe(notes.length);
    expect(matched[0]?.notes.map((n) => n.id)).toEqual(['a']);
    expect(made).toEqual([1]);
    const marker = markers[0] as PassageEntry;
    expect(marker.host.isConnected).toBe(true);
    // A second call starts afresh: the old marker goes.
    await showNotes([], motion, surface, String, anchorNotesInSlices, pause);
    expect(marker.host.isConnected).toBe(false);
    expect(markers).toEqual([]);
    expect(matched[0]?.notes).toEqual([]);
  });
});

describe('createNavigation', () => {
  it('steps through the matched passages in order and finds a measure’s first passage', () => {
    const entries = [entry('a', ['X-1']), entry('b', ['X-2']), entry('c', ['X-1'])];
    for (const e of entries) e.host.scrollIntoView = () => undefined;
    const nav = createNavigation(() => entries);
    expect(nav.showMeasure('X-2')).toBe(true);
    expect(document.activeElement).toBe(entries[1]?.button);
    expect(nav.showMeasure('X-9')).toBe(false);
    expect(nav.showPassage(2)).toBe(true);
    expect(document.activeElement).toBe(entries[2]?.button);
    expect(createNavigation(() => []).stepMatch(1)).toBe(false);
  });
});
