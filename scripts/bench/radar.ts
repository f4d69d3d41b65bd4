import { readdirSync, readFileSync } from 'node:fs';
import { launchExtension } from '../../tests/e2e/fixtures';
import { AGENDA_PATH, type RadarItemSpec, startRadarServer } from '../../tests/e2e/radarServer';

/**
 * The meeting radar on a 30-item agenda whose items each have a Vorlage (a
 * third of them with the text only in a PDF), served from 127.0.0.1 with a
 * council server's latency. Measured: navigation to the whole radar (every
 * item checked), the longest task on the agenda page's main thread, and how
 * much the browser's processes grew while the radar read (resident memory of
 * all of Chromium's processes, sampled: the offscreen document that reads is
 * one of them, and no narrower figure is available from outside).
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

/** Resident memory of every Chromium process (MB), from /proc. */
function chromiumRssMB(): number {
  let kb = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium')) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(rss?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

export interface RadarFigures {
  items: number;
  pdfOnly: number;
  latencyMs: number;
  /** Navigation start to every item checked. */
  fullRadarMs: number;
  /** Longest task on the agenda page's main thread after navigation (PerformanceObserver longtask). */
  longestTaskMs: number;
  tasksOver50ms: number;
  /** Most document requests the server had at once. */
  mostInFlight: number;
  /** Growth of Chromium's resident memory while the radar read (peak − before), MB. */
  memoryAddedMB: number;
  /** The same agenda again: navigation to every item checked, everything answered 304. */
  secondVisitMs: number;
}

export async function measureRadar(runs: number): Promise<RadarFigures> {
  const list = items();
  const radar = await startRadarServer(list);
  const context = await launchExtension(radar.port);
  await context.addInitScript(() => {
    const w = globalThis as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const full: number[] = [];
  const second: number[] = [];
  let longest = 0;
  let over50 = 0;
  let memory = 0;
  try {
    for (let r = 0; r < runs; r++) {
      // A fresh start for each run: the radar's cache emptied through the options page's own code path.
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      await worker.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const req = indexedDB.deleteDatabase('ratsmarker-radar');
            req.onsuccess = req.onerror = req.onblocked = () => resolve();
          }),
      );
      const before = chromiumRssMB();
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, chromiumRssMB());
      }, 100);
      const page = await context.newPage();
      const url = `http://ratsinfo.duesseldorf.de${AGENDA_PATH}?__ksinr=${r}`;
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('ratsmarker:radar-done').length > 0, null, {
        timeout: 120_000,
      });
      clearInterval(sampler);
      const done = await page.evaluate(() => ({
        at: performance.getEntriesByName('ratsmarker:radar-done')[0]?.startTime ?? Number.NaN,
        tasks: (globalThis as unknown as { __longTasks: number[] }).__longTasks,
      }));
      full.push(done.at);
      longest = Math.max(longest, ...done.tasks, 0);
      over50 += done.tasks.filter((t) => t > 50).length;
      memory = Math.max(memory, peak - before);
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('ratsmarker:radar-done').length > 0, null, {
        timeout: 120_000,
      });
      second.push(await page.evaluate(() => performance.getEntriesByName('ratsmarker:radar-done')[0]?.startTime ?? 0));
      await page.close();
    }
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
  };
}
