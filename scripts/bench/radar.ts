import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchExtension } from '../../tests/e2e/fixtures';
import { AGENDA_PATH, type RadarItemSpec, startRadarServer } from '../../tests/e2e/radarServer';

/**
 * The meeting radar on a 30-item agenda whose items each have a Vorlage (a
 * third of them with the text only in a PDF), served from 127.0.0.1 with a
 * council server's latency. Measured: navigation to the whole radar (every
 * item checked), the longest task on the agenda page's main thread, and how
 * much the browser's processes grew while the radar read (resident memory of
 * all of this Chromium's processes, sampled: the offscreen document that reads
 * is one of them, and no narrower figure is available from outside).
 */
const ITEMS = 30;
// A council server answers a document in some tens of milliseconds.
const LATENCY_MS = 40;

function items(): RadarItemSpec[] {
  return Array.from({ length: ITEMS }, (_, i): RadarItemSpec => {
    const pdfOnly = i % 3 === 2;
    const topic =
      i % 5 === 0
        ? 'Die Verwaltung wird beauftragt, den Austausch mit der Partnerstadt Toulouse zu verstetigen und jährlich eine Bürgerreise zu organisieren.'
        : i % 7 === 0
          ? 'Die Stadt tritt dem Netzwerk Eurocities bei und beteiligt sich an dessen Arbeitsgruppen; die Fachverwaltung wird einbezogen.'
          : `Der Bebauungsplan Nr. ${i} wird als Satzung beschlossen; die Begründung ist Bestandteil des Beschlusses.`;
    return {
      title: `Tagesordnungspunkt ${i + 1}`,
      vorlage: {
        number: `VO/${i + 1}/2026`,
        paragraphs: pdfOnly
          ? []
          : [topic, 'Finanzielle Auswirkungen: keine.', 'Die Begründung ergibt sich aus der Anlage.'],
        ...(pdfOnly ? { pdf: 'motion' as const } : {}),
      },
      delay: LATENCY_MS,
    };
  });
}

/**
 * Resident memory (MB, from /proc) of this bench's Chromium: the browser process whose command line maps the
 * test hosts to `port`, and every process under it. Other Chromiums on a shared machine do not count.
 */
function chromiumRssMB(port: number): number {
  const parentOf = new Map<number, number>();
  let browserPid: number | undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (name) state ppid …": the name may hold spaces, so read after its closing parenthesis.
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (
        cmdline.includes('--load-extension=') &&
        cmdline.includes(`127.0.0.1:${port}`) &&
        !cmdline.includes('--type=')
      )
        browserPid = Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  if (browserPid === undefined) return 0;
  const ours = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parentOf.get(p))
      if (p === browserPid) return true;
    return false;
  };
  let kb = 0;
  for (const pid of parentOf.keys()) {
    if (!ours(pid)) continue;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

/**
 * Waits for a User Timing mark on the page without Playwright's polling (waitForFunction evaluates Playwright's
 * own injected script in the page and polls every frame: work on the very main thread that is measured).
 */
function waitForMark(page: Page, name: string): Promise<void> {
  return page.evaluate(
    (n) =>
      new Promise<void>((resolve, reject) => {
        if (performance.getEntriesByName(n).length > 0) return resolve();
        const timer = setTimeout(() => reject(new Error(`no ${n} within 120 s`)), 120_000);
        new PerformanceObserver((list, observer) => {
          if (list.getEntriesByName(n).length === 0) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        }).observe({ type: 'mark' });
      }),
    name,
  );
}

export interface RadarFigures {
  items: number;
  pdfOnly: number;
  latencyMs: number;
  /** Navigation start to every item checked. */
  fullRadarMs: number;
  /** Longest task on the agenda page's main thread after navigation (PerformanceObserver longtask), both visits. */
  longestTaskMs: number;
  /** Tasks over 50 ms on the agenda page, both visits of every run together. */
  tasksOver50ms: number;
  /** Most document requests the server had at once. */
  mostInFlight: number;
  /** Growth of Chromium's resident memory while the radar read (peak − before), MB. */
  memoryAddedMB: number;
  /** The same agenda again: navigation to every item checked, everything answered 304 (revalidation finished). */
  secondVisitMs: number;
  /** The same agenda again: navigation to every item's last reading on the page, before any answer. */
  secondVisitCachedMs: number;
  /** Items shown from the cache on the second visit (all of them, when the cache works). */
  secondVisitCachedItems: number;
  /**
   * One more first visit under Chrome's tracing: the agenda page's longest main-thread task as wall time and
   * as the thread's own CPU time (the machine is shared: the CPU time does not count the waits for a core),
   * and what ran in it.
   */
  traced?: { longestTaskMs: number; longestTaskCpuMs: number; longestCpuTaskMs: number; what: string };
}

// A browser task on the agenda page's renderer main thread, from a Chrome trace (µs).
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

/** The longest tasks of the main thread of the renderer that set the radar's marks, by wall and by CPU time. */
function longestTasks(events: TraceEvent[]): RadarFigures['traced'] {
  const pid = events.find((e) => e.name.startsWith('ratsmarker:'))?.pid;
  const main = events.find((e) => e.pid === pid && e.ph === 'M' && e.args?.name === 'CrRendererMain')?.tid;
  const onMain = events.filter((e) => e.pid === pid && e.tid === main && e.ph === 'X' && e.dur !== undefined);
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  // The outermost of nested task events only.
  const outer = tasks.filter(
    (t) =>
      !tasks.some(
        (o) => o !== t && o.ts <= t.ts && o.ts + (o.dur ?? 0) >= t.ts + (t.dur ?? 0) && (o.dur ?? 0) > (t.dur ?? 0),
      ),
  );
  if (outer.length === 0) return undefined;
  const ms = (us: number | undefined) => Math.round((us ?? 0) / 100) / 10;
  /** What ran in a task: its largest parts (script, style, layout, garbage collection), by wall time. */
  const what = (task: TraceEvent) =>
    onMain
      .filter((e) => e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && !tasks.includes(e))
      .filter((e) =>
        /EvaluateScript|FunctionCall|UpdateLayoutTree|Layout|Paint|GC|RunMicrotasks|v8\.compile|ParseHTML/.test(e.name),
      )
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 4)
      .map((e) => `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : ''} ${ms(e.dur)} ms`)
      .join(', ');
  const byCpu = [...outer].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
  const byWall = outer.reduce((a, b) => ((b.dur ?? 0) > (a.dur ?? 0) ? b : a));
  const top = byCpu[0] as TraceEvent;
  // BENCH_DEBUG=1: the five tasks that took the most CPU time, when they ran (ms from the first task) and what ran.
  if (process.env.BENCH_DEBUG) {
    const t0 = Math.min(...outer.map((e) => e.ts));
    for (const task of byCpu.slice(0, 5))
      process.stderr.write(
        `bench: radar traced task at ${ms(task.ts - t0)} ms: ${ms(task.tdur)} ms CPU, ${ms(task.dur)} ms wall: ${what(task)}\n`,
      );
  }
  return {
    longestTaskMs: ms(byWall.dur),
    longestTaskCpuMs: ms(top.tdur),
    longestCpuTaskMs: ms(top.dur),
    what: what(top),
  };
}

