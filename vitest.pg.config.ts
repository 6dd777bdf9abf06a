import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// The same suite as `npm test`, plus tests that need a PostgreSQL server (several processes on one database).
export default mergeConfig(
  base,
  defineConfig({ test: { include: ['src/**/*.test.ts', 'src/**/*.pg-test.ts'] } }),
);
