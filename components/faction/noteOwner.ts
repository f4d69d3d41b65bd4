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
 * A page of the list for `owner`: the store's own query, which reads whose
 * notes they are from the owners' date index (schema version 6,
 * utils/db/noteOwners.ts), not from the notes.
 */
export function findOwnedNotes(
  find: FindNotes,
  query: NoteQuery,
  owner: Owner,
): Promise<{ total: number; notes: Note[] }> {
  return find(owner === 'all' ? query : { ...query, owner });
}
