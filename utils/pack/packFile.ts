import * as v from 'valibot';
import { createPack, PackError } from './loadPack';
import type { MeasureLexicon, PackFile, PackLexicon, PositionPack } from './types';

const TermList = v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200)));
const Rule = v.union([
  v.array(v.string()),
  v.object({ anyOf: v.array(v.string()), min: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
]);
const MeasureLexiconSchema = v.object({
  label: v.pipe(v.string(), v.maxLength(200)),
  concepts: v.optional(v.record(v.string(), TermList)),
  names: v.optional(TermList),
  match: v.optional(v.array(Rule)),
  exclusions: v.optional(TermList),
});
export const PackLexiconSchema = v.object({
  code: v.string(),
  party: v.optional(v.string()),
  measures: v.record(v.string(), MeasureLexiconSchema),
});
export const PackFileSchema = v.object({
  format: v.literal('ratsmarker-pack'),
  version: v.literal(1),
  source: v.pipe(v.string(), v.minLength(1), v.maxLength(1_000_000)),
  lexicon: v.optional(PackLexiconSchema),
});

/** Reads an exported pack (JSON) after validating it. */
export function packFromFile(data: unknown): PositionPack {
  const parsed = v.safeParse(PackFileSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new PackError('errPackFile', [path ? `„${path}“` : '–', issue.message]);
  }
  return createPack(parsed.output.source, parsed.output.lexicon as PackLexicon | undefined);
}

/** A pack from what a user gives: exported pack JSON, or a resolution in the text format. */
export function packFromText(text: string): PositionPack {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (e) {
      throw new PackError('errPackJson', [(e as Error).message]);
    }
    return packFromFile(data);
  }
  return createPack(text);
}

/** The exportable form of a pack: its resolution text and its curated lexicon. */
export function exportPack(pack: PositionPack): PackFile {
  const measures: Record<string, MeasureLexicon> = {};
  for (const m of pack.measures) if (m.curated) measures[m.id] = m.lexicon;
  return {
    format: 'ratsmarker-pack',
    version: 1,
    source: pack.source,
    lexicon: { code: pack.resolution.code, ...(pack.party ? { party: pack.party } : {}), measures },
  };
}
