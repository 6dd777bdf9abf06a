import { startE2eServer, type E2eServer } from '#server/test/e2e-server';

export type { E2eServer };

/**
 * Starts the real server for one spec file through the server's own harness: a random port, a fresh
 * temporary PGlite data dir with the reference data, and the UI built into dist/web (global setup).
 */
export function startServer(): Promise<E2eServer> {
  return startE2eServer();
}
