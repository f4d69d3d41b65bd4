// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESENT_BATCH, presentFound } from '@/components/content/presentFound';
import { readCouncilPage } from '@/utils/detect/readCouncilPage';
import { compileMatcher } from '@/utils/matcher/compileMatcher';
import { fromMatcherData, MATCHER_FORMAT, toMatcherData } from '@/utils/matcher/matcherData';
import { matchPassages, matchWith } from '@/utils/matcher/matchPassages';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { createPack } from '@/utils/pack/loadPack';
import { exportPack } from '@/utils/pack/packFile';
import { activePacksFrom, activePacksOf } from '@/utils/pipeline/activePacks';
import { compilePacks } from '@/utils/pipeline/compilePacks';
import { matchDocument, matchDocumentInSlices } from '@/utils/pipeline/matchDocument';
import { readWebPage } from '@/utils/pipeline/readWebPage';
import { scanDocument } from '@/utils/pipeline/scanDocument';
import { taskBudget } from '@/utils/pipeline/taskBudget';

const kw21 = builtinKw21();
const st4 = readFileSync(join(process.cwd(), 'tests/fixtures/resolutions/st4_rheinufer.txt'), 'utf8');
const TEXTS = [
  'Die Städtepartnerschaft mit Toulouse soll mit einem Jugendaustausch belebt werden.',
  'Der Bebauungsplan Nr. 12 wird öffentlich ausgelegt.',
  'Gemeinsam mit den Nachbarkreisen sollen mehr Interreg-Mittel eingeworben werden.',
];

/** A clock the test moves by hand, and a yielder that counts the turns given to the page. */
function fakeTime() {
  let t = 0;
  const turns: number[] = [];
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
    yielder: async () => {
      turns.push(t);
    },
    turns,
  };
}

describe('taskBudget', () => {
  it('gives the page no turn while the work fits in one slice', async () => {
    const clock = fakeTime();
    const budget = taskBudget(20, clock);
    for (let i = 0; i < 5; i++) {
      clock.advance(3);
      await budget.pause();
    }
    expect(clock.turns).toEqual([]);
  });

  it('gives a turn only once a slice is used up, and records each slice', async () => {
    const clock = fakeTime();
    const slices: [number, number][] = [];
    const budget = taskBudget(20, { ...clock, onSlice: (s, e) => slices.push([s, e]) });
    for (let i = 0; i < 10; i++) {
      clock.advance(8);
      await budget.pause();
    }
    budget.finish();
    expect(clock.turns).toEqual([24, 48, 72]);
    expect(slices).toEqual([
      [0, 24],
      [24, 48],
      [48, 72],
      [72, 80],
    ]);
  });

  it('counts no wait as work: after restart a new slice begins, and the wait is in no slice', async () => {
    const clock = fakeTime();
    const slices: [number, number][] = [];
    const budget = taskBudget(20, { ...clock, onSlice: (s, e) => slices.push([s, e]) });
    // Storage answers after 500 ms: the page did other things meanwhile.
    clock.advance(500);
    budget.restart();
    clock.advance(8);
    await budget.pause();
    clock.advance(15);
    await budget.pause();
    budget.finish();
    expect(clock.turns).toEqual([523]);
    expect(slices).toEqual([
      [500, 523],
      [523, 523],
    ]);
  });
});

