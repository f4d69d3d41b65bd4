import * as v from 'valibot';
import type { ActivePackSpecs } from '../activeSpecs';

/**
 * The radar's messages. The agenda tab opens a port named RADAR_PORT to the
 * background; where the background has no DOM (Chrome's service worker) it
 * opens a port named RADAR_HOST_PORT to the offscreen document and relays.
 * Every message is validated where it arrives: the agenda page's items come
 * from a page, and a port is a way in.
 */
export const RADAR_PORT = 'ratsmarker-radar';
export const RADAR_HOST_PORT = 'ratsmarker-radar-host';

const url = v.pipe(v.string(), v.maxLength(4000), v.url());
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
// A council agenda has tens of items, a Haushalt meeting a few hundred.
const MAX_ITEMS = 500;

export const RadarItemSchema = v.object({
  number: text(40),
  title: text(2000),
  paperNumber: v.optional(text(200)),
  paperUrl: v.optional(url),
  fileUrls: v.pipe(v.array(url), v.maxLength(50)),
});
export type RadarItemInput = v.InferOutput<typeof RadarItemSchema>;

/** Tab → host. */
export const TabMessageSchema = v.variant('type', [
  v.object({ type: v.literal('start'), items: v.pipe(v.array(RadarItemSchema), v.maxLength(MAX_ITEMS)) }),
  /** The items the reader can see now: read them first. */
  v.object({
    type: v.literal('priority'),
    visible: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.maxLength(MAX_ITEMS)),
  }),
]);
export type TabMessage = v.InferOutput<typeof TabMessageSchema>;

/** Background → host, before the tab's messages: the packs to match with; `packs`: the reader switched packs. */
export interface HostSetup {
  type: 'setup' | 'packs';
  active: ActivePackSpecs;
}

/** One passage of an item's document that touches measures. */
export interface RadarPassageOut {
  text: string;
  page?: number;
  lines?: [number, number];
  documentUrl: string;
  measures: { id: string; terms: string[] }[];
}

/** One item's result, host → tab. */
export interface ItemMessage {
  index: number;
  state: 'checked' | 'none' | 'failed';
  failure?: string;
  /** The last visit's reading, shown at once; the final result for the item follows. */
  provisional?: boolean;
  passages: RadarPassageOut[];
  /** The keys the reader's notes on the item's documents carry (its Vorlage's; its PDF's where that differs). */
  documentKeys?: string[];
}

/** Host → tab. */
export type HostMessage =
  /**
   * Results, several at once where they came together; `cached`: the last visit's readings of every item the
   * cache knows, sent before any request (possibly none).
   */
  | {
      type: 'items';
      items: ItemMessage[];
      cached?: boolean;
      /** The reader switched packs: these replace the items' results (matched anew from the cache). */
      rematch?: boolean;
    }
  | { type: 'done' };

/**
 * A measure as the agenda page shows it, made by the background from the active packs: the page needs their
 * words, not their matchers (a compiled pack is a few hundred kilobytes to read back on the page).
 */
export interface ShownMeasure {
  id: string;
  /** "KW21, Z. 7–8" */
  reference: string;
  label: string;
  text: string;
  heading?: string;
  colour: number;
  /** "KW21 Internationale Zusammenarbeit · Kreisvorstand · 05.02.2020" */
  source: string;
}

/**
 * Background → tab, before any result, and again whenever the reader switches packs: the active packs'
 * measures in the packs' order, and their codes ("KW21").
 */
export interface MeasuresMessage {
  type: 'measures';
  measures: ShownMeasure[];
  codes: string;
}
