import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServer, type E2eServer } from './server';

export type Suite = { server: E2eServer; browser: Browser };

/**
 * Starts a fresh server (own temporary database) and a browser for the spec file that calls it,
 * and stops both afterwards. Read the returned object's fields inside tests, not at import time.
 */
export function useServerAndBrowser(): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    // Settle both so that a failure of one still stops the other (and drops its database).
    const [server, browser] = await Promise.allSettled([startServer(), launchBrowser()]);
    if (server.status === 'fulfilled') suite.server = server.value;
    if (browser.status === 'fulfilled') suite.browser = browser.value;
    if (server.status === 'rejected') throw server.reason;
    if (browser.status === 'rejected') throw browser.reason;
  }, 120_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  }, 60_000);
  return suite;
}
