import { useStoredStrings } from '../i18n';
import { PAGE_STRINGS_KEY } from '../pageStrings';
import { readLocal } from './readLocal';
import { loadTestMarks, TEST_MARKS_KEY } from './testMarks';

/** What an agenda page needs from storage, in one read: the test switch and the strings (its radar matches off the page, so no packs). */
export function readAgendaStartup(): Promise<Record<string, unknown>> {
  return readLocal([TEST_MARKS_KEY, PAGE_STRINGS_KEY]);
}

/**
 * Takes the test switch and the strings of a page's startup read into this world, before its first badge or
 * chip: the switch decides the test contract and the shadow roots' mode, the strings are the badges' words.
 */
export function useStartup(startup: Promise<Record<string, unknown>>): Promise<boolean> {
  return loadTestMarks(() =>
    startup.then((stored) => {
      useStoredStrings(stored[PAGE_STRINGS_KEY]);
      return stored[TEST_MARKS_KEY];
    }),
  );
}
