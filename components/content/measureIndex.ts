import type { MeasureMatch } from '@/utils/matcher/matchPassages';
import type { PackMeasure, PositionPack } from '@/utils/pack/types';
import type { ActivePack } from '@/utils/pipeline/activePacks';
import { formatLineReference } from '@/utils/resolution/lineReference';
import type { PageReport } from '../messages';
import type { BadgeMeasure } from './badge';
import type { CardMeasure } from './card';
import { highlightSlot } from './palette';

interface MeasureInfo {
  measure: PackMeasure;
  pack: PositionPack;
  /** The pack's colour (badges, cards). */
  colour: number;
  /** The pack's colour in this measure's shade (highlights). */
  slot: number;
}

/**
 * The measures of the active packs, each in its pack's colour, and how a match
 * on one reads on a badge, in a card and in the report (the same on web pages
 * and in the PDF viewer).
 */
export function createMeasureIndex(packs: readonly ActivePack[]) {
  const info = new Map<string, MeasureInfo>();
  for (const { pack, colour } of packs)
    for (const [i, measure] of pack.measures.entries())
      info.set(measure.id, { measure, pack, colour, slot: highlightSlot(colour, i) });
  const get = (id: string) => info.get(id) as MeasureInfo;

  const references = (m: MeasureMatch) => {
    const ref = formatLineReference(get(m.id).pack.resolution.code, m.lines[0], m.lines[1]);
    return { short: ref.replace(', ', ' · '), spoken: ref.replace(',', ''), reference: ref };
  };

  return {
    colourOf: (id: string) => get(id).colour,
    slotOf: (id: string) => get(id).slot,
    /** The pack a measure belongs to (the share switch's per-pack default). */
    packOf: (id: string): string | undefined => info.get(id)?.pack.id,

    badgeMeasures: (matches: readonly MeasureMatch[]): BadgeMeasure[] =>
      matches.map((m) => ({ ...references(m), terms: m.terms, colour: get(m.id).colour })),

    cardMeasures: (matches: readonly MeasureMatch[]): CardMeasure[] =>
      matches.map((m) => {
        const i = get(m.id);
        const r = i.pack.resolution;
        return {
          label: i.measure.lexicon.label,
          reference: references(m).reference,
          text: i.measure.text,
          heading: i.measure.heading,
          terms: m.terms,
          colour: i.colour,
          source: [`${r.code} ${r.title}`, r.body, r.date].filter(Boolean).join(' · '),
        };
      }),

    /** How often each measure matched, for the popup. */
    reportMeasures: (matchLists: Iterable<readonly MeasureMatch[]>): PageReport['measures'] => {
      const counts = new Map<string, number>();
      for (const list of matchLists) for (const m of list) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
      return [...counts].map(([id, count]) => {
        const i = get(id);
        return {
          id,
          label: i.measure.lexicon.label,
          reference: formatLineReference(i.pack.resolution.code, i.measure.firstLine, i.measure.lastLine),
          count,
        };
      });
    },
  };
}

export type MeasureIndex = ReturnType<typeof createMeasureIndex>;

/** A passage's text as the popup and side panel list it. */
export function reportText(text: string): string {
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
