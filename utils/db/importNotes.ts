import { parseNotesFile } from '../export/notesFile';
import type { Note } from '../notes/types';
import { type RatsmarkerDB, termsOf } from './schema';

export interface ImportSummary {
  added: number;
  updated: number;
  skipped: number;
}

/**
 * Imports a JSON export: validated before anything is written, then written
 * in one transaction. A note already present (same id) is replaced only when
 * the file's copy is newer. Any error leaves the store exactly as it was.
 */
export async function importNotes(db: RatsmarkerDB, fileText: string): Promise<ImportSummary> {
  const incoming = parseNotesFile(fileText);
  const summary: ImportSummary = { added: 0, updated: 0, skipped: 0 };
  await db.transaction('rw', db.notes, async () => {
    const existing = await db.notes.bulkGet(incoming.map((n) => n.id));
    const writes: Note[] = [];
    incoming.forEach((n, i) => {
      const current = existing[i];
      // Times as the store sorts them: UTC, one format.
      const created = new Date(n.created).toISOString();
      const updated = new Date(n.updated).toISOString();
      const note: Note = { ...n, created, updated, documentKey: n.document.key, terms: termsOf(n) };
      if (!current) {
        summary.added++;
        writes.push(note);
      } else if (Date.parse(n.updated) > Date.parse(current.updated)) {
        summary.updated++;
        writes.push(note);
      } else summary.skipped++;
    });
    await db.notes.bulkPut(writes);
  });
  return summary;
}
