import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The Firefox end-to-end suite (`npm run test:e2e:firefox`): headless Firefox ESR
 * over WebDriver BiDi (puppeteer-core). One Firefox per spec file, one file at a time
 * (two cores); the tests of a file share its browser and run in order.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e-firefox/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    retry: process.env.CI ? 1 : 0,
  },
});
