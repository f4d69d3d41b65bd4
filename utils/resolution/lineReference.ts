/**
 * "KW21, Z. 7–8" — how a measure is cited in the UI. A module of its own so
 * the popup can cite measures without loading the resolution parser.
 */
export function formatLineReference(code: string, firstLine: number, lastLine: number): string {
  return firstLine === lastLine ? `${code}, Z. ${firstLine}` : `${code}, Z. ${firstLine}–${lastLine}`;
}
