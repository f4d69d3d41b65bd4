import { sendMessage } from '../messages';
import type { KeptVersion } from './keepVersion';

// The faction sync (the background) settles a conflict on the server when told which version the
// author kept: `factionResolve`, declared with the sync's other messages in components/messages.ts.
// Declared here too (the same signature; TypeScript merges the two) so that this side builds alone.
declare module '../messages' {
  interface ProtocolMap {
    /** Extension page → background: the author picked this version (CouchDB revision) of a note in conflict. */
    factionResolve(choice: { noteId: string; rev: string }): void;
  }
}

/** What the sync is told for a kept version: the server's revision; none for a version only on this device. */
export function resolveChoice(noteId: string, kept: KeptVersion): { noteId: string; rev: string } | undefined {
  return kept.kind === 'here' ? undefined : { noteId, rev: kept.rev };
}

/**
 * Tells the sync which version the author kept, so the other versions go
 * from the faction's database. The notebook already holds the choice; when
 * the background cannot take it now, the note stays as chosen and the
 * conflict is shown again after the next sync.
 */
export async function settleOnServer(noteId: string, kept: KeptVersion): Promise<void> {
  const choice = resolveChoice(noteId, kept);
  if (choice) await sendMessage('factionResolve', choice).catch(() => undefined);
}
