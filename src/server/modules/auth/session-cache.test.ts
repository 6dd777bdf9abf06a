import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser, strongPassword } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

// Sessions are kept in memory between requests (auth.service). Every change to a user or a session must
// still take effect on the very next request, as if each request read the database.
describe('sessions kept in memory', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedInUser(t, { role: 'administrator' })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Signs a new viewer in and uses the session twice, so it is served from memory from then on. */
  const warmViewer = async () => {
    const viewer = await signedInUser(t, { role: 'viewer' });
    for (let i = 0; i < 2; i++)
      expect((await viewer.session.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    return viewer;
  };

  it('ends a session at once on sign-out', async () => {
    const { session } = await warmViewer();
    expect((await session.request('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await session.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('ends the sessions of a disabled user at once', async () => {
    const { session, user } = await warmViewer();
    const disabled = await admin.request('PATCH', `/api/v1/users/${user.id}`, { isDisabled: true });
    expect(disabled.statusCode).toBe(200);
    expect((await session.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('ends the other sessions at once when the password changes', async () => {
    const viewer = await warmViewer();
    const other = await t.login(viewer.user.username, viewer.password);
    expect((await other.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    const changed = await viewer.session.request('POST', '/api/v1/me/password', {
      currentPassword: viewer.password,
      newPassword: strongPassword(),
    });
    expect(changed.statusCode).toBe(200);
    expect((await other.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await viewer.session.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('shows a changed name and language on the next request', async () => {
    const { session, user } = await warmViewer();
    await admin.request('PATCH', `/api/v1/users/${user.id}`, { displayName: 'Renamed viewer' });
    expect((await session.request('PATCH', '/api/v1/me/preferences', { locale: 'ky' })).statusCode).toBe(200);
    const me = (await session.request('GET', '/api/v1/auth/session')).json<{
      user: { displayName: string; locale: string };
    }>();
    expect(me.user).toMatchObject({ displayName: 'Renamed viewer', locale: 'ky' });
  });

  it('applies a new role at once (its sessions end)', async () => {
    const { session, user } = await warmViewer();
    expect((await session.request('GET', '/api/v1/territories')).statusCode).toBe(200);
    await admin.request('PATCH', `/api/v1/users/${user.id}`, { role: 'media_editor' });
    expect((await session.request('GET', '/api/v1/territories')).statusCode).toBe(401);
  });

  it('does not keep sessions while changes made elsewhere cannot be heard', async () => {
    const { session, user } = await warmViewer();
    await t.container.database.changes.close();
    try {
      // Written behind the service's back, as another process or an operator would: only the database knows.
      await t.container.database.db.deleteFrom('userSession').where('userId', '=', user.id).execute();
      expect((await session.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    } finally {
      await t.container.database.changes.start();
    }
  });
});

describe('sessions kept in memory, changed outside this process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('forgets a session the database reports as deleted by someone else', async () => {
    const { session, user } = await signedInUser(t, { role: 'viewer' });
    expect((await session.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    const heard = new Promise<void>((resolve) => {
      const stop = t.container.database.changes.onChange('auth', () => {
        stop();
        resolve();
      });
    });
    // Written behind the services' back, as another process or an operator would.
    await t.container.database.db.deleteFrom('userSession').where('userId', '=', user.id).execute();
    await heard;
    expect((await session.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
  });
});
