declare module 'virtual:ratsmarker/builtin-matcher' {
  /** The built-in pack, compiled at build time (scripts/builtinMatcherPlugin.ts); read on the first call. */
  export default function builtinCompiled(): import('@/utils/pipeline/compilePacks').CompiledPackSpec;
}
