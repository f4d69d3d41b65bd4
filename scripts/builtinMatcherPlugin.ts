import { exportPack } from '../utils/pack/packFile';
import { compilePack } from '../utils/pipeline/compilePacks';
import { kw21FromDisk } from './nodePacks';

const ID = 'virtual:ratsmarker/builtin-matcher';

/**
 * Compiles the built-in pack at build time (a Vite plugin): the background
 * then finds its matcher ready and compiles only packs the reader added.
 * Read from packs/kw21 on every build, so it cannot go stale.
 *
 * The module gives a function that reads it on first use, from a string: as an object literal (some 220 kB)
 * it was built every time the background's worker woke (and every extension page that imports the packs
 * started), though a wake seldom needs it; JSON.parse of a string is also the faster way to make it.
 */
export function builtinMatcherPlugin() {
  return {
    name: 'ratsmarker-builtin-matcher',
    resolveId: (id: string) => (id === ID ? `\0${ID}` : undefined),
    load(id: string) {
      if (id !== `\0${ID}`) return undefined;
      const kw21 = kw21FromDisk();
      const compiled = compilePack({ id: kw21.id, builtin: true, colour: 0, file: exportPack(kw21) });
      return `let read;\nexport default function builtinCompiled() {\n  return (read ??= JSON.parse(${JSON.stringify(JSON.stringify(compiled))}));\n}\n`;
    },
  };
}
