import { performance } from 'node:perf_hooks';
import { startBanner, stopOnSignals } from './banner';
import { loadProcessConfig } from './config';
import { startServer } from './server';

/**
 * Server entry point: `node dist/server/main.js [--roles=api,worker,scheduler]`. Prints the address and, on
 * the first start of an empty database, the generated administrator sign-in.
 */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const startedAt = performance.now();
  const config = loadProcessConfig(argv);
  const server = await startServer(config);
  process.stdout.write(startBanner(config, server, Math.round(performance.now() - startedAt)));
  stopOnSignals(server, { stdout: process.stdout, stderr: process.stderr });
}

main().catch((error: unknown) => {
  process.stderr.write(`Kuzot failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
