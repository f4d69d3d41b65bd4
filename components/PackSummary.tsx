import { useId } from 'preact/hooks';
import type { PositionPack } from '@/utils/pack/types';
import { formatLineReference } from '@/utils/resolution/lineReference';
import { t } from './i18n';

/** The active resolution and its measures, as the popup shows them. */
export function PackSummary({ pack }: { pack: PositionPack }) {
  const r = pack.resolution;
  // One summary per active pack: each heading needs an id of its own.
  const headingId = useId();
  const nameId = useId();
  return (
    <section aria-labelledby={`${headingId} ${nameId}`}>
      <h2 id={headingId}>{t('popupPack')}</h2>
      <p class="meta" id={nameId} data-testid="pack-name">
        {pack.name}
        {r.body ? ` · ${r.body}` : ''}
        {r.date ? ` · ${r.date}` : ''}
      </p>
      <ul>
        {pack.measures.map((m) => (
          <li key={m.id}>
            {m.lexicon.label} <small>({formatLineReference(r.code, m.firstLine, m.lastLine)})</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
