// The warm matcher: the offscreen document's answer (utils/pipeline/warmMatch.ts) and the page's side of the
// port (components/content/warmMatcher.ts), which falls back to the page's own matching on any failure.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type MatchPort, warmMatcher } from '@/components/content/warmMatcher';
import { builtinKw21 } from '@/utils/pack/builtinPacks';
import { exportPack } from '@/utils/pack/packFile';
import { compilePacks } from '@/utils/pipeline/compilePacks';
import { matchDocument } from '@/utils/pipeline/matchDocument';
import { pageSnapshotText, readPageSnapshot, readPageSnapshotLazily } from '@/utils/pipeline/pageSnapshot';
import { answerWarmMatch, type HeldPacks } from '@/utils/pipeline/warmMatch';
import { labelledTexts } from './helpers/labelledTexts';

const kw21 = builtinKw21();
const snapshot = pageSnapshotText(
  compilePacks([{ id: kw21.id, builtin: true, colour: 0, file: exportPack(kw21) }]).compiled,
  0.5,
);
// Items under a lead-in, and paragraphs of the labelled sets: some match, most do not.
const TEXTS = [
  'Die Verwaltung wird beauftragt:',
  'die Städtepartnerschaft mit Toulouse durch einen Jugendaustausch zu beleben,',
  'einen Bericht vorzulegen.',
  ...labelledTexts().slice(0, 60),
];
const passages = TEXTS.map((text) => ({ text }));

async function held(stamp = 's1'): Promise<HeldPacks> {
  const read = await readPageSnapshot(snapshot);
  if (!read) throw new Error('the snapshot did not decode');
  return { stamp, ...read };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the warm matcher’s answer (answerWarmMatch)', () => {
  it('finds what the page’s own matching finds, for all passages and for some of them as among all', async () => {
    const h = await held();
    const own = matchDocument(passages, h.packs, h.threshold);
    expect(own.length).toBeGreaterThan(1);
    const all = (await answerWarmMatch(h, { id: 1, stamp: 's1', texts: TEXTS })) as { found: unknown[] };
    expect(all).toEqual({ id: 1, found: own.map((f) => ({ index: f.index, measures: f.measures })) });
    // The item alone, its lead-in among the texts: matched with the lead-in's context, as in the whole.
    const some = await answerWarmMatch(h, { id: 2, stamp: 's1', texts: TEXTS, only: [1, 2, 999] });
    expect(some).toEqual({
      id: 2,
      found: own.filter((f) => f.index === 1 || f.index === 2).map((f) => ({ index: f.index, measures: f.measures })),
    });
  });

  it('answers stale for another snapshot or none held, and nothing to what is not a request', async () => {
    const h = await held('s1');
    expect(await answerWarmMatch(h, { id: 3, stamp: 's2', texts: TEXTS })).toEqual({ id: 3, stale: true });
    expect(await answerWarmMatch(undefined, { id: 4, stamp: 's1', texts: TEXTS })).toEqual({ id: 4, stale: true });
    expect(await answerWarmMatch(h, { id: 5, stamp: 's1', texts: 'Toulouse' })).toBeUndefined();
    expect(await answerWarmMatch(h, null)).toBeUndefined();
  });
});

describe('the packs for a page that a warm matcher serves (readPageSnapshotLazily)', () => {
  it('decodes a matcher only when it is used, and then as readPageSnapshot does', async () => {
    const lazily = readPageSnapshotLazily(snapshot);
    const eager = await readPageSnapshot(snapshot);
    if (!lazily || !eager) throw new Error('the snapshot did not decode');
    expect(lazily.packs.map((p) => p.pack.id)).toEqual(eager.packs.map((p) => p.pack.id));
    expect(matchDocument(passages, lazily.packs, lazily.threshold)).toEqual(
      matchDocument(passages, eager.packs, eager.threshold),
    );
  });

  it('throws for a matcher that turns out damaged only when it is used', () => {
    const damaged = JSON.parse(snapshot);
    damaged.packs[0].matcher.format = 'another';
    const lazily = readPageSnapshotLazily(JSON.stringify(damaged));
    expect(lazily?.packs[0]?.pack.id).toBe(kw21.id);
    expect(() => lazily?.packs[0]?.matcher).toThrow();
  });
});

/** A port to a warm matcher that serves `h` (or says nothing, or goes away), as the offscreen document would. */
function portTo(h: HeldPacks | undefined, how: 'serves' | 'silent' | 'goes' = 'serves') {
  const heard: ((m: unknown) => void)[] = [];
  const gone: (() => void)[] = [];
  const sent: unknown[] = [];
  let disconnected = false;
  const port: MatchPort = {
    postMessage: (m) => {
      sent.push(m);
      if (how === 'goes') for (const g of gone) g();
      else
        void answerWarmMatch(h, m).then((a) => {
          if (a) for (const l of heard) l(a);
        });
    },
    disconnect: () => {
      disconnected = true;
    },
    onMessage: { addListener: (l) => heard.push(l) },
    onDisconnect: { addListener: (l) => gone.push(l) },
  };
  if (how !== 'silent')
    queueMicrotask(() => {
      for (const l of heard) l({ ready: true });
    });
  return { port, sent, disconnected: () => disconnected };
}

describe('the page’s side of the warm matcher (warmMatcher)', () => {
  it('gives the warm matcher’s matches with the page’s own passages, over one port', async () => {
    const h = await held('s1');
    const to = portTo(h);
    const connect = vi.fn(() => to.port);
    const remote = warmMatcher('s1', connect);
    const own = matchDocument(passages, h.packs, h.threshold);
    expect(await remote(passages)).toEqual(own);
    const some = await remote(passages, [1]);
    expect(some?.map((f) => f.passage)).toEqual(own.filter((f) => f.index === 1).map((f) => f.passage));
    expect(connect).toHaveBeenCalledTimes(1);
    expect(performance.getEntriesByName('ratsmarker:warm-match').length).toBeGreaterThan(0);
  });

  it('gives up, for good, when the matcher holds other packs, goes away, or never says it is there', async () => {
    const stale = portTo(await held('other'));
    const remote = warmMatcher('s1', () => stale.port);
    expect(await remote(passages)).toBeUndefined();
    expect(stale.disconnected()).toBe(true);
    expect(await remote(passages)).toBeUndefined();
    expect(stale.sent).toHaveLength(1);

    const going = portTo(await held('s1'), 'goes');
    expect(await warmMatcher('s1', () => going.port)(passages)).toBeUndefined();

    vi.useFakeTimers();
    const silent = portTo(await held('s1'), 'silent');
    const waiting = warmMatcher('s1', () => silent.port)(passages);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await waiting).toBeUndefined();
    expect(silent.sent).toEqual([]);
  });
});
