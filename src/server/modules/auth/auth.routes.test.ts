import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser } from '#server/test/factories';
import { createTestApp, type TestApp } from '#server/test/test-app';

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginMaxFailures: 3 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs the first administrator in and returns the session with a CSRF token', async () => {
    const session = await t.login(t.admin.username, t.admin.password);
    expect(session.body.user.role).toBe('administrator');
    expect(session.csrfToken.length).toBeGreaterThan(20);
    const me = await session.request('GET', '/api/v1/auth/session');
    expect(me.statusCode).toBe(200);
  });

  it('sets an HttpOnly, SameSite=Strict cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: t.admin.username, password: t.admin.password },
    });
    const cookie = response.cookies.find((c) => c.name === 'kuzot_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.secure).toBeFalsy();
  });

  it("keeps the language chosen on the sign-in page as the user's language, and audits the change", async () => {
    const { user, password } = await signedInUser(t, { role: 'viewer' });
    const signIn = (locale?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: user.username, password, ...(locale ? { locale } : {}) },
      });
    const chosen = await signIn('ky');
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json<{ user: { locale: string } }>().user.locale).toBe('ky');
    // Signing in again without a choice keeps the stored language.
    expect((await signIn()).json<{ user: { locale: string } }>().user.locale).toBe('ky');
    const admin = await t.login(t.admin.username, t.admin.password);
    const audit = await admin.request('GET', `/api/v1/audit?action=user.locale_changed&entityId=${user.id}`);
    expect(audit.json<{ items: Array<{ before: unknown; after: unknown }> }>().items).toMatchObject([
      { before: { locale: 'ru' }, after: { locale: 'ky' } },
    ]);
    expect((await signIn('xx')).statusCode).toBe(400);
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: t.admin.username, password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks an account after repeated failures, even for the right password, without saying so', async () => {
    const s = await t.loginAs('viewer');
    const username = s.body.user.username;
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'wrong-password' },
      });
      codes.push(r.json<{ code: string }>().code);
    }
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS']);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: 'Test-password-1-xyz' },
    });
    // Exactly what a wrong password for an account that does not exist gets: nothing confirms the account.
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody-at-all', password: 'Test-password-1-xyz' },
    });
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual(unknown.json());
    const audit = await t.container.services.audit.list({ action: 'auth.account_locked' });
    expect(audit.items.some((e) => e.actorUsername === username)).toBe(true);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const session = await t.login(t.admin.username, t.admin.password);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
  });

  it('signs out and the cookie stops working', async () => {
    const session = await t.login(t.admin.username, t.admin.password);
    expect((await session.request('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    const after = await session.request('GET', '/api/v1/auth/session');
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers malformed JSON and unknown fields with a clear 400', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'MALFORMED_JSON' });
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a', password: 'b', remember: true },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ field: 'body.remember', message: 'unknown field' }] },
    });
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toBeTruthy();
  });
});
