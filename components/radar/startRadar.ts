import { browser } from 'wxt/browser';
import type { PositionPack } from '@/utils/pack/types';
import type { ActivePack } from '@/utils/pipeline/activePacks';

/** What the radar's page needs of a pack: its measures and its colour (no matcher: it matches nothing). */
export type ShownPack = Pick<ActivePack, 'pack' | 'colour'>;

import { type BriefingItem, briefingMarkdown } from '@/utils/radar/briefing';
import type { Agenda } from '@/utils/radar/readAgenda';
import { formatLineReference } from '@/utils/resolution/lineReference';
import { type CardMeasure, createCardLayer } from '../content/card';
import { cardStrings } from '../content/cardStrings';
import { type MessageKey, t } from '../i18n';
import { downloadText } from '../notes/download';
import { passageLink } from './passageLink';
import { createRadarChips, type RadarChip } from './radarChips';
import { createRadarPanel } from './radarPanel';
import type { HostMessage, RadarItemInput } from './radarProtocol';
import { RADAR_PORT } from './radarProtocol';
import type { NotesAnswer, NotesRequest } from './radarRelay';

type ItemResult = Extract<HostMessage, { type: 'item' }>;

export const RADAR_MEASURES_ATTRIBUTE = 'data-ratsmarker-measures';
/** User Timing mark: every item of the agenda has its result. */
export const RADAR_DONE = 'ratsmarker:radar-done';
// The reader scrolls in bursts; one priority message per burst.
const PRIORITY_DELAY_MS = 150;

interface MeasureInfo {
  pack: PositionPack;
  measure: PositionPack['measures'][number];
  colour: number;
}

/** The measures of the active packs by id, each in its pack's colour (as badges show them on document pages). */
function measureInfo(packs: readonly ShownPack[]): Map<string, MeasureInfo> {
  const info = new Map<string, MeasureInfo>();
  for (const { pack, colour } of packs)
    for (const measure of pack.measures) info.set(measure.id, { pack, measure, colour });
  return info;
}

/**
 * The meeting radar on an agenda page: asks the background to read each
 * item's documents, shows a chip per touched measure in the item's row (or why
 * there is none), a progress line and then a summary with jumps above the
 * agenda, and exports the briefing. The page itself only presents: reading
 * and matching happen off its main thread.
 */