describe('presenting a page’s matched passages (presentFound)', () => {
  /**
   * Presents `count` passages with a clock already `used` ms into its slice; preparing a batch takes `perBatch`
   * ms. Records each step and the turns the page got before it.
   */
  async function presenting(count: number, used: number, perBatch = 3) {
    const clock = fakeTime();
    const budget = taskBudget(20, clock);
    clock.advance(used);
    const steps: { step: 'prepare' | 'commit'; size: number; turnsBefore: number }[] = [];
    await presentFound(
      Array.from({ length: count }, (_, i) => i),
      {
        prepare: (batch) => {
          steps.push({ step: 'prepare', size: batch.length, turnsBefore: clock.turns.length });
          clock.advance(perBatch);
          return batch.map((i) => `entry ${i}`);
        },
        commit: (ready) => {
          steps.push({ step: 'commit', size: ready.length, turnsBefore: clock.turns.length });
          clock.advance(2);
        },
      },
      budget,
    );
    return { steps, turns: clock.turns };
  }

  it('puts a long page’s badges in with one commit, after all of them were prepared', async () => {
    // 5 MB: 508 badges in 16 batches of 3 ms each: the page gets its turns while they are built (nothing of them
    // is in the page yet, so a turn costs it no frame), and all go in at once (the page laid out again once).
    const { steps, turns } = await presenting(508, 19);
    const commits = steps.filter((s) => s.step === 'commit');
    expect(commits).toEqual([{ step: 'commit', size: 508, turnsBefore: turns.length }]);
    expect(steps.at(-1)?.step).toBe('commit');
    expect(steps.filter((s) => s.step === 'prepare').reduce((n, s) => n + s.size, 0)).toBe(508);
    expect(turns.length).toBeGreaterThan(1);
    // Slices as usual while preparing: a turn whenever 20 ms were used, never more than a batch late.
    for (let i = 1; i < turns.length; i++)
      expect((turns[i] as number) - (turns[i - 1] as number)).toBeLessThan(20 + 3 + 1);
  });

  it('prepares in batches and gives no turn for a page whose badges fit in the slice', async () => {
    // 1 MB at the start of a slice: 113 badges in four batches, then one commit, in one task.
    const { steps, turns } = await presenting(113, 0);
    expect(steps.map((s) => `${s.step} ${s.size}`)).toEqual([
      `prepare ${PRESENT_BATCH}`,
      `prepare ${PRESENT_BATCH}`,
      `prepare ${PRESENT_BATCH}`,
      `prepare ${113 - 3 * PRESENT_BATCH}`,
      'commit 113',
    ]);
    expect(turns).toEqual([]);
  });

  it('still puts in what was prepared when a later batch fails', async () => {
    const committed: string[][] = [];
    const failing = presentFound(
      Array.from({ length: 3 * PRESENT_BATCH }, (_, i) => i),
      {
        prepare: (batch) => {
          if ((batch[0] as number) >= 2 * PRESENT_BATCH) throw new Error('the page changed under it');
          return batch.map((i) => `entry ${i}`);
        },
        commit: (ready) => {
          committed.push(ready);
        },
      },
      taskBudget(20, fakeTime()),
    );
    await expect(failing).rejects.toThrow('the page changed under it');
    expect(committed.map((c) => c.length)).toEqual([2 * PRESENT_BATCH]);
  });

  it('commits nothing when nothing matched', async () => {
    const { steps } = await presenting(0, 5);
    expect(steps).toEqual([]);
  });
});

describe('compiled matchers in storage', () => {
  it('read back as JSON give the same matches as compiling on the spot', () => {
    const data = JSON.parse(JSON.stringify(toMatcherData(compileMatcher(kw21))));
    const again = fromMatcherData(data);
    expect(again).toBeDefined();
    expect(matchWith(TEXTS, [again as never])).toEqual(matchPassages(TEXTS, kw21));
  });

  it('keep every word pattern and term as compiled, by column, and are refused when a column does not fit', () => {
    const compiled = compileMatcher(kw21);
    const data = JSON.parse(JSON.stringify(toMatcherData(compiled)));
    const again = fromMatcherData(data);
    expect(again?.words).toEqual(compiled.words);
    // The terms without their words (those are the word patterns by termWords).
    expect(again?.terms).toEqual(compiled.terms.map((t) => ({ source: t.source, gaps: t.gaps })));
    // By column: a fraction of the objects' size (every page reads them).
    expect(JSON.stringify(data.matcher.words).length).toBeLessThan(JSON.stringify(compiled.words).length / 2);
    const m = data.matcher;
    expect(fromMatcherData({ ...data, matcher: { ...m, words: { ...m.words, flags: m.words.flags.slice(1) } } })).toBe(
      undefined,
    );
    expect(
      fromMatcherData({ ...data, matcher: { ...m, words: { ...m.words, flags: `z${m.words.flags.slice(1)}` } } }),
    ).toBeUndefined();
    expect(fromMatcherData({ ...data, matcher: { ...m, terms: { ...m.terms, gaps: [] } } })).toBeUndefined();
  });

  it('are not read in another format (an older version compiles anew)', () => {
    expect(fromMatcherData({ format: 'x' } as never)).toBeUndefined();
    expect(toMatcherData(compileMatcher(kw21)).format).toBe(MATCHER_FORMAT);
  });
});

