/**
 * The settings in the extension's storage (chrome.storage.local) carry a
 * version, and every change of their shape is a step from one version to the
 * next, run in order on the background's start. Settings written by a newer
 * Ratsmarker (a version above ours, after a downgrade) are left untouched and
 * reported: an older build cannot know what they mean.
 */
export const SETTINGS_VERSION = 1;
export const SETTINGS_VERSION_KEY = 'settingsVersion';

type Settings = Record<string, unknown>;
/** What a step changes: keys to set and keys to remove. */
interface Change {
  set: Settings;
  remove: string[];
}
type Step = (settings: Settings) => Change;

// The sensitivity's levels (utils/pack/storedPacks.ts SENSITIVITY_LEVELS): 0 to 4.
const isLevel = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4;

/** `STEPS[n]` takes settings of version n to n + 1. */
const STEPS: Record<number, Step> = {
  // Unversioned (0.1 and before): the same keys. A sensitivity that is no level
  // (a string, a fraction from a hand edit) goes, so that the default applies.
  0: (s) => ({ set: {}, remove: 'sensitivity' in s && !isLevel(s.sensitivity) ? ['sensitivity'] : [] }),
};

export type SettingsMigration =
  | { status: 'current'; version: number }
  | { status: 'migrated'; from: number; to: number; set: Settings; remove: string[] }
  /** Written by a newer Ratsmarker, or a version that is no version: nothing is changed. */
  | { status: 'unknown'; found: unknown };

/** What it takes to bring `settings` (the whole storage area) to the current version. */
export function planSettingsMigration(settings: Settings): SettingsMigration {
  const raw = settings[SETTINGS_VERSION_KEY];
  const from = raw === undefined ? 0 : raw;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0 || from > SETTINGS_VERSION)
    return { status: 'unknown', found: raw };
  if (from === SETTINGS_VERSION) return { status: 'current', version: from };
  let current: Settings = { ...settings };
  const set: Settings = {};
  const remove = new Set<string>();
  for (let v = from; v < SETTINGS_VERSION; v++) {
    const step = STEPS[v];
    if (!step) return { status: 'unknown', found: raw };
    const change = step(current);
    for (const key of change.remove) {
      delete current[key];
      delete set[key];
      remove.add(key);
    }
    for (const [key, value] of Object.entries(change.set)) {
      current = { ...current, [key]: value };
      set[key] = value;
      remove.delete(key);
    }
  }
  set[SETTINGS_VERSION_KEY] = SETTINGS_VERSION;
  return { status: 'migrated', from, to: SETTINGS_VERSION, set, remove: [...remove] };
}

/** The part of chrome.storage.local a migration needs. */
export interface SettingsArea {
  get(keys?: null): Promise<Settings>;
  set(items: Settings): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Brings the stored settings to the current version; reports (never changes) settings of an unknown version. */
export async function migrateSettings(
  area: SettingsArea,
  report: (message: string) => void = console.warn,
): Promise<SettingsMigration> {
  const plan = planSettingsMigration(await area.get(null));
  if (plan.status === 'unknown')
    report(
      `Ratsmarker: settings of version ${JSON.stringify(plan.found)} are newer than this build (${SETTINGS_VERSION}); left as they are.`,
    );
  if (plan.status === 'migrated') {
    if (plan.remove.length > 0) await area.remove(plan.remove);
    await area.set(plan.set);
  }
  return plan;
}
