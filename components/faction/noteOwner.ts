import type { NoteQuery } from '@/utils/db/notesStore';
import type { Note } from '@/utils/notes/types';

/** Whose notes the list shows: all, the reader's own, or colleagues' (from the faction). */
export type Owner = 'all' | 'mine' | 'faction';

export const OWNERS: readonly Owner[] = ['all', 'mine', 'faction'];

export function isOwner(value: string): value is Owner {
  return (OWNERS as readonly string[]).includes(value);
}

/** Whether `note` belongs in the list for `owner`. */
export function ownedBy(note: Pick<Note, 'faction'>, owner: Owner): boolean {
  if (owner === 'all') return true;
  return owner === 'faction' ? note.faction !== undefined : note.faction === undefined;
}

type FindNotes = (query: NoteQuery) => Promise<{ total: number; notes: Note[] }>;

/**
 * A page of the list for `owner`. All: the store's own paging. Mine or
 * faction: the store has no index by owner, so every note that meets the
 * other conditions is read and the owner's are counted and cut here (as the
 * export reads them; the reader chose this filter).
 */
export async function findOwnedNotes(
  find: FindNotes,
  query: NoteQuery,
  owner: Owner,
): Promise<{ total: number; notes: Note[] }> {
  if (owner === 'all') return find(query);
  const { offset = 0, limit, ...conditions } = query;
  const owned = (await find(conditions)).notes.filter((n) => ownedBy(n, owner));
  return { total: owned.length, notes: owned.slice(offset, limit === undefined ? undefined : offset + limit) };
}
