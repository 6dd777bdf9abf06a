import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchDemo, benchImport, benchSave, dbLabel, type BenchRow } from './data-benches';
import { postgresAvailable, signInOverHttp, type DbKind } from './harness';
import { runLoad, type LoadResult } from './load';
import { benchOutliers } from './outlier-bench';
import { benchPivot } from './pivot-bench';
import { benchReads } from './read-bench';

// `npm run bench`: start-up time and API throughput (foundation), then the data benches of the indicator
// issue (demo data, XLSX import, pivot over 5 M values with DuckDB beside it, saving one cell), printed as
// Markdown tables to paste into bench/RESULTS.md. Targets come from the spec and the issues.
// Run pieces with `npm run bench -- --only=start,reads,demo,import,pivot,save,outliers` and `--db=pglite,postgres`.

const root = path.resolve(import.meta.dirname, '..');
const pgUrl = process.env.KUZOT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Started = { child: ChildProcess; readyMs: number; port: number; output(): string };

async function waitReady(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function start(env: Record<string, string>, port: number): Promise<Started> {
  const began = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
    env: {
      ...process.env,
      KUZOT_PORT: String(port),
      KUZOT_HOST: '127.0.0.1',
      KUZOT_LOG_LEVEL: 'warn',
      // Start-up and load are measured without the background demo seeding (the demo bench times that).
      KUZOT_DEMO_DATA: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  await waitReady(port, child);
  return { child, readyMs: performance.now() - began, port, output: () => output };
}

async function stop(s: Started): Promise<void> {
  s.child.kill('SIGTERM');
  await new Promise((r) => s.child.once('exit', r));
}

const passwordOf = (s: Started) => /password: (\S+)/.exec(s.output())?.[1] ?? '';

async function benchMode(
  label: string,
  env: Record<string, string>,
  port: number,
): Promise<{ label: string; first: number; warm: number[]; load: LoadResult }> {
  const first = await start(env, port);
  const password = passwordOf(first);
  await stop(first);
  const warm: number[] = [];
  let last: Started | null = null;
  for (let i = 0; i < 3; i++) {
    last = await start(env, port);
    warm.push(last.readyMs);
    if (i < 2) await stop(last);
  }
  const headers = await signInOverHttp(port, password);
  await runLoad({ port, path: '/api/v1/territories', headers, connections: 50, seconds: 2 }); // warm-up
  const load = await runLoad({ port, path: '/api/v1/territories', headers, connections: 50, seconds: 10 });
  await stop(last!);
  return { label, first: first.readyMs, warm, load };
}

async function benchStart(): Promise<string[]> {
  execFileSync(process.execPath, [path.join(root, 'scripts/ensure-build.mjs')], {
    stdio: 'inherit',
    cwd: root,
  });
  const results = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuzot-bench-'));
  results.push(await benchMode('PGlite (embedded)', { KUZOT_DATA_DIR: dataDir }, 18080));
  fs.rmSync(dataDir, { recursive: true, force: true });

  const admin = new pg.Client({ connectionString: pgUrl });
  let pgAvailable = true;
  try {
    await admin.connect();
  } catch {
    pgAvailable = false;
  }
  if (pgAvailable) {
    const name = `kuzot_bench_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    try {
      results.push(await benchMode('PostgreSQL 15 server', { KUZOT_DATABASE_URL: url.toString() }, 18081));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }

  const f = (n: number) => n.toFixed(0);
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    '',
    '| database | first start to ready (ms) | warm start to ready (ms, 3 runs) | target | GET /api/v1/territories, 50 connections, 10 s: req/s | p50 (ms) | p95 (ms) | p99 (ms) | errors | target p95 |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.label} | ${f(r.first)} | ${r.warm.map(f).join(' / ')} | < 10000 | ${f(r.load.perSecond)} | ${r.load.p50.toFixed(1)} | ${r.load.p95.toFixed(1)} | ${r.load.p99.toFixed(1)} | ${r.load.errors} | < 300 |`,
    ),
  ];
  if (!pgAvailable) lines.push('', `PostgreSQL at ${pgUrl} was not reachable: server mode not measured.`);
  return lines;
}

const pieces = ['start', 'reads', 'demo', 'import', 'pivot', 'save', 'outliers'] as const;
type Piece = (typeof pieces)[number];
const dataBenches: Record<Exclude<Piece, 'start' | 'reads'>, (kind: DbKind) => Promise<BenchRow[]>> = {
  demo: benchDemo,
  import: benchImport,
  pivot: benchPivot,
  save: benchSave,
  outliers: benchOutliers,
};

/** `--name=a,b` from the command line, or every allowed value. */
function listFlag<T extends string>(name: string, allowed: readonly T[]): T[] {
  const flag = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (!flag) return [...allowed];
  const values = flag.slice(name.length + 3).split(',');
  const unknown = values.filter((v) => !allowed.includes(v as T));
  if (unknown.length > 0)
    throw new Error(`--${name}: unknown ${unknown.join(', ')} (use ${allowed.join(', ')})`);
  return values as T[];
}

async function main() {
  const only = listFlag('only', pieces);
  let kinds = listFlag<DbKind>('db', ['pglite', 'postgres']);
  if (kinds.includes('postgres') && !(await postgresAvailable())) {
    process.stderr.write(`PostgreSQL at ${pgUrl} is not reachable: server mode not measured.\n`);
    kinds = kinds.filter((k) => k !== 'postgres');
  }
  // The machine may be shared: the load average says how much else was running.
  const load = () => os.loadavg()[0]!.toFixed(1);
  const output: string[] = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${load()} at the start.`,
    '',
  ];
  if (only.includes('start')) {
    const start = (await benchStart()).slice(2);
    process.stderr.write(`${start.join('\n')}\n`);
    output.push(...start, '');
  }
  const rows: BenchRow[] = [];
  if (only.includes('reads')) {
    process.stderr.write('bench reads…\n');
    const reads = await benchReads(kinds);
    for (const row of reads) process.stderr.write(`  ${row.bench} (${row.database}): ${row.result}\n`);
    rows.push(...reads);
  }
  for (const piece of only) {
    if (piece === 'start' || piece === 'reads') continue;
    for (const kind of kinds) {
      process.stderr.write(`bench ${piece} on ${dbLabel[kind]}…\n`);
      // One failing piece must not lose the others' figures: it becomes a row saying why.
      const result = await dataBenches[piece](kind).catch((error: unknown): BenchRow[] => [
        {
          bench: piece,
          database: dbLabel[kind],
          result: `failed: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`,
          target: '—',
        },
      ]);
      for (const row of result) process.stderr.write(`  ${row.bench}: ${row.result}\n`);
      rows.push(...result);
    }
  }
  if (rows.length > 0)
    output.push(
      '| bench | database | result | target |',
      '|---|---|---|---|',
      ...rows.map((r) => `| ${r.bench} | ${r.database} | ${r.result} | ${r.target} |`),
    );
  output.push('', `Load average ${load()} at the end.`);
  process.stdout.write(output.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
