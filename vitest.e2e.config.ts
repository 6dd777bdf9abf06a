import { defineConfig } from 'vitest/config';
import { webAliases } from './vite.config';

/** Browser tests: real server on a fresh PGlite data dir, built UI, Debian chromium driven by playwright-core. */
// Vitest demands a default export for its config file.
export default defineConfig({
  resolve: { alias: { ...webAliases, '#server': new URL('./src/server', import.meta.url).pathname } },
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
