// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractPassages } from '@/utils/dom/extractPassages';
import { buildTextMap, domRangeOf } from '@/utils/dom/textMap';

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
