import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton, finds, WORD_START } from '@/utils/matcher/automaton';
import { decodeAutomaton, type EncodedAutomaton, encodeAutomaton } from '@/utils/matcher/automatonCodec';
import { compileMatcher, matcherFor } from '@/utils/matcher/compileMatcher';
import { decodeGate, type EncodedGate } from '@/utils/matcher/gateCodec';
import { fromMatcherData, toMatcherData } from '@/utils/matcher/matcherData';
import { matchWith, wordsOfToken } from '@/utils/matcher/matchPassages';
import { buildPageAutomaton, NEEDED, pageAutomatonOf, passageGateOf, RELEVANT } from '@/utils/matcher/pageAutomaton';
import { buildPassageGate, GATE, passesGate } from '@/utils/matcher/passageGate';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { exportPack } from '@/utils/pack/packFile';
import { compilePacks } from '@/utils/pipeline/compilePacks';
import { PAGE_SNAPSHOT_FORMAT, pageSnapshotText, readPageSnapshot } from '@/utils/pipeline/pageSnapshot';
import { tokenize } from '@/utils/text/tokenize';
import { labelledTexts } from './helpers/labelledTexts';

const texts = labelledTexts();
const kw21 = builtinKw21();
const compiled = matcherFor(kw21);
const specs = () => compilePacks([{ id: kw21.id, builtin: true, colour: 0, file: exportPack(kw21) }]).compiled;

describe('the automaton as stored (automatonCodec)', () => {
  it('comes back as the same automaton, at a tenth of the full table’s size', () => {
    const a = buildPageAutomaton(compiled);
    const e = encodeAutomaton(a);
    if (!e) throw new Error('not encoded');
    const d = decodeAutomaton(JSON.parse(JSON.stringify(e)));
    if (!d) throw new Error('not decoded');
    // Numbered anew (breadth first), so compared by what it finds, for every mark.
    for (const text of texts)
      for (const mask of [NEEDED, RELEVANT, GATE]) expect(finds(d, text, 0, mask)).toBe(finds(a, text, 0, mask));
    expect(JSON.stringify(e).length * 8).toBeLessThan(a.next.length * 2);
  });

  it('finds what the built one finds for any words and text (property)', () => {
    const letters = fc.constantFrom(...'aäbcdeiklmnoöprsßtuüz');
    const word = fc.array(letters, { minLength: 1, maxLength: 6 }).map((l) => l.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), word), { minLength: 1, maxLength: 12 }),
        fc.array(fc.oneof(word, fc.constantFrom(' ', '-', '.', 'SS', 'Ä')), { maxLength: 40 }),
        (ws, parts) => {
          const words = ws.map(
            ([start, w]) => (start ? WORD_START : '') + w.replace(/ß/g, 'ss').replace(/[äöü]/g, 'a'),
          );
          const a = buildAutomaton(words, (w) => (w.length % 2 ? 1 : 2));
          const d = decodeAutomaton(encodeAutomaton(a));
          if (!d) throw new Error('not decoded');
          const text = parts.join('');
          for (const mask of [1, 2, 3]) expect(finds(d, text, 0, mask)).toBe(finds(a, text, 0, mask));
        },
      ),
      { numRuns: 300, seed: 4711 },
    );
  });

  it('is refused when damaged or incomplete, so the page builds its own', () => {
    const e = encodeAutomaton(buildPageAutomaton(compiled));
    if (!e) throw new Error('not encoded');
    expect(decodeAutomaton({ ...e, parents: e.parents.slice(0, 40) })).toBeUndefined();
    expect(decodeAutomaton({ ...e, states: e.states + 1 })).toBeUndefined();
    expect(decodeAutomaton({ ...e, marks: 42 as never })).toBeUndefined();
    expect(decodeAutomaton(undefined)).toBeUndefined();
  });
});

