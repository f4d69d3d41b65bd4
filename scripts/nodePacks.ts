// Errors on the command line read in German.
import '../utils/i18n/messages';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPack } from '../utils/pack/loadPack';
import type { PackFile, PackLexicon, PositionPack } from '../utils/pack/types';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The built-in KW21 pack's file (resolution and lexicon) read from disk. */
export function kw21FileFromDisk(): PackFile & { lexicon: PackLexicon } {
  const source = readFileSync(`${root}packs/kw21/kw21.txt`, 'utf8');
  const lexicon = JSON.parse(readFileSync(`${root}packs/kw21/lexicon.json`, 'utf8')) as PackLexicon;
  return { format: 'ratsmarker-pack', version: 1, source, lexicon };
}

/** The built-in KW21 pack read from disk, for command-line tools that run outside Vite. */
export function kw21FromDisk(): PositionPack {
  const { source, lexicon } = kw21FileFromDisk();
  return createPack(source, lexicon);
}