export async function measureRadar(runs: number): Promise<RadarFigures> {
  const list = items();
  const radar = await startRadarServer(list);
  const context = await launchExtension(radar.port);
  await context.addInitScript(() => {
    const w = globalThis as unknown as { __longTasks: [number, number][] };
    w.__longTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // A fresh start: the radar's cache emptied.
  const emptyCache = () =>
    worker.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const req = indexedDB.deleteDatabase('ratsmarker-radar');
          req.onsuccess = req.onerror = req.onblocked = () => resolve();
        }),
    );
  /** Loads (or reloads) the agenda until every item is checked; the page's marks and long tasks. */
  const visit = async (page: Page, url?: string) => {
    if (url) await page.goto(url);
    else await page.reload();
    await waitForMark(page, 'ratsmarker:radar-done');
    const got = await page.evaluate(() => {
      const cached = performance.getEntriesByName('ratsmarker:radar-cached')[0] as PerformanceMark | undefined;
      return {
        done: performance.getEntriesByName('ratsmarker:radar-done')[0]?.startTime ?? Number.NaN,
        cached: cached?.startTime ?? Number.NaN,
        cachedItems: (cached?.detail as { items?: number } | null)?.items ?? 0,
        tasks: (globalThis as unknown as { __longTasks: [number, number][] }).__longTasks,
        marks: performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('ratsmarker:'))
          .map((m) => `${m.name.slice(11)} ${Math.round(m.startTime)}`),
      };
    });
    // BENCH_DEBUG=1: when the radar's marks fell and when each long task ran.
    if (process.env.BENCH_DEBUG)
      process.stderr.write(
        `bench: radar ${url ? 'first' : 'second'} visit: marks ${got.marks.join(', ')}; long tasks ${JSON.stringify(got.tasks.map((t) => t.map(Math.round)))}\n`,
      );
    return got;
  };
  const full: number[] = [];
  const second: number[] = [];
  const secondCached: number[] = [];
  let cachedItems = Number.POSITIVE_INFINITY;
  let longest = 0;
  let over50 = 0;
  let memory = 0;
  let traced: RadarFigures['traced'];
  try {
    for (let r = 0; r < runs; r++) {
      await emptyCache();
      const before = chromiumRssMB(radar.port);
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, chromiumRssMB(radar.port));
      }, 100);
      const page = await context.newPage();
      const first = await visit(page, `http://ratsinfo.duesseldorf.de${AGENDA_PATH}?__ksinr=${r}`);
      clearInterval(sampler);
      full.push(first.done);
      memory = Math.max(memory, peak - before);
      const again = await visit(page);
      second.push(again.done);
      secondCached.push(again.cached);
      cachedItems = Math.min(cachedItems, again.cachedItems);
      for (const { tasks } of [first, again]) {
        longest = Math.max(longest, ...tasks.map(([, d]) => d), 0);
        over50 += tasks.filter(([, d]) => d > 50).length;
      }
      await page.close();
    }
    // The traced first visit: Chrome's own account of each task, with its CPU time.
    await emptyCache();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,toplevel,v8',
      transferMode: 'ReportEvents',
    });
    await visit(page, `http://ratsinfo.duesseldorf.de${AGENDA_PATH}?__ksinr=traced`);
    await cdp.send('Tracing.end');
    await complete;
    traced = longestTasks(events);
    await page.close();
  } finally {
    await context.close();
    radar.server.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return {
    items: list.length,
    pdfOnly: list.filter((i) => typeof i.vorlage === 'object' && i.vorlage.pdf).length,
    latencyMs: LATENCY_MS,
    fullRadarMs: Math.round(median(full)),
    longestTaskMs: Math.round(longest),
    tasksOver50ms: over50,
    mostInFlight: radar.log.mostInFlight,
    memoryAddedMB: Math.round(memory),
    secondVisitMs: Math.round(median(second)),
    secondVisitCachedMs: Math.round(median(secondCached)),
    secondVisitCachedItems: cachedItems,
    ...(traced ? { traced } : {}),
  };
}
