// Runs the whole test suite, plus the PostgreSQL-only tests, against a PostgreSQL server; with --e2e, the
// browser tests instead. Each test file creates its own database there and drops it afterwards.
import { spawnSync } from 'node:child_process';

const url = process.env.KUZOT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const e2e = process.argv.includes('--e2e');
const rest = process.argv.slice(2).filter((arg) => arg !== '--e2e');
const configFile = e2e ? 'vitest.e2e.config.ts' : 'vitest.pg.config.ts';
const result = spawnSync('npx', ['vitest', 'run', '-c', configFile, ...rest], {
  stdio: 'inherit',
  env: { ...process.env, KUZOT_TEST_DATABASE_URL: url },
});
process.exit(result.status ?? 1);
