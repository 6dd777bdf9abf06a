import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser, SessionResponse } from '#shared/contracts/auth.contract';
import { signedInUser, strongPassword } from '#server/test/factories';
import { createTestApp, type TestApp } from '#server/test/test-app';

describe('my own settings (/me)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('changes the interface language; the session and later sign-ins return it', async () => {
    const { user, password, session } = await signedInUser(t, { role: 'viewer', locale: 'ru' });
    const changed = await session.request('PATCH', '/api/v1/me/preferences', { locale: 'ky' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<CurrentUser>()).toMatchObject({ id: user.id, locale: 'ky' });
    expect((await session.request('GET', '/api/v1/auth/session')).json<SessionResponse>().user.locale).toBe(
      'ky',
    );
    expect((await t.login(user.username, password)).body.user.locale).toBe('ky');
    const audit = await t.container.services.audit.list({ action: 'user.locale_changed', entityId: user.id });
    expect(audit.items[0]).toMatchObject({
      before: { locale: 'ru' },
      after: { locale: 'ky' },
      actorId: user.id,
    });
  });

  it('refuses a language the interface does not have', async () => {
    const { session } = await signedInUser(t, { role: 'viewer' });
    const response = await session.request('PATCH', '/api/v1/me/preferences', { locale: 'de' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('requires the CSRF token to change settings', async () => {
    const { session } = await signedInUser(t, { role: 'viewer' });
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/preferences',
      headers: { cookie: session.cookie },
      payload: { locale: 'en' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
  });

  it('refuses a password change with the wrong current password (401) and keeps the old one', async () => {
    const { user, password, session } = await signedInUser(t, { role: 'analyst' });
    const response = await session.request('POST', '/api/v1/me/password', {
      currentPassword: `${password}x`,
      newPassword: strongPassword(),
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      details: { field: 'currentPassword' },
    });
    expect((await t.login(user.username, password)).body.user.id).toBe(user.id);
  });

  it('counts wrong current passwords towards the lock, which ends the session', async () => {
    const { user, password, session } = await signedInUser(t, { role: 'analyst' });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await session.request('POST', '/api/v1/me/password', {
        currentPassword: `${password}-guess-${i}`,
        newPassword: strongPassword(),
      });
      codes.push(response.json<{ code: string }>().code);
    }
    expect(codes).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
    ]);
    expect((await session.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password },
    });
    // Signing in to a locked account is answered like any failed sign-in.
    expect(signIn.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('refuses a weak new password (400 PASSWORD_TOO_WEAK) and lists what is missing', async () => {
    const { user, password, session } = await signedInUser(t, { role: 'analyst' });
    const short = await session.request('POST', '/api/v1/me/password', {
      currentPassword: password,
      newPassword: 'abc',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { field: 'newPassword' } });
    const withName = await session.request('POST', '/api/v1/me/password', {
      currentPassword: password,
      newPassword: `${user.username}-2025!`,
    });
    expect(withName.json()).toMatchObject({
      code: 'PASSWORD_TOO_WEAK',
      details: { problems: [expect.stringMatching(/username/)] },
    });
  });

  it('changes the password: this session stays, other sessions end, the old password stops working', async () => {
    const { user, password, session } = await signedInUser(t, { role: 'analyst', passwordChangeDue: true });
    const other = await t.login(user.username, password);
    const newPassword = strongPassword();
    const response = await session.request('POST', '/api/v1/me/password', {
      currentPassword: password,
      newPassword,
    });
    expect(response.statusCode).toBe(200);
    const mine = await session.request('GET', '/api/v1/auth/session');
    expect(mine.statusCode).toBe(200);
    expect(mine.json<SessionResponse>().user.mustChangePassword).toBe(false);
    expect((await other.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password },
    });
    expect(old.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect((await t.login(user.username, newPassword)).body.user.id).toBe(user.id);
  });
});