export function startRadar(doc: Document, url: URL, agenda: Agenda, packs: readonly ShownPack[], testMarks: boolean) {
  const items = agenda.items;
  const info = measureInfo(packs);
  const codes = [...new Set(packs.map((p) => p.pack.resolution.code))].join(', ');
  const results: (ItemResult | undefined)[] = items.map(() => undefined);
  const cards = createCardLayer(doc);
  const strings = cardStrings();
  const table = items[0]?.row.closest('table') ?? items[0]?.row;
  if (!table) return undefined;

  const port = browser.runtime.connect({ name: RADAR_PORT });
  let pendingNotes: ((notes: NotesAnswer['notes']) => void) | undefined;

  const exportBriefing = () => {
    const keys = [...new Set(results.map((r) => r?.documentKey).filter((k): k is string => !!k))];
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
            const m = info.get(id);
            if (!m) return [];
            const reference = formatLineReference(m.pack.resolution.code, m.measure.firstLine, m.measure.lastLine);
            return [{ measureId: id, reference, label: m.measure.lexicon.label, passages }];
          }),
          notes: notes.filter((n) => n.documentKey === r?.documentKey),
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

  const chips = items.map((item, i) =>
    createRadarChips(doc, item.titleCell, (chip, button) => openCard(i, chip, button)),
  );
  const chipMeasures: string[][] = items.map(() => []);

  const openCard = (index: number, chip: number, button: HTMLButtonElement) => {
    const id = chipMeasures[index]?.[chip];
    const r = results[index];
    const m = id ? info.get(id) : undefined;
    if (!id || !r || !m) return;
    const passages = r.passages.filter((p) => p.measures.some((x) => x.id === id));
    const res = m.pack.resolution;
    const measure: CardMeasure = {
      label: m.measure.lexicon.label,
      reference: formatLineReference(res.code, m.measure.firstLine, m.measure.lastLine),
      text: m.measure.text,
      heading: m.measure.heading,
      terms: [...new Set(passages.flatMap((p) => p.measures.find((x) => x.id === id)?.terms ?? []))],
      colour: m.colour,
      source: [`${res.code} ${res.title}`, res.body, res.date].filter(Boolean).join(' · '),
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

  let done = 0;
  panel.setProgress(0, items.length);
  items.forEach((item, i) => {
    if (item.paperUrl || item.fileUrls.length > 0) chips[i]?.showState(t('radarChecking'));
    else chips[i]?.showState(t('radarNoDocument'));
  });

  const show = (r: ItemResult) => {
    const before = results[r.index];
    // A final result is final; a provisional one (the last visit's) only fills an empty row.
    if (r.index < 0 || r.index >= items.length || (before && !before.provisional) || (before && r.provisional)) return;
    results[r.index] = r;
    if (!r.provisional) {
      done++;
      panel.setProgress(done, items.length);
    }
    const view = chips[r.index];
    if (r.state === 'none') view?.showState(t('radarNoDocument'));
    else if (r.state === 'failed')
      view?.showState(t('radarNotChecked', t(`radarFailure_${r.failure ?? 'network'}` as MessageKey)));
    const ids = [...new Set(r.passages.flatMap((p) => p.measures.map((m) => m.id)))].filter((id) => info.has(id));
    // In the order of the packs and their measures, as the resolution lists them.
    const order = [...info.keys()];
    ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    chipMeasures[r.index] = ids;
    if (r.state === 'checked') {
      const list: RadarChip[] = ids.map((id) => {
        const m = info.get(id) as MeasureInfo;
        const ref = formatLineReference(m.pack.resolution.code, m.measure.firstLine, m.measure.lastLine);
        const count = r.passages.filter((p) => p.measures.some((x) => x.id === id)).length;
        return {
          short: ref.replace(', ', ' · '),
          spoken: t('radarChipLabel', [ref.replace(',', ''), String(count)]),
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
    if (!r.provisional && done === items.length) summarise();
  };

  const summarise = () => {
    // The benchmark reads when the whole agenda was checked (User Timing, as the document pages' scan marks).
    performance.mark(RADAR_DONE);
    const touched = items.filter((_, i) => (chipMeasures[i]?.length ?? 0) > 0);
    panel.setSummary(touched, items.length, codes);
  };

  port.onMessage.addListener((message: HostMessage | NotesAnswer) => {
    if (message.type === 'item') show(message);
    else if (message.type === 'notes') {
      pendingNotes?.(message.notes);
      pendingNotes = undefined;
    } else if (message.type === 'done') {
      for (const [i, r] of results.entries())
        if (!r || r.provisional) show({ type: 'item', index: i, state: 'failed', failure: 'network', passages: [] });
    }
  });
  port.onDisconnect.addListener(() => {
    for (const [i, r] of results.entries())
      if (!r && (items[i]?.paperUrl || items[i]?.fileUrls.length))
        chips[i]?.showState(t('radarNotChecked', t('radarFailure_stopped')));
  });

  const input: RadarItemInput[] = items.map((item) => ({
    number: item.number,
    title: item.title,
    ...(item.paperNumber ? { paperNumber: item.paperNumber } : {}),
    ...(item.paperUrl ? { paperUrl: item.paperUrl } : {}),
    fileUrls: item.fileUrls,
  }));
  port.postMessage({ type: 'start', items: input });

  // The items the reader can see are read first.
  const visible = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const i = items.findIndex((item) => item.row === e.target);
      if (e.isIntersecting) visible.add(i);
      else visible.delete(i);
    }
    clearTimeout(timer);
    timer = setTimeout(() => port.postMessage({ type: 'priority', visible: [...visible] }), PRIORITY_DELAY_MS);
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
