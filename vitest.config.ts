import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const dir = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^#server\/(.*)$/, replacement: `${dir('./src/server/')}$1` },
      { find: /^#shared\/(.*)$/, replacement: `${dir('./src/shared/')}$1` },
      { find: /^#cli\/(.*)$/, replacement: `${dir('./src/cli/')}$1` },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/server/test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: two test files at a time, each with its own database.
    maxWorkers: 2,
    pool: 'forks',
  },
});
