/** Limits of what the notebook writes, so that every export imports again (see export/notesFile.ts). */
export const MAX_TAG_LENGTH = 100;
export const MAX_TAGS = 50;
export const MAX_NOTE_LENGTH = 1_000_000;
