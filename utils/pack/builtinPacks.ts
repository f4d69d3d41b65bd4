import kw21Source from '../../packs/kw21/kw21.txt?raw';
import kw21Lexicon from '../../packs/kw21/lexicon.json';
import { createPack } from './loadPack';
import type { PackLexicon, PositionPack } from './types';

let kw21: PositionPack | undefined;

/** KW21 "Internationale Zusammenarbeit", the pack Ratsmarker ships with. */
export function builtinKw21(): PositionPack {
  kw21 ??= createPack(kw21Source, kw21Lexicon as PackLexicon);
  return kw21;
}
