import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser, strongPassword } from '#server/test/factories';
import { createTestApp, type TestApp } from '#server/test/test-app';

// A password set by an administrator (or generated on the first start) must be replaced before the account
// does anything else; the server enforces it, the web app only shows the way.
describe('a password that must be changed first', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { passwordChangeDue: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('holds the first administrator to it on a fresh start', async () => {
    const session = await t.login(t.admin.username, t.admin.password);
    expect(session.body.user.mustChangePassword).toBe(true);
    const users = await session.request('GET', '/api/v1/users');
    expect(users.statusCode).toBe(403);
    expect(users.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
  });

  it('allows only signing out, the own account and the password change until it is done', async () => {
    const { session, password } = await signedInUser(t, { role: 'analyst', passwordChangeDue: true });
    expect((await session.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expect((await session.request('PATCH', '/api/v1/me/preferences', { locale: 'ru' })).statusCode).toBe(200);
    for (const [method, url, payload] of [
      ['GET', '/api/v1/territories', undefined],
      ['GET', '/api/v1/catalogue', undefined],
      ['POST', '/api/v1/explorer/query', { items: ['drug_crimes'] }],
      ['PUT', '/api/v1/data-values', {}],
    ] as const) {
      const refused = await session.request(method, url, payload);
      expect(`${method} ${url} ${refused.statusCode}`).toBe(`${method} ${url} 403`);
      expect(refused.json()).toMatchObject({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: expect.stringMatching(/password/) as unknown,
      });
    }
    const changed = await session.request('POST', '/api/v1/me/password', {
      currentPassword: password,
      newPassword: strongPassword(),
    });
    expect(changed.statusCode).toBe(200);
    expect((await session.request('GET', '/api/v1/territories')).statusCode).toBe(200);
  });

  it('lets the account sign out', async () => {
    const { session } = await signedInUser(t, { role: 'viewer', passwordChangeDue: true });
    expect((await session.request('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
  });
});