describe('the page snapshot (one string in storage)', () => {
  it('gives a page the same matches as compiling on the spot, without building anything', async () => {
    const text = pageSnapshotText(specs(), 0.5);
    expect(typeof text).toBe('string');
    const read = await readPageSnapshot(text);
    if (!read) throw new Error('not read');
    expect(read.threshold).toBe(0.5);
    const [pack] = read.packs;
    if (!pack) throw new Error('no pack');
    // The measures keep what a page shows; the lexicon is the compiled matcher's now.
    expect(pack.pack.measures[0]?.lexicon).toEqual({ label: kw21.measures[0]?.lexicon.label });
    expect(pack.pack.measures.map((m) => m.text)).toEqual(kw21.measures.map((m) => m.text));
    for (const threshold of [0.5, 0.3])
      expect(matchWith(texts, [pack.matcher], { threshold })).toEqual(matchWith(texts, [compiled], { threshold }));
  });

  it('holds no character beyond Latin-1 (a page keeps it at one byte a character), and reads back every one', () => {
    const [spec] = specs();
    if (!spec) throw new Error('no spec');
    // The resolution's dashes and quotation marks and the Polish cities' letters are beyond Latin-1.
    expect(JSON.stringify(spec.pack.resolution)).toMatch(/[\u0100-\uffff]/);
    const text = pageSnapshotText([spec], 0.5);
    expect(text).not.toMatch(/[\u0100-\uffff]/);
    const stored = JSON.parse(text) as { packs: { pack: typeof spec.pack; matcher: unknown }[] };
    expect(stored.packs[0]?.pack.resolution).toEqual(spec.pack.resolution);
    expect(stored.packs[0]?.matcher).toEqual(JSON.parse(JSON.stringify(spec.matcher)));
  });

  it('reads the same in steps, with a turn between the parse and each table (a slow machine’s page)', async () => {
    const text = pageSnapshotText(specs(), 0.5);
    let turns = 0;
    const read = await readPageSnapshot(text, async () => {
      turns++;
    });
    const whole = await readPageSnapshot(text);
    expect(read?.threshold).toBe(whole?.threshold);
    expect(read?.packs.map((p) => p.pack)).toEqual(whole?.packs.map((p) => p.pack));
    expect(matchWith(texts, [read?.packs[0]?.matcher as typeof compiled])).toEqual(matchWith(texts, [compiled]));
    // After the parse, before the matcher, and before the automaton and its gate.
    expect(turns).toBe(2);
    expect(await readPageSnapshot(text.slice(0, 1000), async () => undefined)).toBeUndefined();
  });

  it('is not read when missing, of another version or damaged (the page then asks the background)', async () => {
    const text = pageSnapshotText(specs(), 0.5);
    expect(await readPageSnapshot(undefined)).toBeUndefined();
    expect(await readPageSnapshot({ format: PAGE_SNAPSHOT_FORMAT })).toBeUndefined();
    expect(await readPageSnapshot(text.replace(PAGE_SNAPSHOT_FORMAT, 'ratsmarker-page-0'))).toBeUndefined();
    expect(await readPageSnapshot(text.slice(0, 1000))).toBeUndefined();
    expect(await readPageSnapshot(text.replace('"states":', '"states":1'))).toBeUndefined();
  });

  it('hands a page the passage gate it would build itself, so it builds none', async () => {
    const stored = JSON.parse(pageSnapshotText(specs(), 0.5)) as {
      packs: { automaton: EncodedAutomaton; gate: EncodedGate }[];
    };
    const [p] = stored.packs;
    if (!p) throw new Error('no pack');
    const decoded = decodeAutomaton(p.automaton);
    if (!decoded) throw new Error('no automaton');
    const built = buildPassageGate(compiled, decoded);
    expect(decodeGate(p.gate, decoded.final.length)).toEqual(built);
    // The page's matcher has it before its first passage: the stored one, not one built again.
    const marked = { ...stored, packs: [{ ...p, gate: { ...p.gate, largestPartialRule: 0.123 } }] };
    const matcher = (await readPageSnapshot(JSON.stringify(marked)))?.packs[0]?.matcher;
    if (!matcher) throw new Error('not read');
    expect(passageGateOf(matcher)).toEqual({ ...built, largestPartialRule: 0.123 });
    // One that does not fit the automaton is not used: the page builds its own.
    expect(decodeGate(p.gate, decoded.final.length + 1)).toBeUndefined();
    expect(decodeGate({ ...p.gate, carrierCount: p.gate.carrierCount + 1 }, decoded.final.length)).toBeUndefined();
    expect(decodeGate({ ...p.gate, groupCount: 1 }, decoded.final.length)).toBeUndefined();
    expect(decodeGate({ ...p.gate, ids: p.gate.ids.slice(0, 8) }, decoded.final.length)).toBeUndefined();
  });

  it('keeps a pack’s automaton while its file is the same', () => {
    const first = pageSnapshotText(specs(), 0.5);
    const [spec] = specs();
    if (!spec) throw new Error('no spec');
    const previous = JSON.parse(first) as { packs: { automaton: unknown }[] };
    const marked = JSON.stringify({ ...previous, packs: [{ ...previous.packs[0], automaton: { kept: true } }] });
    const again = JSON.parse(pageSnapshotText([spec], 0.7, marked)) as { packs: { automaton: unknown }[] };
    expect(again.packs[0]?.automaton).toEqual({ kept: true });
    const changed = JSON.parse(pageSnapshotText([{ ...spec, fileHash: 'other' }], 0.7, marked)) as typeof again;
    expect(changed.packs[0]?.automaton).not.toEqual({ kept: true });
  });
});

