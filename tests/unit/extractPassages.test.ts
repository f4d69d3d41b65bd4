// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPassages, extractPassagesInSlices } from '@/utils/dom/extractPassages';
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

  it('ends a passage of numbered lines at each paragraph element when the lines are parted by <br>', () => {
    // SessionNet / Antragsgrün exports: one <p> per paragraph, its lines numbered and parted by <br>.
    const out = passages(
      [
        '<p>1 Der Rat möge beschließen:</p>',
        '<p>2 Die Verwaltung wird beauftragt, den Austausch<br>3 mit Toulouse zu stärken.</p>',
        '<p>4 Die Nachtbusse fahren künftig<br>5 alle dreißig Minuten.</p>',
        '<p>6 Für Zugewanderte gibt es Formulare<br>7 in vielen Sprachen.<br><br>8 Die Kosten trägt<br>9 der Haushalt 2025.</p>',
        '<p>10 Die Kita zieht um.<br>11<br>12 Ein Satz nach einer leeren Zeile.</p>',
      ].join('\n'),
    );
    expect(out.map((p) => [p.lines, p.text])).toEqual([
      [[1, 1], 'Der Rat möge beschließen:'],
      [[2, 3], 'Die Verwaltung wird beauftragt, den Austausch mit Toulouse zu stärken.'],
      [[4, 5], 'Die Nachtbusse fahren künftig alle dreißig Minuten.'],
      [[6, 7], 'Für Zugewanderte gibt es Formulare in vielen Sprachen.'],
      [[8, 9], 'Die Kosten trägt der Haushalt 2025.'],
      [[10, 10], 'Die Kita zieht um.'],
      [[12, 12], 'Ein Satz nach einer leeren Zeile.'],
    ]);
  });

  it('ends a passage where the line numbering breaks off and starts again', () => {
    const out = passages(
      [
        '1 Erster',
        '2 Absatz',
        '3 geht',
        '4 weiter',
        '5 und endet',
        '11 Ein anderer',
        '12 Teil',
        '13 der',
        '14 Vorlage',
        '15 folgt',
      ]
        .map((l) => `<p>${l}</p>`)
        .join(''),
    );
    expect(out.map((p) => p.lines)).toEqual([
      [1, 5],
      [11, 15],
    ]);
  });

  it('joins a word hyphenated across a line break, numbered or not, and keeps real hyphens', () => {
    const out = passages(
      [
        '<p>1 Die Städtefreund-<br>2 schaft mit Toulouse und die EU-<br>3 Förderprogramme der Region, Kultur-<br>4 und Sportvereine,<br>5 Fremd- <br>6 sprachenkenntnisse.</p>',
        '<p>Ohne Nummern: die Partner-<br>\n  stadt und der Rhein-<br>Kreis.</p>',
      ].join(''),
    );
    expect(out.map((p) => p.text)).toEqual([
      'Die Städtefreundschaft mit Toulouse und die EU-Förderprogramme der Region, Kultur- und Sportvereine, Fremdsprachenkenntnisse.',
      'Ohne Nummern: die Partnerstadt und der Rhein-Kreis.',
    ]);
    for (const p of out) expect(collapseText(p.segments)).toBe(p.text);
  });

  it('highlights both halves of a hyphenated word', () => {
    const [p] = passages('<p>1 Die Städtefreund-<br>2 schaft mit<br>3 Toulouse<br>4 wird<br>5 gepflegt.</p>');
    if (!p) throw new Error('no passage');
    const map = buildTextMap(p.segments);
    expect(map.text).toBe(p.text);
    const start = p.text.indexOf('Städtefreundschaft');
    const pos = domRangeOf(map, start, start + 'Städtefreundschaft'.length);
    if (!pos) throw new Error('no range');
    expect((pos.startNode as Text).data.slice(pos.startOffset)).toBe('Städtefreund-');
    expect((pos.endNode as Text).data.slice(0, pos.endOffset)).toBe('2 schaft');
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

  it('a left-out element still parts the text around it as its blocks and line breaks do', () => {
    // The walk passes over a skipped subtree without visiting it; what it holds still stands between its neighbours.
    const out = passages(
      '<p>Erster Satz<button><br><br></button>zweiter Absatz</p>' +
        '<p>Vorher<span hidden><div>versteckt</div></span>nachher</p>' +
        '<p>Eine<button><br></button>Zeile</p>' +
        '<p>Ein <button>Knopf</button>Satz</p>',
    );
    expect(out.map((p) => p.text)).toEqual([
      'Erster Satz',
      'zweiter Absatz',
      'Vorher',
      'nachher',
      'Eine Zeile',
      'Ein Satz',
    ]);
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
      data: fc.string({
        // The space twice: pieces of single spaces only (which collapseText leaves as they are) come up often.
        unit: fc.constantFrom('a', 'ß', ' ', ' ', '\n', '\r', '\f', '\u00A0', '\u2007', '\u202F', '\u2002', '\t', '-'),
      }),
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

describe('the first passages, before the rest of a long page is read', () => {
  // Paragraphs of several kinds: spans, <br> lines, a hyphenated line break, items, a heading.
  const html = [
    '<h2>Begründung:</h2>',
    '<p>Die <span>Städte</span><span>partner</span>schaft mit Toulouse</p>',
    '<p>Erste Zeile<br>zweite Zeile<br><br>Neuer Absatz</p>',
    '<p>Der Austausch soll inten-<br>siviert werden.</p>',
    '<div>Die Verwaltung wird beauftragt:<br>a) Punkt eins<br>b) Punkt zwei</div>',
    ...Array.from({ length: 30 }, (_, i) => `<p>Absatz ${i} über den Haushalt und die Schulen der Stadt.</p>`),
  ].join('');
  const key = (p: { text: string; kind: string; blocks: Element[]; segments: TextSegment[] }) => ({
    text: p.text,
    kind: p.kind,
    blocks: p.blocks,
    segments: p.segments.map((s) => [s.node, s.start, s.end]),
  });

  it('gives the first passages as the whole reading gives them, and the whole reading is the same', async () => {
    document.body.innerHTML = html;
    const whole = extractPassages(document).map(key);
    document.body.innerHTML = html;
    const blocks = [...document.body.children];
    let taken: ReturnType<typeof key>[] = [];
    const all = await extractPassagesInSlices(document, 1_000, async () => undefined, {
      // "Below the view" from the tenth block on.
      past: (block) => blocks.indexOf(block) >= 10,
      take: async (first) => {
        taken = first.map(key);
      },
    });
    expect(taken.length).toBeGreaterThan(5);
    expect(taken).toEqual(extractPassages(document).map(key).slice(0, taken.length));
    expect(all.map((p) => p.text)).toEqual(whole.map((p) => p.text));
    expect(all.map(key).slice(0, taken.length)).toEqual(taken);
  });

  it('waits for the whole page where a line read so far carries a line number (their grouping is the page’s)', async () => {
    document.body.innerHTML = [
      ...Array.from({ length: 12 }, (_, i) => `<p>${i + 1} Zeile ${i + 1} des Antrags</p>`),
    ].join('');
    const blocks = [...document.body.children];
    let called = false;
    const all = await extractPassagesInSlices(document, 1_000, async () => undefined, {
      past: (block) => blocks.indexOf(block) >= 6,
      take: async () => {
        called = true;
      },
    });
    expect(called).toBe(false);
    expect(all[0]?.lines).toEqual([1, 12]);
  });
});
