import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { builtinMatcherPlugin } from './scripts/builtinMatcherPlugin';

export default defineConfig({
  // The built-in pack's matcher, compiled at build time as in the extension (wxt.config.ts).
  plugins: [WxtVitest(), builtinMatcherPlugin()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    setupFiles: ['tests/unit/setup.ts'],
  },
});
