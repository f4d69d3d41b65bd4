import de from '../../locales/de.json';
import { CodedError, setMessageFormatter } from './codedError';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * The core's messages, in the extension's message format (locales/*.json),
 * so that no text lives in code. The core formats them in German (command
 * line, logs); the UI translates the same code and parameters with
 * browser.i18n into the reader's language.
 */
export function formatMessage(
  code: string,
  params: readonly string[] = [],
  catalogue: Catalogue = de as Catalogue,
): string {
  const entry = catalogue[code];
  if (!entry) return [code, ...params].join(' ');
  return entry.message.replace(/\$([A-Za-z]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    const index = Number(content.replace('$', '')) - 1;
    return params[index] ?? '';
  });
}

// Errors made in Node (command line, tests) read in German; the extension's
// bundles leave the catalogue out and translate the code where they show it.
setMessageFormatter(formatMessage);

export { CodedError };
