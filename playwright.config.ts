import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests/e2e',
  // One Chromium with the extension at a time: two cores, and each test has its own profile.
  workers: 1,
  timeout: 60_000,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
});
