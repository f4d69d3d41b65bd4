import { isAgendaPath } from '@/utils/detect/agendaPage';
import { isKnownCouncilUrl } from '@/utils/detect/councilHosts';
import { PAGE_SNAPSHOT_KEY } from '@/utils/pipeline/pageSnapshotKey';
import { PAGE_STRINGS_KEY } from '../pageStrings';
import { readLocal } from './readLocal';
import { TEST_MARKS_KEY } from './testMarks';

declare global {
  // The startup read asked for while the page began to load (startup.content.ts), in the content scripts' world.
  var __ratsmarkerEarlyStartup: Promise<Record<string, unknown>> | undefined;
}

/**
 * Everything a page needs from storage before its first highlight, in one
 * read (each read is a round trip through the browser): the test switch, the
 * strings in the reader's language and the packs as the background compiled
 * them for pages.
 */
export function readStartup(): Promise<Record<string, unknown>> {
  return readLocal([TEST_MARKS_KEY, PAGE_STRINGS_KEY, PAGE_SNAPSHOT_KEY]);
}

/**
 * Asks for the startup read as a council document page begins to load (a small script at document_start),
 * so that the browser reads storage while the page loads: the content script starts when the page is ready,
 * and found the read 10–25 ms away then. Only on the known hosts' document pages, where the content script
 * runs and makes this same read (not on every page of a site the reader added). Nothing is decoded here: that
 * is the content script's work, after its start.
 */
export function askForStartupEarly(where: Pick<URL, 'hostname' | 'pathname' | 'search'> = location): void {
  if (!isKnownCouncilUrl(where) || isAgendaPath(where.pathname)) return;
  globalThis.__ratsmarkerEarlyStartup ??= readStartup();
}

/** The startup read asked for early, once (a later read of the same page asks storage anew); else a read now. */
export function takeStartupRead(): Promise<Record<string, unknown>> {
  const early = globalThis.__ratsmarkerEarlyStartup;
  globalThis.__ratsmarkerEarlyStartup = undefined;
  return early ?? readStartup();
}
