import { browser } from 'wxt/browser';
import { taskBudget, yieldToPage } from '@/utils/pipeline/taskBudget';
import { type BriefingItem, briefingMarkdown } from '@/utils/radar/briefing';
import type { Agenda } from '@/utils/radar/readAgenda';
import { type CardMeasure, createCardLayer } from '../content/card';
import { cardStrings } from '../content/cardStrings';
import { type MessageKey, t } from '../i18n';
import { downloadText } from '../notes/download';
import { passageLink } from './passageLink';
import { createRadarChips, type RadarChip } from './radarChips';
import { createRadarPanel } from './radarPanel';
import type { HostMessage, ItemMessage, MeasuresMessage, RadarItemInput, ShownMeasure } from './radarProtocol';
import { RADAR_PORT } from './radarProtocol';
import type { NotesAnswer, NotesRequest } from './radarRelay';

export const RADAR_MEASURES_ATTRIBUTE = 'data-ratsmarker-measures';
/** A result as it came from the background; `rematch`: matched anew after the reader switched packs. */
type Incoming = ItemMessage & { rematch?: boolean };
/** User Timing mark: every item of the agenda has its final result. */
export const RADAR_DONE = 'ratsmarker:radar-done';
/**
 * User Timing mark: the last visit's readings are on the page (every item the cache knew; its detail says how
 * many), before the server has been asked whether anything changed.
 */
export const RADAR_CACHED = 'ratsmarker:radar-cached';
// The reader scrolls in bursts; one priority message per burst.
const PRIORITY_DELAY_MS = 150;
// The page's main thread is the reader's: the radar's own work on it goes in slices of this much, then gives a turn.
const SLICE_MS = 8;

/**
 * The meeting radar on an agenda page: asks the background to read each
 * item's documents, shows a chip per touched measure in the item's row (or why
 * there is none), a progress line and then a summary with jumps above the
 * agenda, and exports the briefing. The page itself only presents: reading
 * and matching happen off its main thread, and the page learns the measures'
 * words from the background, never the packs' matchers. Its own work is cut in
 * slices (the panel, the rows' chips a few at a time, results as they come),
 * so that no task of the radar holds the page up.
 */
