import { describe, expect, it } from 'vitest';
import {
  migrateSettings,
  planSettingsMigration,
  SETTINGS_VERSION,
  SETTINGS_VERSION_KEY,
  type SettingsArea,
} from '@/utils/settings/settingsVersion';

/** An in-memory chrome.storage.local. */
function area(initial: Record<string, unknown>): SettingsArea & { data: Record<string, unknown>; writes: number } {
  const a = {
    data: structuredClone(initial),
    writes: 0,
    async get() {
      return structuredClone(a.data);
    },
    async set(items: Record<string, unknown>) {
      a.writes++;
      Object.assign(a.data, structuredClone(items));
    },
    async remove(keys: string[]) {
      a.writes++;
      for (const k of keys) delete a.data[k];
    },
  };
  return a;
}

const PACKS = [{ id: 'KW21', name: 'Internationale Zusammenarbeit', colour: 0, enabled: true, builtin: true }];

describe('settings version and migration', () => {
  it('migrates unversioned settings to the current shape: version stamped, data kept, a bad level dropped', async () => {
    const a = area({ packs: PACKS, sensitivity: '3', activeSpecs: { specs: [] }, 'ratsmarker:testMarks': true });
    const result = await migrateSettings(a);
    expect(result).toMatchObject({ status: 'migrated', from: 0, to: SETTINGS_VERSION });
    expect(a.data).toEqual({
      packs: PACKS,
      activeSpecs: { specs: [] },
      'ratsmarker:testMarks': true,
      [SETTINGS_VERSION_KEY]: SETTINGS_VERSION,
    });
  });

  it('keeps a valid sensitivity level and leaves current settings alone (no write)', async () => {
    const a = area({ packs: PACKS, sensitivity: 3 });
    await migrateSettings(a);
    expect(a.data).toEqual({ packs: PACKS, sensitivity: 3, [SETTINGS_VERSION_KEY]: SETTINGS_VERSION });
    const writes = a.writes;
    expect(await migrateSettings(a)).toEqual({ status: 'current', version: SETTINGS_VERSION });
    expect(a.writes).toBe(writes);
  });

  it('migrates an empty store (a fresh install) to the current version', async () => {
    const a = area({});
    await migrateSettings(a);
    expect(a.data).toEqual({ [SETTINGS_VERSION_KEY]: SETTINGS_VERSION });
  });

  it.each([SETTINGS_VERSION + 1, 99, -1, 1.5, '2', null, { v: 2 }])(
    'leaves settings of an unknown version (%j) untouched and reports it',
    async (version) => {
      const initial = { packs: PACKS, sensitivity: 'neu', newKey: { x: 1 }, [SETTINGS_VERSION_KEY]: version };
      const a = area(initial);
      const reports: string[] = [];
      const result = await migrateSettings(a, (m) => reports.push(m));
      expect(result).toEqual({ status: 'unknown', found: version });
      expect(a.data).toEqual(initial);
      expect(a.writes).toBe(0);
      expect(reports).toHaveLength(1);
      expect(reports[0]).toContain('left as they are');
    },
  );

  it('plans without touching its input', () => {
    const input = { sensitivity: 'x', activeSpecs: {} };
    const copy = structuredClone(input);
    planSettingsMigration(input);
    expect(input).toEqual(copy);
  });
});
