// Runs the whole test suite, plus the PostgreSQL-only tests, against a PostgreSQL server. Each test file
// creates its own database there and drops it afterwards.
import { spawnSync } from 'node:child_process';

const url = process.env.KUZOT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const result = spawnSync('npx', ['vitest', 'run', '-c', 'vitest.pg.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, KUZOT_TEST_DATABASE_URL: url },
});
process.exit(result.status ?? 1);
