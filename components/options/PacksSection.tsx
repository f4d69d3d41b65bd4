import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { PALETTE } from '@/components/content/palette';
import { packFromText } from '@/utils/pack/packFile';
import type { StoredPack } from '@/utils/pack/storedPacks';
import type { PositionPack } from '@/utils/pack/types';
import type { BrokenPack } from '@/utils/pipeline/compilePacks';
import { ResolutionParseError } from '@/utils/resolution/parseResolution';
import { activeSpecsItem } from '../activeSpecs';
import { setSharePack } from '../faction/shareDefaults';
import { useFactionStatus, useSharePacks } from '../faction/useFaction';
import { errorText, t } from '../i18n';
import { downloadText } from '../notes/download';
import { writeFailureReason } from '../notes/writeFailure';
import { saveStoredPacks, storedPackFrom, storedPacks } from '../packs';

const COLOUR_KEYS = [
  'optionsColour0',
  'optionsColour1',
  'optionsColour2',
  'optionsColour3',
  'optionsColour4',
  'optionsColour5',
  'optionsColour6',
  'optionsColour7',
] as const;

/** The packs: list, switch on and off, colour, export, remove, and add from text or a file. */
/** A pack id as an element id: one token, so it can stand in aria-labelledby. */
const domId = (packId: string) => packId.replace(/[^\w-]/g, '_');

