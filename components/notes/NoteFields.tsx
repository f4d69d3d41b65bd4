import type { Signal } from '@preact/signals';
import { t } from '../i18n';

/** The text and tags of a note, as the popup edits them. */
export function NoteFields({
  label,
  text,
  tags,
  required,
}: {
  label: string;
  text: Signal<string>;
  tags: Signal<string>;
  required?: boolean;
}) {
  return (
    <>
      <label>
        {label}
        <textarea value={text.value} onInput={(e) => (text.value = e.currentTarget.value)} required={required} />
      </label>
      <label>
        {t('popupTags')}
        <input value={tags.value} onInput={(e) => (tags.value = e.currentTarget.value)} />
      </label>
    </>
  );
}
