type Formatter = (code: string, params: readonly string[]) => string;

let format: Formatter = (code, params) => [code, ...params].join(' ');

/**
 * How error messages read: utils/i18n/messages.ts sets German text from the
 * catalogue (Node, tests); without it a message is its code, as the
 * extension's UI translates codes itself (components/i18n.ts errorText).
 */
export function setMessageFormatter(formatter: Formatter): void {
  format = formatter;
}

/** A message code with its parameters, as text (German in Node, the code itself in the extension). */
export function formatCode(code: string, params: readonly string[] = []): string {
  return format(code, params);
}

/** An error of the core that the UI can show in the reader's language: a message code and its parameters. */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    readonly params: readonly string[] = [],
  ) {
    super(format(code, params));
    this.name = 'CodedError';
  }
}
