import type { Note } from '@/utils/notes/types';
import { t } from '../i18n';
import type { KeptVersion } from './keepVersion';

/** One version as the conflict picker shows it. */
export interface ShownVersion {
  key: string;
  heading: string;
  text: string;
  tags: readonly string[];
  deleted: boolean;
  kept: KeptVersion | 'deleted';
}

/**
 * The versions of a note in conflict, this device's first, then the others
 * from the faction's server, newest first. A note without a conflict has one.
 */
export function conflictVersions(note: Note, locale: string): ShownVersion[] {
  const day = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  };
  const others = [...(note.conflict?.versions ?? [])].sort((a, b) => b.updated.localeCompare(a.updated));
  return [
    {
      key: 'here',
      heading: t('factionUiVersionHere'),
      text: note.text,
      tags: note.tags,
      deleted: false,
      kept: { kind: 'here' },
    },
    ...others.map(
      (v): ShownVersion => ({
        key: v.rev,
        heading: t('factionUiVersionOf', [v.author, day(v.updated)]),
        text: v.text,
        tags: v.tags,
        deleted: v.deleted === true,
        kept: v.deleted ? 'deleted' : { kind: 'other', text: v.text, tags: v.tags },
      }),
    ),
  ];
}
