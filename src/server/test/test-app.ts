import type { LightMyRequestResponse } from 'fastify';
import { csrfHeaderName, type SessionResponse } from '#shared/contracts/auth.contract';
import type { Role } from '#shared/domain/access';
import { boot } from '#server/boot';
import { loadConfig, type Config } from '#server/config';
import type { Container } from '#server/container';
import { buildApp } from '#server/http/app';
import type { TypedApp } from '#server/http/typed';
import { systemActor } from '#server/lib/actor';
import { createTestDatabase, type TestDatabase } from './test-db';

export type TestApp = {
  app: TypedApp;
  container: Container;
  database: TestDatabase;
  admin: { username: string; password: string };
  /** Signs in and returns what a browser would hold: the session cookie and the CSRF token. */
  login(username: string, password: string): Promise<Session>;
  /** Creates a user with the role (and a scope when the role needs one) and signs them in. */
  loginAs(role: Role): Promise<Session>;
  close(): Promise<void>;
};

export type Session = {
  cookie: string;
  csrfToken: string;
  body: SessionResponse;
  /** Sends a request as this user, with cookie and CSRF header. */
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
};

/** Boots Kuzot on a fresh test database with reference data and a first administrator. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase({ migrate: false });
  const config = loadConfig({ KUZOT_LOG_LEVEL: 'silent', KUZOT_WEB_DIR: '/nonexistent' }, overrides);
  const { container, firstAdministrator } = await boot(config, { database: database.handle });
  if (!firstAdministrator) throw new Error('expected a first administrator on a fresh database');
  const app = await buildApp(container, { logger: false });
  await app.ready();

  const login = async (username: string, password: string): Promise<Session> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (response.statusCode !== 200)
      throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
    const body = response.json<SessionResponse>();
    const setCookie = response.cookies.find((c) => c.name === 'kuzot_session');
    if (!setCookie) throw new Error('no session cookie');
    const cookie = `kuzot_session=${setCookie.value}`;
    return {
      cookie,
      csrfToken: body.csrfToken,
      body,
      request: (method, url, payload) =>
        app.inject({
          method,
          url,
          headers: { cookie, [csrfHeaderName]: body.csrfToken },
          ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
        }),
    };
  };

  let counter = 0;
  const loginAs = async (role: Role): Promise<Session> => {
    counter++;
    const agencies = await container.services.agencies.list();
    const territories = await container.services.territories.list();
    const password = `Test-password-${counter}-xyz`;
    const username = `${role.replace(/_/g, '-')}-${counter}`;
    await container.services.users.create(systemActor('test'), {
      username,
      displayName: `Test ${role}`,
      role,
      agencyId: role === 'agency_officer' ? agencies.items[0]?.id : undefined,
      territoryId:
        role === 'regional_officer' ? territories.items.find((t) => t.level === 'oblast')?.id : undefined,
      password,
    });
    return login(username, password);
  };

  return {
    app,
    container,
    database,
    admin: firstAdministrator,
    login,
    loginAs,
    async close() {
      await app.close();
      await container.cpu.close();
      await database.cleanup();
    },
  };
}
