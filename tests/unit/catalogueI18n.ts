import { formatMessage } from '@/utils/i18n/messages';
import de from '../../locales/de.json';
import en from '../../locales/en.json';

/**
 * components/i18n.ts for component tests: the strings from the catalogues in
 * the language a test picks (the browser's i18n is not there in Node).
 * Used as `vi.mock('@/components/i18n', () => import('./catalogueI18n'))`.
 */
export const lang = { current: 'de' as 'de' | 'en' };
const catalogues = { de, en };

export function t(key: string, subs?: string | readonly string[]): string {
  return formatMessage(
    key,
    subs === undefined ? [] : typeof subs === 'string' ? [subs] : subs,
    catalogues[lang.current],
  );
}

export function errorText(e: { code?: string; params?: string[]; message?: string }): string {
  return e?.code ? t(e.code, e.params ?? []) : String(e?.message ?? e);
}
