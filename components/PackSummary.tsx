import type { PositionPack } from '@/utils/pack/types';
import { formatLineReference } from '@/utils/resolution/lineReference';
import { t } from './i18n';

/** The active resolution and its measures, as the popup shows them. */
export function PackSummary({ pack }: { pack: PositionPack }) {
  const r = pack.resolution;
  return (
    <section aria-labelledby="pack">
      <h2 id="pack">{t('popupPack')}</h2>
      <p class="meta" data-testid="pack-name">
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
