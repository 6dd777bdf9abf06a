import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { BenchRow } from './data-benches';
import { dbLabel } from './data-benches';
import { createBenchDatabase, signInOverHttp, type DbKind } from './harness';
import { quantile } from './load';

// Speed of ordinary reads (issue 7 item 21): an authenticated GET /api/v1/territories (session lookup, the
// reference data, a 31 KB response checked against its schema) and GET /healthz, each at 50 and 200 keep-alive
// connections, against Kuzot started as a separate process exactly as `npm start` runs it (default log level,
// logs to a file), with a bare Fastify route measured in the same run as the reference. The load generator
// (autocannon) runs in this process, never in the server's.

const root = path.resolve(import.meta.dirname, '..');
const seconds = Number(process.env.KUZOT_BENCH_READ_SECONDS ?? 10);
// Another build's entry point (a copy of an earlier dist/), to measure before and after in the same conditions.
const serverEntry = process.env.KUZOT_BENCH_SERVER_ENTRY ?? path.join(root, 'dist/server/main.js');
const connectionCounts = [50, 200] as const;

type Server = { child: ChildProcess; port: number; logFile: string };

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function spawnServer(args: string[], env: Record<string, string>, port: number, readyPath: string) {
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kuzot-read-bench-')), 'server.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  await waitFor(`http://127.0.0.1:${port}${readyPath}`, child).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
  });
  return { child, port, logFile };
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
  fs.rmSync(path.dirname(server.logFile), { recursive: true, force: true });
}

type Load = { perSecond: number; p50: number; p95: number; p99: number; errors: number };

/** `connections` keep-alive connections on one GET route for `seconds`; latency quantiles of 200 answers. */
async function load(
  port: number,
  route: string,
  headers: Record<string, string>,
  connections: number,
  duration = seconds,
) {
  const latencies: number[] = [];
  let errors = 0;
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    { url: `http://127.0.0.1:${port}${route}`, headers, connections, duration },
    (error: unknown, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) latencies.push(responseTime);
    else errors++;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / (result.duration || duration),
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    errors: errors + result.errors + result.timeouts,
  } satisfies Load;
}

async function freshDatabase(kind: DbKind): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const created = await createBenchDatabase(kind);
  const env: Record<string, string> = created.dataDir
    ? { KUZOT_DATA_DIR: created.dataDir }
    : { KUZOT_DATABASE_URL: created.url ?? '' };
  return { env, drop: created.drop };
}

const row = (bench: string, database: string, l: Load, reference?: Load): BenchRow => ({
  bench,
  database,
  result:
    `${l.perSecond.toFixed(0)} req/s, p50 ${l.p50.toFixed(0)} ms, p95 ${l.p95.toFixed(0)} ms, p99 ${l.p99.toFixed(0)} ms` +
    (l.errors > 0 ? `, ${l.errors} errors` : '') +
    (reference ? `; bare Fastify ${(reference.perSecond / l.perSecond).toFixed(1)}× the req/s` : ''),
  target: bench.includes('200 connections') ? 'p95 < 300 ms' : '≥ 5× the figures of issue 7',
});

/** The bare Fastify reference at each connection count. */
async function trivialLoads(): Promise<Map<number, Load>> {
  const port = 18090;
  const server = await spawnServer(
    [path.join(root, 'bench/trivial-server.mjs'), String(port)],
    {},
    port,
    '/trivial',
  );
  try {
    const loads = new Map<number, Load>();
    await load(port, '/trivial', {}, 50, 3); // warm-up
    for (const connections of connectionCounts)
      loads.set(connections, await load(port, '/trivial', {}, connections));
    return loads;
  } finally {
    await stop(server);
  }
}

/** GET /api/v1/territories (signed in) and GET /healthz on Kuzot over each database kind. */
export async function benchReads(kinds: readonly DbKind[]): Promise<BenchRow[]> {
  execFileSync(process.execPath, [path.join(root, 'scripts/ensure-build.mjs')], {
    stdio: 'inherit',
    cwd: root,
  });
  const reference = await trivialLoads();
  const rows: BenchRow[] = [];
  for (const connections of connectionCounts) {
    const r = reference.get(connections)!;
    rows.push(row(`bare Fastify GET /trivial, ${connections} connections, ${seconds} s`, 'none', r));
  }
  for (const kind of kinds) {
    const database = await freshDatabase(kind);
    const port = kind === 'pglite' ? 18082 : 18083;
    const server = await spawnServer(
      [serverEntry],
      { ...database.env, KUZOT_PORT: String(port), KUZOT_HOST: '127.0.0.1', KUZOT_DEMO_DATA: 'false' },
      port,
      '/readyz',
    );
    try {
      const password = /password: (\S+)/.exec(fs.readFileSync(server.logFile, 'utf8'))?.[1] ?? '';
      const headers = await signInOverHttp(port, password);
      for (const [route, routeHeaders] of [
        ['/api/v1/territories', headers],
        ['/healthz', {}],
      ] as const) {
        await load(port, route, routeHeaders, 50, 3); // warm-up
        for (const connections of connectionCounts) {
          const measured = await load(port, route, routeHeaders, connections);
          rows.push(
            row(
              `GET ${route}${route === '/healthz' ? '' : ' (signed in)'}, ${connections} connections, ${seconds} s`,
              dbLabel[kind],
              measured,
              reference.get(connections),
            ),
          );
        }
      }
    } finally {
      await stop(server);
      await database.drop();
    }
  }
  return rows;
}