describe('compilePacks and activePacksFrom', () => {
  const spec = (id: string, file = exportPack(createPack(st4)), colour = 1) => ({ id, builtin: false, colour, file });

  it('compiles each pack once, with every lexicon written out, and a page reads it without compiling', () => {
    const { compiled, broken } = compilePacks([spec('KW21', exportPack(kw21), 0), spec('ST4')]);
    expect(broken).toEqual([]);
    expect(compiled.map((c) => c.id)).toEqual(['KW21', 'ST4']);
    // ST4 has no curated lexicon: the drawn one travels with it, so that a page draws nothing.
    expect(compiled[1]?.pack.measures.map((m) => [m.id, m.lexicon.label.length > 0])).toEqual([
      ['ST4-2', true],
      ['ST4-4', true],
    ]);
    const { packs: active, stale } = activePacksFrom(JSON.parse(JSON.stringify(compiled)));
    expect(stale).toBe(false);
    expect(active.map((a) => [a.pack.id, a.colour])).toEqual([
      ['KW21', 0],
      ['ST4', 1],
    ]);
    expect(
      matchDocument(
        TEXTS.map((text) => ({ text })),
        active,
      ).map((m) => m.index),
    ).toEqual([0, 2]);
  });

  it('leaves out a pack compiled by an older version and says so (a page compiles nothing)', () => {
    const [kw] = compilePacks([spec('KW21', exportPack(kw21), 0)]).compiled;
    const old = { ...(kw as NonNullable<typeof kw>), matcher: { format: 'ratsmarker-matcher-0' } as never };
    expect(activePacksFrom([old])).toEqual({ packs: [], stale: true });
  });

  it('compiles a pack again only when its file changed (not for a new colour or sensitivity)', () => {
    const first = compilePacks([spec('ST4')]).compiled;
    const again = compilePacks([spec('ST4', undefined, 5)], first).compiled;
    expect(again[0]?.matcher).toBe(first[0]?.matcher);
    expect(again[0]?.colour).toBe(5);
    const changed = { ...exportPack(createPack(st4)), source: st4.replace('Rheinufer', 'Rheinufers') };
    expect(compilePacks([spec('ST4', changed)], first).compiled[0]?.matcher).not.toBe(first[0]?.matcher);
  });

  it('switches off only a broken pack, with its reason', () => {
    const file = exportPack(createPack(st4));
    const bad = {
      ...file,
      lexicon: {
        code: 'ST4',
        measures: { 'ST4-2': { label: 'x', concepts: { a: ['Ufer'] }, match: [['a', 'fehlt']] } },
      },
    };
    const { compiled, broken } = compilePacks([spec('ST4', bad), spec('KW21', exportPack(kw21), 0)]);
    expect(compiled.map((c) => c.id)).toEqual(['KW21']);
    expect(broken).toEqual([{ id: 'ST4', code: 'errLexiconUnknownConcept', params: ['ST4-2', 'fehlt'] }]);
  });
});

