import { CodedError } from '../i18n/codedError';
import { compileMatcher } from '../matcher/compileMatcher';
import { MATCHER_FORMAT, type MatcherData, toMatcherData } from '../matcher/matcherData';
import { createPack } from '../pack/loadPack';
import type { PackFile, PositionPack } from '../pack/types';

/** A pack as the background hands it to pages: its file, its colour, and its matcher compiled once. */
export interface CompiledPackSpec {
  id: string;
  builtin: boolean;
  colour: number;
  /**
   * The pack as read, every measure's lexicon written out (drawn ones too), so that a page neither parses the
   * resolution nor derives a lexicon; without its source text, which pages do not show.
   */
  pack: PositionPack;
  matcher: MatcherData;
  /** A hash of the pack's file as stored: a pack whose file did not change is not compiled again. */
  fileHash: string;
}

/** A pack that did not compile: switched off alone, with the reason as a message code for the options page. */
export interface BrokenPack {
  id: string;
  code: string;
  params: string[];
}

/**
 * Compiles the enabled packs when they change (in the background), so that a
 * page only reads the result: no term is parsed or stemmed on a page load. A
 * pack that fails (a rule naming a missing concept, a term of punctuation
 * only, stored before imports were checked) disables itself alone.
 */
export function compilePacks(
  specs: readonly { id: string; builtin: boolean; colour: number; file: PackFile }[],
  previous: readonly CompiledPackSpec[] = [],
): {
  compiled: CompiledPackSpec[];
  broken: BrokenPack[];
} {
  const compiled: CompiledPackSpec[] = [];
  const broken: BrokenPack[] = [];
  for (const spec of specs) {
    const fileHash = fileHashOf(spec.file);
    // A change of sensitivity or colour compiles nothing: the pack's matcher is the one compiled before.
    const before = previous.find(
      (p) => p.id === spec.id && p.fileHash === fileHash && p.matcher?.format === MATCHER_FORMAT,
    );
    if (before) {
      compiled.push({ ...before, builtin: spec.builtin, colour: spec.colour });
      continue;
    }
    try {
      compiled.push(compilePack(spec, fileHash));
    } catch (e) {
      broken.push(
        e instanceof CodedError
          ? { id: spec.id, code: e.code, params: [...e.params] }
          : { id: spec.id, code: 'errPackFile', params: [spec.id, (e as Error).message] },
      );
    }
  }
  return { compiled, broken };
}

/** One pack compiled (also at build time, for the built-in pack: see scripts/builtinMatcherPlugin.ts). */
export function compilePack(
  spec: { id: string; builtin: boolean; colour: number; file: PackFile },
  fileHash = fileHashOf(spec.file),
): CompiledPackSpec {
  const pack = createPack(spec.file.source, spec.file.lexicon);
  return {
    id: spec.id,
    builtin: spec.builtin,
    colour: spec.colour,
    pack: { ...pack, source: '' },
    matcher: toMatcherData(compileMatcher(pack)),
    fileHash,
  };
}

/** Whether a pack's file changed since it was compiled. */
export const fileHashOf = (file: PackFile) => hashOf(JSON.stringify(file));

/** FNV-1a, 32 bits, as hex: enough to tell whether a stored file changed. */
function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}
