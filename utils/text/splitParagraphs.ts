/** The paragraphs of a plain text: blocks separated by one or more blank lines, trimmed, in order. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n[ \t\u00A0]*(?:\r?\n[ \t\u00A0]*)+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
