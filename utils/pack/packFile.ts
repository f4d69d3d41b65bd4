import * as v from 'valibot';
import { CodedError } from '../i18n/codedError';
import { compileMatcher } from '../matcher/compileMatcher';
import { createPack, PackError } from './loadPack';
import type { MeasureLexicon, PackFile, PackLexicon, PositionPack } from './types';

const TermList = v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200)));
const Rule = v.union([
  v.array(v.string()),
  v.object({
    anyOf: v.array(v.string()),
    min: v.pipe(v.number(), v.integer(), v.minValue(1)),
    sentence: v.optional(v.boolean()),
  }),
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
  return checked(createPack(parsed.output.source, parsed.output.lexicon as PackLexicon | undefined));
}

/**
 * The pack, once it has proved to compile: a rule that names a missing concept or a term that is
 * only punctuation is refused here, on import, not found later on every page.
 */
function checked(pack: PositionPack): PositionPack {
  try {
    compileMatcher(pack);
  } catch (e) {
    if (e instanceof CodedError) throw new PackError(e.code, e.params);
    throw e;
  }
  return pack;
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
  return checked(createPack(text));
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
