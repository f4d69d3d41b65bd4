import type { Page } from '@playwright/test';
import { termsOf } from '../../utils/db/schema';
import { noteDocument } from '../../utils/notes/documentKey';
import type { Note } from '../../utils/notes/types';
import { paragraphs } from './generatePage';

/** `count` notes on 700 documents, a minute apart, some about Toulouse. */
export function makeNotes(count: number): Note[] {
  const texts = paragraphs(Math.min(count, 500), 5);
  const now = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const doc = noteDocument(`https://ratsinfo.duesseldorf.de/vo0050.asp?__kvonr=${i % 700}`, {
      number: `AIF/${i % 700}/2026`,
      title: `Vorlage ${i % 700}`,
    });
    const quote = texts[i % texts.length] as string;
    const base = {
      id: `bench-${i}`,
      document: doc,
      documentKey: doc.key,
      target: {
        quote: { type: 'TextQuoteSelector' as const, exact: quote.slice(0, 160), prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector' as const, start: 0, end: 160 },
      },
      measureIds: i % 3 === 0 ? ['KW21-7'] : i % 3 === 1 ? ['KW21-20'] : [],
      text: `Notiz ${i}: ${i % 11 === 0 ? 'Toulouse ' : ''}nachfragen im Ausschuss`,
      tags: i % 5 === 0 ? ['Haushalt'] : ['Ausschuss'],
      created: new Date(now + i * 60_000).toISOString(),
      updated: new Date(now + i * 60_000).toISOString(),
    };
    return { ...base, terms: termsOf(base) };
  });
}

export async function seedNotes(page: Page, notes: Note[]) {
  // Write straight into the extension's IndexedDB (the popup has created the schema).
  for (let i = 0; i < notes.length; i += 5_000) {
    await page.evaluate(
      (chunk) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('ratsmarker');
          open.onsuccess = () => {
            const db = open.result;
            // Written past Dexie, so the stored search index is dropped here as Dexie would drop it,
            // and whose each note is kept beside it as Dexie would keep it (utils/db/noteOwners.ts).
            const owners = db.objectStoreNames.contains('noteOwners');
            const tx = db.transaction(['notes', 'searchCache', ...(owners ? ['noteOwners'] : [])], 'readwrite');
            const store = tx.objectStore('notes');
            for (const n of chunk) store.put(n);
            if (owners) {
              const ownersStore = tx.objectStore('noteOwners');
              for (const n of chunk)
                ownersStore.put({ id: n.id, whose: n.faction ? 'faction' : 'mine', updated: n.updated });
              // The counts under key 0, as new notes (the bench seeds a cleared store).
              const read = ownersStore.get(0);
              read.onsuccess = () => {
                const counts = read.result ?? { id: 0, mine: 0, faction: 0 };
                for (const n of chunk) counts[n.faction ? 'faction' : 'mine']++;
                ownersStore.put(counts);
              };
            }
            tx.objectStore('searchCache').delete('index');
            tx.objectStore('searchCache').put(crypto.randomUUID(), 'notesChanged');
            tx.objectStore('searchCache').put(crypto.randomUUID(), 'notesChanged');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      notes.slice(i, i + 5_000),
    );
  }
}

/** Empties the extension's notes store (the popup page has opened it). */
export async function clearNotes(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('ratsmarker');
        open.onsuccess = () => {
          const db = open.result;
          const owners = db.objectStoreNames.contains('noteOwners');
          const tx = db.transaction(['notes', 'searchCache', ...(owners ? ['noteOwners'] : [])], 'readwrite');
          tx.objectStore('notes').clear();
          if (owners) tx.objectStore('noteOwners').clear();
          tx.objectStore('searchCache').delete('index');
          tx.objectStore('searchCache').put(crypto.randomUUID(), 'notesChanged');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
  );
}
