import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '#server/config';
import { startServer } from '#server/server';

export type E2eServer = {
  baseUrl: string;
  adminUsername: string;
  adminPassword: string;
  stop(): Promise<void>;
};

const webDir = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/**
 * Starts the real server for browser tests: a random port, a fresh PGlite data directory with the reference
 * data, and the built web interface (run `vite build` first). The data directory is removed on stop.
 */
export async function startE2eServer(): Promise<E2eServer> {
  if (!fs.existsSync(path.join(webDir, 'index.html')))
    throw new Error(`No built web interface in ${webDir}: run "npx vite build" first.`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuzot-e2e-'));
  const config = loadConfig({
    KUZOT_DATA_DIR: dataDir,
    KUZOT_PORT: '0',
    KUZOT_HOST: '127.0.0.1',
    KUZOT_LOG_LEVEL: 'warn',
    KUZOT_WEB_DIR: webDir,
  });
  const server = await startServer(config, { logger: false });
  if (!server.url || !server.firstAdministrator)
    throw new Error('the e2e server did not start with a first administrator');
  return {
    baseUrl: server.url.replace('0.0.0.0', '127.0.0.1'),
    adminUsername: server.firstAdministrator.username,
    adminPassword: server.firstAdministrator.password,
    async stop() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