export function PacksSection() {
  const packs = useSignal<StoredPack[]>([]);
  const damaged = useSignal<string[]>([]);
  const broken = useSignal<BrokenPack[]>([]);
  const text = useSignal('');
  const error = useSignal<{ message: string; line?: number } | undefined>(undefined);
  const pending = useSignal<PositionPack | undefined>(undefined);
  const status = useSignal('');
  // The per-pack share default (issue 17), offered only with a faction connected.
  const faction = useFactionStatus();
  const sharedPacks = useSharePacks();
  const shareByDefault = async (id: string, on: boolean) => {
    saveFailure.value = '';
    try {
      await setSharePack(id, on);
    } catch (e) {
      saveFailure.value = t('optionsSaveFailed', writeFailureReason(e));
    }
  };

  const reload = async () => {
    const s = await storedPacks();
    packs.value = s.packs;
    damaged.value = s.damaged;
    // The background's last compile (written again by every save): packs that it had to switch off.
    broken.value = (await activeSpecsItem.getValue().catch(() => null))?.broken ?? [];
  };
  useEffect(() => {
    void reload();
  }, []);

  const saveFailure = useSignal('');
  /** Saves the packs; a failed save says why, leaves the list and what was typed, and reports false. */
  const save = async (next: StoredPack[]): Promise<boolean> => {
    saveFailure.value = '';
    try {
      await saveStoredPacks(next);
    } catch (e) {
      saveFailure.value = t('optionsSaveFailed', writeFailureReason(e));
      return false;
    }
    await reload();
    return true;
  };
  const update = (id: string, change: Partial<StoredPack>) =>
    save(packs.value.map((p) => (p.id === id ? { ...p, ...change } : p)));

  const store = async (pack: PositionPack) => {
    const existing = packs.value.find((p) => p.id === pack.id);
    const colour = existing?.colour ?? packs.value.length % PALETTE.length;
    const entry = { ...storedPackFrom(pack, colour), enabled: existing?.enabled ?? true };
    if (!(await save(existing ? packs.value.map((p) => (p.id === pack.id ? entry : p)) : [...packs.value, entry])))
      return;
    pending.value = undefined;
    text.value = '';
    status.value = t('optionsAdded', pack.id);
  };

  const add = async (source: string) => {
    error.value = undefined;
    status.value = '';
    let pack: PositionPack;
    try {
      pack = packFromText(source);
    } catch (e) {
      error.value = { message: errorText(e), line: e instanceof ResolutionParseError ? e.line : undefined };
      return;
    }
    if (packs.value.some((p) => p.id === pack.id)) pending.value = pack;
    else await store(pack);
  };

  return (
    <section aria-labelledby="packs">
      <h2 id="packs">{t('optionsPacks')}</h2>
      <p class="meta">{t('optionsPacksIntro')}</p>
      {damaged.value.map((id) => (
        <p key={id} class="warning" role="alert">
          {t('optionsDamaged', id)}
        </p>
      ))}
      {broken.value.map((b) => (
        <p key={`broken-${b.id}`} class="warning" role="alert" data-testid="pack-broken">
          {t('packBroken', [b.id, errorText(b)])}
        </p>
      ))}
      <ul class="packs">
        {packs.value.map((p) => (
          <li key={p.id} class="pack" data-testid="pack" data-pack-id={p.id}>
            <span class="swatch" style={{ background: PALETTE[p.colour % PALETTE.length]?.line }} aria-hidden="true" />
            <div class="pack-name" id={`pack-name-${domId(p.id)}`}>
              <strong>{p.name}</strong>
              {p.party ? <span class="meta"> · {p.party}</span> : null}
              {p.builtin ? <span class="meta"> · {t('optionsBuiltin')}</span> : null}
            </div>
            <label class="switch">
              <input
                type="checkbox"
                aria-labelledby={`pack-name-${domId(p.id)} pack-enabled-label-${domId(p.id)}`}
                checked={p.enabled}
                onChange={(e) => void update(p.id, { enabled: e.currentTarget.checked })}
              />{' '}
              <span id={`pack-enabled-label-${domId(p.id)}`}>{t('optionsEnabled')}</span>
            </label>
            {faction.value.connected && (
              <label class="switch">
                <input
                  type="checkbox"
                  aria-labelledby={`pack-name-${domId(p.id)} pack-share-label-${domId(p.id)}`}
                  checked={sharedPacks.value.includes(p.id)}
                  onChange={(e) => void shareByDefault(p.id, e.currentTarget.checked)}
                />{' '}
                <span id={`pack-share-label-${domId(p.id)}`}>{t('sharePackDefault')}</span>
              </label>
            )}
            <label>
              {t('optionsColour')}{' '}
              <select
                value={String(p.colour)}
                onChange={(e) => void update(p.id, { colour: Number(e.currentTarget.value) })}
              >
                {COLOUR_KEYS.map((key, i) => (
                  <option key={key} value={String(i)}>
                    {t(key)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={() =>
                downloadText(
                  `ratsmarker-paket-${p.id}.json`,
                  `${JSON.stringify(p.file, null, 2)}\n`,
                  'application/json',
                )
              }
            >
              {t('optionsExport')}
            </button>
            <button type="button" onClick={() => void save(packs.value.filter((x) => x.id !== p.id))}>
              {t('optionsRemove')}
            </button>
          </li>
        ))}
      </ul>

      <h3>{t('optionsAddPack')}</h3>
      <p class="meta" id="add-help">
        {t('optionsAddPackHelp')}
      </p>
      <label class="block">
        {t('optionsPackText')}
        <textarea
          rows={8}
          value={text.value}
          aria-describedby={error.value ? 'add-help add-error' : 'add-help'}
          aria-invalid={error.value ? 'true' : 'false'}
          onInput={(e) => (text.value = e.currentTarget.value)}
        />
      </label>
      {error.value && (
        <p id="add-error" class="error" role="alert" data-testid="pack-error">
          {error.value.message}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={() => void add(text.value)}>
          {t('optionsAdd')}
        </button>
        <label>
          {t('optionsPackFile')}{' '}
          <input
            type="file"
            accept=".txt,.md,.json,text/plain,application/json"
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              const content = await file.text();
              text.value = content;
              input.value = '';
              await add(content);
            }}
          />
        </label>
      </div>
      {pending.value && (
        <p class="warning" role="alert">
          {t('optionsExists', pending.value.id)}{' '}
          <button type="button" onClick={() => void store(pending.value as PositionPack)}>
            {t('optionsReplace')}
          </button>
        </p>
      )}
      {saveFailure.value && (
        <p class="error" role="alert" data-testid="pack-save-failure">
          {saveFailure.value}
        </p>
      )}
      {status.value && (
        <p class="meta" role="status" data-testid="pack-status">
          {status.value}
        </p>
      )}
    </section>
  );
}
