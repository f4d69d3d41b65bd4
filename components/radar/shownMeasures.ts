import { formatLineReference } from '@/utils/resolution/lineReference';
import type { ActivePackSpecs } from '../activeSpecs';
import type { MeasuresMessage } from './radarProtocol';

/** The active packs' measures as the agenda page shows them (chips, cards, briefing), in the packs' order. */
export function shownMeasures(active: Pick<ActivePackSpecs, 'specs'>): MeasuresMessage {
  const measures = active.specs.flatMap(({ pack, colour }) => {
    const res = pack.resolution;
    const source = [`${res.code} ${res.title}`, res.body, res.date].filter(Boolean).join(' · ');
    return pack.measures.map((m) => ({
      id: m.id,
      reference: formatLineReference(res.code, m.firstLine, m.lastLine),
      label: m.lexicon.label,
      text: m.text,
      ...(m.heading ? { heading: m.heading } : {}),
      colour,
      source,
    }));
  });
  const codes = [...new Set(active.specs.map((s) => s.pack.resolution.code))].join(', ');
  return { type: 'measures', measures, codes };
}
