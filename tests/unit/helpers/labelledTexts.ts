import { readdirSync, readFileSync } from 'node:fs';

/** Every paragraph of the labelled sets (development and validation): council text, most of it about the measures' matters. */
export function labelledTexts(): string[] {
  return ['devset', 'validation'].flatMap((folder) => {
    const dir = new URL(`../../fixtures/${folder}/`, import.meta.url);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { text: string }[]).map((p) => p.text));
  });
}
