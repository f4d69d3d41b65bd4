import { t } from '../i18n';
import { OWNERS, type Owner } from './noteOwner';

const LABELS = { all: 'factionUiFilterAll', mine: 'factionUiFilterMine', faction: 'factionUiFilterFaction' } as const;

/** "Alle / Meine / Fraktion": whose notes the list shows, as a group of pressed buttons. */
export function OwnerFilter({ value, onChange }: { value: Owner; onChange: (owner: Owner) => void }) {
  return (
    <fieldset class="owner-filter">
      <legend class="owner-legend">{t('factionUiFilter')}</legend>
      {OWNERS.map((o) => (
        <button key={o} class="owner-choice" type="button" aria-pressed={value === o} onClick={() => onChange(o)}>
          {t(LABELS[o])}
        </button>
      ))}
    </fieldset>
  );
}
