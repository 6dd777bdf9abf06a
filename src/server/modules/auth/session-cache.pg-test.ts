import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerritoryList } from '#shared/contracts/territories.contract';
import { loadConfig } from '#server/config';
import { createContainer } from '#server/container';
import type { ChangeTopic } from '#server/db/change-feed';
import { openPostgres, type DatabaseHandle } from '#server/db/database';
import { buildApp } from '#server/http/app';
import type { TypedApp } from '#server/http/typed';
import { signedInUser } from '#server/test/factories';
import { createTestApp, type TestApp } from '#server/test/test-app';

/** Resolves when the process of `handle` next hears a change of `topic`. */
const nextChange = (handle: DatabaseHandle, topic: ChangeTopic) =>
  new Promise<void>((resolve) => {
    const stop = handle.changes.onChange(topic, () => {
      stop();
      resolve();
    });
  });

// Two Kuzot processes on one PostgreSQL database (here two containers with their own pools and listening
// connections): what one changes, the other stops serving from memory as soon as it hears the commit.
// Needs a PostgreSQL server, so it runs with `npm run test:pg` (a *.pg-test.ts file), never skipped.
describe('sessions and territories kept in memory, across processes', () => {
  let a: TestApp;
  let handleB: DatabaseHandle;
  let b: TypedApp;

  beforeAll(async () => {
    a = await createTestApp();
    if (!a.database.url) throw new Error('this test needs KUZOT_TEST_DATABASE_URL (npm run test:pg)');
    handleB = openPostgres(a.database.url, 2);
    const config = loadConfig({ KUZOT_LOG_LEVEL: 'silent', KUZOT_WEB_DIR: '/nonexistent' });
    b = await buildApp(createContainer(config, handleB), { logger: false });
    await b.ready();
  });
  afterAll(async () => {
    await b?.close();
    await handleB?.close();
    await a?.close();
  });

  const onB = (cookie: string, url: string) => b.inject({ method: 'GET', url, headers: { cookie } });

  it('refuses in one process a session signed out in the other', async () => {
    const { session } = await signedInUser(a, { role: 'viewer' });
    for (let i = 0; i < 2; i++)
      expect((await onB(session.cookie, '/api/v1/auth/session')).statusCode).toBe(200);
    const heard = nextChange(handleB, 'auth');
    expect((await session.request('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    await heard;
    expect((await onB(session.cookie, '/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('refuses in one process the sessions of a user disabled in the other', async () => {
    const admin = await signedInUser(a, { role: 'administrator' });
    const { session, user } = await signedInUser(a, { role: 'viewer' });
    for (let i = 0; i < 2; i++)
      expect((await onB(session.cookie, '/api/v1/auth/session')).statusCode).toBe(200);
    const heard = nextChange(handleB, 'auth');
    const disabled = await admin.session.request('PATCH', `/api/v1/users/${user.id}`, { isDisabled: true });
    expect(disabled.statusCode).toBe(200);
    await heard;
    expect((await onB(session.cookie, '/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('lists in one process a territory added in the other', async () => {
    const admin = await signedInUser(a, { role: 'administrator' });
    const list = async () => (await onB(admin.session.cookie, '/api/v1/territories')).json<TerritoryList>();
    const before = await list();
    const oblast = before.items.find((x) => x.level === 'oblast');
    const heard = nextChange(handleB, 'territories');
    const created = await admin.session.request('POST', '/api/v1/territories', {
      code: '41799088000001',
      level: 'district',
      parentId: oblast?.id,
      name: { ky: 'Сыноо', ru: 'Тест', en: 'Test' },
    });
    expect(created.statusCode).toBe(201);
    await heard;
    expect((await list()).items.length).toBe(before.items.length + 1);
  });
});
