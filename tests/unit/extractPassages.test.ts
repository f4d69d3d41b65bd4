// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPassages } from '@/utils/dom/extractPassages';
import { buildTextMap, collapseText, domRangeOf, type TextSegment } from '@/utils/dom/textMap';

function passages(html: string) {
  document.body.innerHTML = html;
  return extractPassages(document);
}

describe('extractPassages', () => {
  it('keeps a word split over several spans as one word', () => {
    const [p] = passages('<p>Die <span>Städte</span><span>partner</span>schaft mit Toulouse</p>');
    expect(p?.text).toBe('Die Städtepartnerschaft mit Toulouse');
  });

  it('makes each block, item and <br>-separated item its own passage', () => {
    const texts = passages(
      '<div>Einleitung<p>Erster Absatz.</p>Nachsatz</div><div>Text A<br>weiter<br><br>Neuer Absatz<br>a) Punkt eins<br>b) Punkt zwei</div>',
    ).map((p) => [p.kind, p.text]);
    expect(texts).toEqual([
      ['paragraph', 'Einleitung'],
      ['paragraph', 'Erster Absatz.'],
      ['paragraph', 'Nachsatz'],
      ['paragraph', 'Text A weiter'],
      ['paragraph', 'Neuer Absatz'],
      ['item', 'a) Punkt eins'],
      ['item', 'b) Punkt zwei'],
    ]);
  });

  it('groups a line-numbered motion into items and paragraphs, with the line numbers as reference', () => {
    const lines = [
      '1 Der Rat möge',
      '2 beschließen:',
      '3',
      '4 1. Die Stadt soll den',
      '5 Austausch mit Toulouse',
      '6 stärken.',
      '7 2. Die Stadt tritt',
      '8 Eurocities bei.',
      '9',
      '10 Begründung:',
      '11 Erfolgt mündlich.',
    ];
    const out = passages(lines.map((l) => `<p>${l}</p>`).join('\n'));
    expect(out.map((p) => [p.kind, p.lines, p.text])).toEqual([
      ['lines', [1, 2], 'Der Rat möge beschließen:'],
      ['item', [4, 6], '1. Die Stadt soll den Austausch mit Toulouse stärken.'],
      ['item', [7, 8], '2. Die Stadt tritt Eurocities bei.'],
      ['heading', [10, 10], 'Begründung:'],
      ['lines', [11, 11], 'Erfolgt mündlich.'],
    ]);
  });

  it('does not take a short numbered list for line numbers', () => {
    const out = passages('<p>1 Apfel</p><p>2 Birne</p>');
    expect(out.map((p) => p.lines)).toEqual([undefined, undefined]);
  });

  it('skips scripts, navigation, hidden elements and Ratsmarker’s own UI', () => {
    const out = passages(
      '<nav><a>Start</a></nav><p>Text<script>var x = 1;</script></p><p hidden>versteckt</p><p>Noch<span data-ratsmarker-ui="badge">KW21</span></p>',
    );
    expect(out.map((p) => p.text)).toEqual(['Text', 'Noch']);
  });
});

describe('text map', () => {
  it('leads from each character of the passage back to its node and offset', () => {
    document.body.innerHTML = '<p>Die  <b>Städte</b>partnerschaft\n mit   Toulouse</p>';
    const [p] = extractPassages(document);
    if (!p) throw new Error('no passage');
    const map = buildTextMap(p.segments);
    expect(map.text).toBe(p.text);
    const start = p.text.indexOf('Städtepartnerschaft');
    const pos = domRangeOf(map, start, start + 'Städtepartnerschaft'.length);
    if (!pos) throw new Error('no range');
    const range = document.createRange();
    range.setStart(pos.startNode, pos.startOffset);
    range.setEnd(pos.endNode, pos.endOffset);
    expect(range.toString()).toBe('Städtepartnerschaft');
    const t = p.text.indexOf('Toulouse');
    const pos2 = domRangeOf(map, t, t + 8);
    expect(pos2 && (pos2.startNode as Text).data.slice(pos2.startOffset, pos2.endOffset)).toBe('Toulouse');
  });

  it('maps line-numbered text without its numbers', () => {
    document.body.innerHTML = ['1 Die Stadt', '2 soll', '3 Toulouse', '4 besuchen', '5 und feiern.']
      .map((l) => `<p>${l}</p>`)
      .join('');
    const [p] = extractPassages(document);
    if (!p) throw new Error('no passage');
    const map = buildTextMap(p.segments);
    const t = p.text.indexOf('Toulouse');
    const pos = domRangeOf(map, t, t + 8);
    expect(pos && (pos.startNode as Text).data.slice(pos.startOffset, pos.endOffset)).toBe('Toulouse');
  });
});

describe('collapseText', () => {
  // The rule, a character at a time: what collapseText must give however it is written.
  const SPACES = new Set([' ', '\t', '\n', '\r', '\f', '\u00A0', '\u2007', '\u202F']);
  function collapseByCharacter(segments: readonly TextSegment[]): string {
    let out = '';
    let pending = false;
    for (const seg of segments) {
      if (seg.gap && out.length > 0) pending = true;
      for (const c of seg.node.data.slice(seg.start, seg.end)) {
        if (SPACES.has(c)) pending = out.length > 0;
        else {
          out += (pending ? ' ' : '') + c;
          pending = false;
        }
      }
    }
    return out;
  }
  const segment = fc
    .record({
      data: fc.string({ unit: fc.constantFrom('a', 'ß', ' ', '\n', '\u00A0', '\u2007', '\u2002', '\t', '-') }),
      from: fc.nat(),
      to: fc.nat(),
      gap: fc.boolean(),
    })
    .map(({ data, from, to, gap }): TextSegment => {
      const start = data.length ? from % (data.length + 1) : 0;
      const end = start + (data.length ? to % (data.length - start + 1) : 0);
      return { node: document.createTextNode(data), start, end, ...(gap ? { gap } : {}) };
    });

  it('collapses white space exactly as the character rule does, and its map has a place for every character', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const text = collapseText(segments);
        expect(text).toBe(collapseByCharacter(segments));
        const map = buildTextMap(segments);
        for (let i = 0; i < text.length; i++) {
          if (text[i] === ' ') continue;
          const seg = segments[map.segmentOf[i] as number] as TextSegment;
          expect(seg.node.data[map.offsetOf[i] as number]).toBe(text[i]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