export async function startRadar(doc: Document, url: URL, agenda: Agenda, testMarks: boolean) {
  const items = agenda.items;
  const table = items[0]?.row.closest('table') ?? items[0]?.row;
  if (!table) return undefined;

  // First the port: the background starts reading (and finds the last visit's readings) while the page is set up.
  const port = browser.runtime.connect({ name: RADAR_PORT });
  const input: RadarItemInput[] = items.map((item) => ({
    number: item.number,
    title: item.title,
    ...(item.paperNumber ? { paperNumber: item.paperNumber } : {}),
    ...(item.paperUrl ? { paperUrl: item.paperUrl } : {}),
    fileUrls: item.fileUrls,
  }));
  port.postMessage({ type: 'start', items: input });

  let measures = new Map<string, ShownMeasure>();
  let order: string[] = [];
  let codes = '';
  const results: (ItemMessage | undefined)[] = items.map(() => undefined);
  const chipMeasures: string[][] = items.map(() => []);
  // What came from the background and is not on the page yet; painted in slices once the rows have their chips.
  const incoming: (Incoming | 'cached')[] = [];
  let pendingNotes: ((notes: NotesAnswer['notes']) => void) | undefined;
  let stopped = false;
  let rowsReady = false;

  const exportBriefing = () => {
    const keys = [...new Set(results.flatMap((r) => r?.documentKeys ?? []))];
    pendingNotes = (notes) => {
      const briefing: BriefingItem[] = items.map((item, i) => {
        const r = results[i];
        const byMeasure = new Map<string, { quote: string; page?: number }[]>();
        for (const p of r?.passages ?? [])
          for (const m of p.measures)
            byMeasure.set(m.id, [
              ...(byMeasure.get(m.id) ?? []),
              { quote: p.text, ...(p.page ? { page: p.page } : {}) },
            ]);
        return {
          number: item.number,
          title: item.title,
          ...(item.paperNumber ? { paperNumber: item.paperNumber } : {}),
          ...(item.paperUrl ? { paperUrl: item.paperUrl } : {}),
          state: r?.state ?? (item.paperUrl || item.fileUrls.length > 0 ? 'failed' : 'none'),
          ...(r?.failure ? { failure: r.failure as BriefingItem['failure'] } : {}),
          matches: [...byMeasure].flatMap(([id, passages]) => {
            const m = measures.get(id);
            return m ? [{ measureId: id, reference: m.reference, label: m.label, passages }] : [];
          }),
          notes: notes.filter((n) => r?.documentKeys?.includes(n.documentKey)),
        };
      });
      const title = doc.title.replace(/^\s*SessionNet\s*\|\s*/i, '').trim() || url.hostname;
      const md = briefingMarkdown({ title, url: url.href, made: new Date().toISOString() }, briefing, (key, params) =>
        t(key as MessageKey, params ?? []),
      );
      const name = `Sitzungsvorbereitung-${title.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}.md`;
      downloadText(name, md, 'text/markdown;charset=utf-8', panel.root);
    };
    port.postMessage({ type: 'notes', keys } satisfies NotesRequest);
  };

  const openCard = (index: number, chip: number, button: HTMLButtonElement) => {
    const id = chipMeasures[index]?.[chip];
    const r = results[index];
    const m = id ? measures.get(id) : undefined;
    if (!id || !r || !m) return;
    const passages = r.passages.filter((p) => p.measures.some((x) => x.id === id));
    const measure: CardMeasure = {
      label: m.label,
      reference: m.reference,
      text: m.text,
      heading: m.heading,
      terms: [...new Set(passages.flatMap((p) => p.measures.find((x) => x.id === id)?.terms ?? []))],
      colour: m.colour,
      source: m.source,
      passages: passages.map((p) => {
        const isPdf = p.page !== undefined;
        return {
          quote: p.text.length > 400 ? `${p.text.slice(0, 399)}…` : p.text,
          href: passageLink(p.documentUrl, p, isPdf),
          linkText: isPdf ? t('radarOpenPdfPage', String(p.page)) : t('radarOpenDocument'),
        };
      }),
    };
    cards.open(button, button.getBoundingClientRect(), [measure], strings);
  };

  const hasDocument = (i: number) => !!(items[i]?.paperUrl || (items[i]?.fileUrls.length ?? 0) > 0);

  // Whatever arrives while the rows are set up waits in `incoming`; nothing is lost.
  port.onMessage.addListener((message: HostMessage | NotesAnswer | MeasuresMessage) => {
    if (message.type === 'measures') {
      measures = new Map(message.measures.map((m) => [m.id, m]));
      order = message.measures.map((m) => m.id);
      codes = message.codes;
    } else if (message.type === 'items') {
      incoming.push(...(message.rematch ? message.items.map((r) => ({ ...r, rematch: true })) : message.items));
      if (message.cached) incoming.push('cached');
      void paint();
    } else if (message.type === 'notes') {
      pendingNotes?.(message.notes);
      pendingNotes = undefined;
    } else if (message.type === 'done') {
      // Whatever has no final result by now will not get one.
      const finals = new Set(
        incoming.flatMap((r) => (r !== 'cached' && !r.provisional && !r.rematch ? [r.index] : [])),
      );
      for (const [i, r] of results.entries())
        if ((!r || r.provisional) && !finals.has(i))
          incoming.push({ index: i, state: 'failed', failure: 'network', passages: [] });
      void paint();
    }
  });
  port.onDisconnect.addListener(() => {
    stopped = true;
    if (rowsReady)
      for (const [i, r] of results.entries())
        if (!r && hasDocument(i)) chips[i]?.showState(t('radarNotChecked', t('radarFailure_stopped')));
  });

  // The panel above the agenda, in the task that read the agenda; the rows' chips after it, a few per slice.
  const cards = createCardLayer(doc);
  const strings = cardStrings();
  const panel = createRadarPanel(
    doc,
    table,
    {
      heading: t('radarHeading'),
      progress: (done, total) =>
        done === total ? t('radarDone', String(total)) : t('radarProgress', [String(done), String(total)]),
      summary: (touched, total, c) => t('radarSummary', [String(touched), String(total), c]),
      jump: (n, title) => t('radarJump', [n, title]),
      exportBriefing: t('radarExport'),
    },
    { exportBriefing },
  );
  let done = 0;
  panel.setProgress(0, items.length);
  await yieldToPage();

  const checking = t('radarChecking');
  const noDocument = t('radarNoDocument');
  const chips: ReturnType<typeof createRadarChips>[] = [];
  const setup = taskBudget(SLICE_MS);
  for (const [i, item] of items.entries()) {
    const view = createRadarChips(doc, item.titleCell, (chip, button) => openCard(i, chip, button));
    view.showState(hasDocument(i) ? checking : noDocument);
    chips.push(view);
    await setup.pause();
  }
  setup.finish();
  rowsReady = true;

  let resummarise = false;
  const show = (next: Incoming) => {
    let r: ItemMessage = next;
    const before = results[r.index];
    if (r.index < 0 || r.index >= items.length) return;
    if (next.rematch) {
      // The reader switched packs: the new matching replaces what the row shows (an item still being read
      // gets its own result later, matched with the new packs too).
      if (!before) return;
      r = { ...r, ...(before.provisional ? { provisional: true } : {}) };
      resummarise = done === items.length;
    }
    // A final result is final; a provisional one (the last visit's) only fills an empty row.
    else if ((before && !before.provisional) || (before && r.provisional)) return;
    results[r.index] = r;
    if (!r.provisional && !next.rematch) {
      done++;
      panel.setProgress(done, items.length);
    }
    const view = chips[r.index];
    if (r.state === 'none') view?.showState(noDocument);
    else if (r.state === 'failed')
      view?.showState(t('radarNotChecked', t(`radarFailure_${r.failure ?? 'network'}` as MessageKey)));
    const ids = [...new Set(r.passages.flatMap((p) => p.measures.map((m) => m.id)))].filter((id) => measures.has(id));
    // In the order of the packs and their measures, as the resolution lists them.
    ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    chipMeasures[r.index] = ids;
    if (r.state === 'checked') {
      const list: RadarChip[] = ids.map((id) => {
        const m = measures.get(id) as ShownMeasure;
        const count = r.passages.filter((p) => p.measures.some((x) => x.id === id)).length;
        return {
          short: m.reference.replace(', ', ' · '),
          spoken: t('radarChipLabel', [m.reference.replace(',', ''), String(count)]),
          colour: m.colour,
        };
      });
      if (list.length > 0) view?.showChips(list);
      else view?.clear();
    }
    // The test contract, only where the extension's own storage asks for it.
    const row = items[r.index]?.row;
    if (testMarks && row) {
      if (ids.length > 0) row.setAttribute(RADAR_MEASURES_ATTRIBUTE, ids.join(' '));
      else row.removeAttribute(RADAR_MEASURES_ATTRIBUTE);
    }
    if (!r.provisional && !next.rematch && done === items.length) summarise();
  };

  const showSummary = () =>
    panel.setSummary(
      items.filter((_, i) => (chipMeasures[i]?.length ?? 0) > 0),
      items.length,
      codes,
    );
  const summarise = () => {
    // The benchmark reads when the whole agenda was checked (User Timing, as the document pages' scan marks).
    performance.mark(RADAR_DONE);
    showSummary();
  };

  // Results go on the page in slices: a second visit's whole agenda from the cache arrives in one message.
  let painting = false;
  async function paint() {
    if (painting || !rowsReady) return;
    painting = true;
    const budget = taskBudget(SLICE_MS);
    for (let next = incoming.shift(); next !== undefined; next = incoming.shift()) {
      if (next === 'cached') {
        const shown = results.filter((r) => r?.provisional).length;
        performance.mark(RADAR_CACHED, { detail: { items: shown } });
      } else show(next);
      if (budget.due()) await budget.yieldNow();
    }
    if (resummarise) {
      resummarise = false;
      showSummary();
    }
    budget.finish();
    painting = false;
  }
  void paint();
  if (stopped)
    for (const [i, r] of results.entries())
      if (!r && hasDocument(i)) chips[i]?.showState(t('radarNotChecked', t('radarFailure_stopped')));

  // The items the reader can see are read first.
  const visible = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rowIndex = new Map(items.map((item, i) => [item.row, i]));
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const i = rowIndex.get(e.target);
      if (i === undefined) continue;
      if (e.isIntersecting) visible.add(i);
      else visible.delete(i);
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!stopped) port.postMessage({ type: 'priority', visible: [...visible] });
    }, PRIORITY_DELAY_MS);
  });
  for (const item of items) observer.observe(item.row);

  return {
    stop() {
      observer.disconnect();
      port.disconnect();
      panel.remove();
      for (const c of chips) c.host.remove();
    },
  };
}
