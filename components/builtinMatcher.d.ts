declare module 'virtual:ratsmarker/builtin-matcher' {
  /** The built-in pack, compiled at build time (scripts/builtinMatcherPlugin.ts). */
  const compiled: import('@/utils/pipeline/compilePacks').CompiledPackSpec;
  export default compiled;
}
