import { build } from 'vite';

/**
 * Builds the web UI into dist/web before the browser tests, so the server under test always serves
 * the current sources. Set KUZOT_E2E_SKIP_BUILD=1 to reuse an existing build.
 */
export async function setup(): Promise<void> {
  if (process.env.KUZOT_E2E_SKIP_BUILD === '1') return;
  await build({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
