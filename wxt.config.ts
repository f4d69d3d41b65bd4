import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { builtinMatcherPlugin } from './scripts/builtinMatcherPlugin';
import { councilHostPatterns } from './utils/detect/councilHosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  zip: {
    // The sources zip (for add-on review) leaves out test data under other licences and local scratch files.
    excludeSources: ['tests/fixtures/**', 'test-results/**', 'bench/**', '**/*.tmp.ts'],
  },
  vite: () => ({
    // Preact's JSX runtime for extension pages (Vite 8 transforms TSX with oxc).
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // The built-in pack's matcher, compiled at build time.
    plugins: [builtinMatcherPlugin()],
    // webext-patterns with its duplicate check done once (utils/webext/webextPatterns.ts): the per-site toggle
    // spent some 300 ms of the background on every council page the reader opened.
    resolve: {
      alias: [
        {
          find: /^webext-patterns$/,
          replacement: fileURLToPath(new URL('./utils/webext/webextPatterns.ts', import.meta.url)),
        },
      ],
    },
    // RM_PROFILE=1: an unminified build, so that a CPU profile of the content script names its functions.
    ...(process.env.RM_PROFILE ? { build: { minify: false } } : {}),
    ...(process.env.RM_SOURCEMAP ? { build: { sourcemap: true } } : {}),
  }),
  hooks: {
    // Scripts that run in council pages (the content script, the radar, the page extras) use the browser's own
    // promise-based API (`chrome.*` in Chromium's Manifest V3, `browser.*` in Firefox) instead of the
    // webextension-polyfill: the polyfill was a third of the content script's source, and every council page
    // evaluated it (its API table, its wrappers) before its first highlight. They call only storage, runtime,
    // i18n and ports, which answer promises natively in both browsers. Extension pages and the background keep it.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script' || e.type === 'unlisted-script')) return;
      const alias = config.resolve?.alias ?? [];
      const list = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...list],
      };
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'de',
    // activeTab + scripting: "Diese Seite prüfen" without a standing permission;
    // contextMenus: the page's menu entry and the toolbar's per-site toggle.
    // offscreen (Chrome): the meeting radar reads an agenda's documents in an offscreen document, off the page,
    // and the faction sync replicates shared notes there.
    // alarms: the faction sync asks the faction's server for colleagues' notes every few minutes (issue 17).
    permissions: [
      'storage',
      'alarms',
      'activeTab',
      'scripting',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen']),
    ],
    // Any other council site, only when the user adds it.
    optional_host_permissions: ['*://*/*'],
    // The PDF viewer fetches council documents from the hosts the content script already runs on.
    host_permissions: councilHostPatterns(),
    commands: {
      'check-page': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_commandCheck__' },
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandSidePanel__' },
      'next-match': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandNext__' },
      'previous-match': { description: '__MSG_commandPrevious__' },
    },
    ...(browser === 'firefox'
      ? {
          // Manifest V2 names optional sites among the optional permissions.
          optional_permissions: ['*://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'ratsmarker@ratsmarker.invalid',
              strict_min_version: '128.0',
              // Notes and settings stay on the device: Ratsmarker collects nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
