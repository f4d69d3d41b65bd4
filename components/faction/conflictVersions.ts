import type { Note, NoteConflictVersion } from '@/utils/notes/types';
import { t } from '../i18n';
import type { KeptVersion } from './keepVersion';

/** One version as the conflict picker shows it. */
export interface ShownVersion {
  key: string;
  heading: string;
  text: string;
  tags: readonly string[];
  deleted: boolean;
  kept: KeptVersion;
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The versions of a note in conflict: the one this device holds first (the
 * text this device last wrote, whichever version CouchDB made the winner),
 * then the faction server's others, newest first, each under its author (and
 * editor) and date. The server version this device wrote is shown once, as
 * this device's; this device's is shown on its own only when no server
 * version is it (a change not yet sent, or made after the conflict arrived).
 */
export function conflictVersions(note: Note, locale: string): ShownVersion[] {
  const day = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  };
  const sameAsHere = (v: NoteConflictVersion) => !v.deleted && v.text === note.text && sameTags(v.tags, note.tags);
  const versions = [...(note.conflict?.versions ?? [])].sort((a, b) => b.updated.localeCompare(a.updated));
  // The version this device wrote, by the sync's mark: never by text alone, which a colleague's version
  // has when it is the one CouchDB shows. A version the same as the notebook's only where none is marked
  // (a conflict this device wrote no version of: the notebook holds the one CouchDB shows).
  const marked = versions.find((v) => v.here);
  const here = marked ? (sameAsHere(marked) ? marked : undefined) : versions.find(sameAsHere);
  const shown = versions
    .filter((v) => v !== here)
    .map(
      (v): ShownVersion => ({
        key: v.rev,
        // A colleague's change of the author's text is named as such: the author decides between people.
        heading: v.editedBy
          ? t('factionUiVersionEditedBy', [v.author, v.editedBy, day(v.updated)])
          : t('factionUiVersionOf', [v.author, day(v.updated)]),
        text: v.text,
        tags: v.tags,
        deleted: v.deleted === true,
        kept: v.deleted ? { kind: 'deleted', rev: v.rev } : { kind: 'other', rev: v.rev, text: v.text, tags: v.tags },
      }),
    );
  const mine: ShownVersion = {
    key: here?.rev ?? 'here',
    heading: t('factionUiVersionHere'),
    text: note.text,
    tags: note.tags,
    deleted: false,
    kept: here ? { kind: 'other', rev: here.rev, text: note.text, tags: note.tags } : { kind: 'here' },
  };
  return [mine, ...shown];
}
