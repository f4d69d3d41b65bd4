import { CodedError } from '../i18n/codedError';
import { parseResolution } from '../resolution/parseResolution';
import { deriveLexicons } from './deriveLexicon';
import type { MeasureLexicon, PackLexicon, PositionPack } from './types';

export class PackError extends CodedError {
  constructor(code: string, params: readonly string[] = []) {
    super(code, params);
    this.name = 'PackError';
  }
}

/**
 * A position pack from a resolution text and, where there is one, its curated
 * lexicon. Measures without a curated entry get one drawn from their own words.
 */
export function createPack(source: string, lexicon?: PackLexicon): PositionPack {
  const resolution = parseResolution(source);
  if (lexicon && lexicon.code !== resolution.code) {
    throw new PackError('errLexiconOtherCode', [lexicon.code, resolution.code]);
  }
  const known = new Set(resolution.measures.map((m) => m.id));
  for (const id of Object.keys(lexicon?.measures ?? {})) {
    if (!known.has(id)) throw new PackError('errLexiconUnknownMeasure', [id]);
  }
  // Words drawn from the measures' own text, where no curated lexicon speaks for them.
  const derived = resolution.measures.every((m) => lexicon?.measures[m.id])
    ? new Map()
    : deriveLexicons(resolution.measures);
  return {
    id: resolution.code,
    name: `${resolution.code} ${resolution.title}`,
    party: lexicon?.party,
    resolution,
    source,
    measures: resolution.measures.map((m) => {
      const curated: MeasureLexicon | undefined = lexicon?.measures[m.id];
      return { ...m, lexicon: curated ?? (derived.get(m.id) as MeasureLexicon), curated: curated !== undefined };
    }),
  };
}
