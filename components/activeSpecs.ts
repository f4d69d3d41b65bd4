import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import type { BrokenPack, CompiledPackSpec } from '@/utils/pipeline/compilePacks';
import { coloursInUse, PALETTE } from './content/palette';

/** What a page needs to match: the enabled packs (validated, compiled) and the threshold. */
export interface ActivePackSpecs {
  specs: CompiledPackSpec[];
  threshold: number;
  /** Ids of packs that could not be read. */
  damaged: string[];
  /** Enabled packs that did not compile, switched off alone, with the reason. */
  broken?: BrokenPack[];
}

/**
 * The background's last reading of the packs, validated, for content scripts
 * and extension pages: reading storage does not wake the service worker, a
 * message would. Its own module, so that a page that only shows the packs
 * loads none of the compiler (../packs.ts).
 */
export const activeSpecsItem = storage.defineItem<ActivePackSpecs>('local:activeSpecs');

/** The key of highlightColoursItem, for pages that read storage without wxt's storage module. */
export const HIGHLIGHT_COLOURS_KEY = 'highlightColours';

/**
 * The palette entries of the active packs' colours (palette.ts `coloursInUse`), written with activeSpecsItem: the
 * few bytes the background registers the council pages' highlight colours from (background/highlightStyles.ts) and
 * the PDF viewer reads as it starts, so that it styles only those colours' highlights before its first page is
 * drawn (the snapshot that says the same is some 280 kB and decoded only after the pages are drawn).
 */
export const highlightColoursItem = storage.defineItem<number[]>(`local:${HIGHLIGHT_COLOURS_KEY}`);

const StoredColoursSchema = v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(PALETTE.length - 1)));

/**
 * Palette entries as stored (`highlightColoursItem`), or undefined when what is stored
 * is missing or not a list of palette entries: the reader of it then styles every colour.
 */
export function storedColours(stored: unknown): number[] | undefined {
  const read = v.safeParse(StoredColoursSchema, stored);
  return read.success ? coloursInUse(read.output.map((colour) => ({ colour }))) : undefined;
}