describe('matchDocument', () => {
  const passages = TEXTS.map((text, i) => ({ text, page: i + 1 }));

  it('keeps the matched passages of any source, with their index', () => {
    const out = matchDocument(passages, activePacksOf([kw21]));
    expect(out.map((m) => [m.index, m.passage.page, m.measures.map((x) => x.id)])).toEqual([
      [0, 1, ['KW21-7']],
      [2, 3, ['KW21-20']],
    ]);
  });

  it('gives the same in slices', async () => {
    const clock = fakeTime();
    const inSlices = await matchDocumentInSlices(passages, activePacksOf([kw21]), undefined, taskBudget(20, clock));
    expect(inSlices).toEqual(matchDocument(passages, activePacksOf([kw21])));
  });

  it('gives the same in slices where list items take their context from a lead-in', async () => {
    const list = [
      'Die Verwaltung wird beauftragt, in der Ausländerbehörde folgende Angebote zu schaffen:',
      'a) Merkblätter in Englisch, Arabisch und Türkisch,',
      'b) eine Sprechstunde mit Dolmetscherinnen und Dolmetschern,',
      'c) längere Öffnungszeiten.',
      'Der Bebauungsplan Nr. 12 wird öffentlich ausgelegt.',
    ].map((text) => ({ text }));
    const whole = matchDocument(list, activePacksOf([kw21]));
    // One passage at a time, as the page's first scan matches them: the lead-in still lends its context.
    const inSlices = await matchDocumentInSlices(list, activePacksOf([kw21]), undefined, taskBudget(0, fakeTime()));
    expect(inSlices).toEqual(whole);
    expect(whole.map((m) => m.index)).toContain(1);
  });

  it('matches only the passages asked for, in that order, each as among all (the passages in view first)', async () => {
    const list = [
      'Die Verwaltung wird beauftragt, in der Ausländerbehörde folgende Angebote zu schaffen:',
      'a) Merkblätter in Englisch, Arabisch und Türkisch,',
      'b) eine Sprechstunde mit Dolmetscherinnen und Dolmetschern,',
      TEXTS[0] as string,
    ].map((text) => ({ text }));
    const packs = activePacksOf([kw21]);
    const whole = matchDocument(list, packs);
    // Item a) without its lead-in among those asked for: the lead-in still lends it its context.
    const first = await matchDocumentInSlices(list, packs, undefined, taskBudget(0, fakeTime()), [3, 1]);
    const rest = await matchDocumentInSlices(list, packs, undefined, taskBudget(0, fakeTime()), [0, 2]);
    expect(first.map((m) => m.index)).toEqual([3, 1]);
    expect([...first, ...rest].sort((a, b) => a.index - b.index)).toEqual(whole);
  });
});

describe('readWebPage and scanDocument', () => {
  const html = `<html><head><title>SessionNet | Vorlage</title></head><body>
    <nav class="smc-nav"><p>Startseite Politik Verwaltung Service</p></nav>
    <h1>Vorlage - 2026/17</h1>
    <div class="smcdocmsword"><div class="WordSection1">
      <p>${TEXTS[0]}</p><p>${TEXTS[1]}</p><p>${TEXTS[2]}</p>
    </div></div></body></html>`;
  const parsed = () => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

  it('reads a document that is not shown (parsed by DOMParser) as the scan tool does', () => {
    const doc = parsed();
    const scan = scanDocument(doc, activePacksOf([kw21]));
    expect(scan.facts.number).toBe('2026/17');
    expect(scan.passages.map((p) => p.text)).toEqual(readCouncilPage(doc).passages.map((p) => p.text));
    expect(scan.matches.map((m) => m.passage.text)).toEqual([TEXTS[0], TEXTS[2]]);
  });

  it('reads the same passages in slices as at once, and under a part of the page', async () => {
    const doc = parsed();
    const page = readWebPage(doc);
    const whole = page.passages().map((p) => p.text);
    expect(whole).toEqual(TEXTS);
    const clock = fakeTime();
    expect((await page.passagesInSlices(taskBudget(20, clock), 20)).map((p) => p.text)).toEqual(whole);
    expect(page.passages(doc.querySelector('.WordSection1') as Element).map((p) => p.text)).toEqual(whole);
  });
});
