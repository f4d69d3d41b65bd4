import { storage } from 'wxt/utils/storage';
import type { BrokenPack, CompiledPackSpec } from '@/utils/pipeline/compilePacks';

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
