import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';
import { authenticationPlugin } from './auth.plugin';
import { registerErrorHandler } from './error-handler';
import { needs, publicAccess, signedIn } from './route-access';

/** The access rules of the auth plugin on a bare app, with sessions from the real auth service. */
describe('authentication plugin', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let viewer: Session;

  beforeAll(async () => {
    t = await createTestApp();
    viewer = await t.loginAs('viewer');
    app = Fastify();
    await app.register(cookie);
    await app.register(authenticationPlugin, {
      authenticate: (token) => t.container.services.auth.authenticate(token),
    });
    registerErrorHandler(app);
    const ok = async () => ({ ok: true });
    app.get('/api/v1/undecided', ok);
    app.get('/outside', ok);
    app.get('/api/v1/open', { config: { access: publicAccess } }, ok);
    app.post('/api/v1/signed-in', { config: { access: signedIn } }, ok);
    app.get('/api/v1/admin-only', { config: { access: needs('users.read') } }, ok);
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const asViewer = (method: 'GET' | 'POST', url: string, csrf: string | null = viewer.csrfToken) =>
    app.inject({
      method,
      url,
      headers: { cookie: viewer.cookie, ...(csrf !== null ? { 'x-csrf-token': csrf } : {}) },
    });

  it('refuses an API route that has no access decision, even to a signed-in user', async () => {
    const response = await asViewer('GET', '/api/v1/undecided');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/no access decision/),
    });
  });

  it('lets routes outside the API through without a decision', async () => {
    expect((await app.inject({ method: 'GET', url: '/outside' })).statusCode).toBe(200);
  });

  it('ignores a stale cookie on a public route', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/open',
      headers: { cookie: 'kuzot_session=stale' },
    });
    expect(response.statusCode).toBe(200);
  });

  it('checks the permission before the CSRF token, and the CSRF token on writes', async () => {
    expect((await asViewer('GET', '/api/v1/admin-only')).json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await asViewer('POST', '/api/v1/signed-in')).statusCode).toBe(200);
    expect((await asViewer('POST', '/api/v1/signed-in', null)).json()).toMatchObject({
      code: 'CSRF_TOKEN_INVALID',
    });
    expect((await asViewer('POST', '/api/v1/signed-in', `${viewer.csrfToken}x`)).json()).toMatchObject({
      code: 'CSRF_TOKEN_INVALID',
    });
    const other = await t.loginAs('viewer');
    expect((await asViewer('POST', '/api/v1/signed-in', other.csrfToken)).json()).toMatchObject({
      code: 'CSRF_TOKEN_INVALID',
    });
  });
});