describe('the shortcuts lose nothing', () => {
  it('a word that holds no lexicon value matches no word pattern, so it need not be stemmed', () => {
    const a = pageAutomatonOf(compiled);
    let skipped = 0;
    for (const text of texts)
      for (const token of tokenize(text)) {
        if (finds(a, token.norm, 0, RELEVANT)) continue;
        skipped++;
        expect(wordsOfToken(compiled, token)).toEqual([]);
      }
    expect(skipped).toBeGreaterThan(1000);
  });

  it('words are stemmed only where asked (once stemmed, a written form keeps its stem)', () => {
    const text = 'Xyzzy Gastpartnerschaften plughs Quuxverwaltungen';
    const some = tokenize(text, (norm) => norm.includes('partner'));
    const all = tokenize(text);
    expect(some.map((t) => t.stem)).toEqual(['', all[1]?.stem, '', '']);
    expect(some.map(({ stem: _, ...t }) => t)).toEqual(all.map(({ stem: _, ...t }) => t));
  });

  it('the gate lets through every passage that matches, and fewer than the candidate test', () => {
    const gate = passageGateOf(compiled);
    if (!gate) throw new Error('no gate');
    const a = pageAutomatonOf(compiled);
    const matched = matchWith(texts, [compiled], { threshold: 0.5, exhaustive: true });
    let gated = 0;
    let candidates = 0;
    for (const [i, text] of texts.entries()) {
      const through = passesGate(gate, a, text);
      if ((matched[i]?.measures.length ?? 0) > 0) expect(through).toBe(true);
      gated += through ? 1 : 0;
      candidates += finds(a, text, 0, NEEDED) ? 1 : 0;
    }
    expect(gated).toBeLessThan(candidates);
  });

  it('a decoded automaton gives the gate the same answers as a built one', async () => {
    const data = toMatcherData(compileMatcher(kw21));
    const built = fromMatcherData(data);
    const read = (await readPageSnapshot(pageSnapshotText(specs(), 0.5)))?.packs[0]?.matcher;
    if (!built || !read) throw new Error('not read');
    const [g1, g2] = [passageGateOf(built), passageGateOf(read)];
    if (!g1 || !g2) throw new Error('no gate');
    for (const text of texts)
      expect(passesGate(g2, pageAutomatonOf(read), text)).toBe(passesGate(g1, pageAutomatonOf(built), text));
  });
});
