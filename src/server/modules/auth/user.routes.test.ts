import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditList } from '#shared/contracts/audit.contract';
import type { User, UserList, UserWithPassword } from '#shared/contracts/users.contract';
import {
  buildUser,
  signedInUser,
  strongPassword,
  territoryByIso,
  uniqueName,
  unknownId,
} from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

describe('user administration routes', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
  });

  afterAll(async () => {
    await t.close();
  });

  const signIn = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('creates a user with a generated password that works once and must be changed', async () => {
    const username = uniqueName('analyst');
    const response = await admin.request('POST', '/api/v1/users', {
      username,
      displayName: 'Aigerim',
      role: 'analyst',
      email: 'a@example.org',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<UserWithPassword>();
    expect(body.generatedPassword).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(body.user).toMatchObject({
      username,
      role: 'analyst',
      agencyId: null,
      territoryId: null,
      mustChangePassword: true,
      isDisabled: false,
    });
    expect(JSON.stringify(body)).not.toMatch(/hash/i);
    const session = await t.login(username, body.generatedPassword ?? '');
    expect(session.body.user.mustChangePassword).toBe(true);
  });

  it('refuses a scoped role without its scope, or with a scope that does not exist', async () => {
    const noAgency = await admin.request('POST', '/api/v1/users', {
      username: uniqueName('officer'),
      displayName: 'O',
      role: 'agency_officer',
    });
    expect(noAgency.statusCode).toBe(400);
    expect(noAgency.json()).toMatchObject({ code: 'SCOPE_REQUIRED', details: { field: 'agencyId' } });
    const noTerritory = await admin.request('POST', '/api/v1/users', {
      username: uniqueName('regional'),
      displayName: 'R',
      role: 'regional_officer',
    });
    expect(noTerritory.json()).toMatchObject({ code: 'SCOPE_REQUIRED', details: { field: 'territoryId' } });
    const unknownAgency = await admin.request('POST', '/api/v1/users', {
      username: uniqueName('officer'),
      displayName: 'O',
      role: 'agency_officer',
      agencyId: unknownId(),
    });
    expect(unknownAgency.statusCode).toBe(400);
    expect(unknownAgency.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'agencyId' } });
  });

  it('refuses a username that is taken, whatever its case', async () => {
    const username = uniqueName('dup');
    expect(
      (await admin.request('POST', '/api/v1/users', { username, displayName: 'A', role: 'viewer' }))
        .statusCode,
    ).toBe(201);
    const again = await admin.request('POST', '/api/v1/users', {
      username: username.toUpperCase(),
      displayName: 'B',
      role: 'viewer',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'USERNAME_TAKEN' });
  });

  it('gives a username to one of several requests racing for it', async () => {
    const username = uniqueName('race');
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        admin.request('POST', '/api/v1/users', { username, displayName: 'Race', role: 'viewer' }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(responses.filter((r) => r.statusCode === 409).map((r) => r.json<{ code: string }>().code)).toEqual(
      ['USERNAME_TAKEN', 'USERNAME_TAKEN'],
    );
  });

  it('refuses a weak chosen password', async () => {
    const response = await admin.request('POST', '/api/v1/users', {
      username: uniqueName('weak'),
      displayName: 'W',
      role: 'viewer',
      password: 'aaaaaaaaaaaa',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK' });
  });

  it("changes role and scope, clears a scope the new role does not use, and ends the user's sessions", async () => {
    const { user, session } = await signedInUser(t, { role: 'viewer' });
    const agencyId = (await t.container.services.agencies.list()).items[1]?.id;
    const toOfficer = await admin.request('PATCH', `/api/v1/users/${user.id}`, {
      role: 'agency_officer',
      agencyId,
    });
    expect(toOfficer.statusCode).toBe(200);
    expect(toOfficer.json<User>()).toMatchObject({ role: 'agency_officer', agencyId, territoryId: null });
    expect((await session.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);

    const chui = await territoryByIso(t, 'KG-C');
    const toRegional = await admin.request('PATCH', `/api/v1/users/${user.id}`, {
      role: 'regional_officer',
      territoryId: chui.id,
    });
    expect(toRegional.json<User>()).toMatchObject({
      role: 'regional_officer',
      agencyId: null,
      territoryId: chui.id,
    });
    const got = await admin.request('GET', `/api/v1/users/${user.id}`);
    expect(got.json<User>()).toMatchObject({ role: 'regional_officer', territoryId: chui.id });
  });

  it('narrows an officer by the optional second scope, and refuses an unknown one', async () => {
    const { user } = await signedInUser(t, { role: 'viewer' });
    const agencyId = (await t.container.services.agencies.list()).items[0]?.id;
    const osh = await territoryByIso(t, 'KG-O');
    const officer = await admin.request('PATCH', `/api/v1/users/${user.id}`, {
      role: 'agency_officer',
      agencyId,
      territoryId: osh.id,
    });
    expect(officer.json<User>()).toMatchObject({ role: 'agency_officer', agencyId, territoryId: osh.id });
    const regional = await admin.request('PATCH', `/api/v1/users/${user.id}`, {
      role: 'regional_officer',
      territoryId: osh.id,
      agencyId,
    });
    expect(regional.json<User>()).toMatchObject({ role: 'regional_officer', agencyId, territoryId: osh.id });
    const unknown = await admin.request('PATCH', `/api/v1/users/${user.id}`, {
      agencyId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'agencyId' } });
    const viewer = await admin.request('PATCH', `/api/v1/users/${user.id}`, { role: 'viewer' });
    expect(viewer.json<User>()).toMatchObject({ role: 'viewer', agencyId: null, territoryId: null });
  });

  it('disables a user: their session stops working and they cannot sign in until enabled again', async () => {
    const { user, password, session } = await signedInUser(t, { role: 'analyst' });
    expect((await session.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    const disabled = await admin.request('PATCH', `/api/v1/users/${user.id}`, { isDisabled: true });
    expect(disabled.json<User>().isDisabled).toBe(true);
    expect((await session.request('GET', '/api/v1/territories')).statusCode).toBe(401);
    const refused = await signIn(user.username, password);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'ACCOUNT_DISABLED' });

    const listed = await admin.request('GET', `/api/v1/users?search=${user.username}`);
    expect(listed.json<UserList>().items).toEqual([]);
    const withDisabled = await admin.request(
      'GET',
      `/api/v1/users?search=${user.username}&includeDisabled=true`,
    );
    expect(withDisabled.json<UserList>().items.map((u) => u.id)).toEqual([user.id]);

    await admin.request('PATCH', `/api/v1/users/${user.id}`, { isDisabled: false });
    expect((await signIn(user.username, password)).statusCode).toBe(200);
    const actions = (await t.container.services.audit.list({ entityId: user.id })).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  it('does not let an administrator disable or demote themselves', async () => {
    const self = admin.body.user.id;
    const disable = await admin.request('PATCH', `/api/v1/users/${self}`, { isDisabled: true });
    expect(disable.statusCode).toBe(409);
    expect(disable.json()).toMatchObject({ code: 'CANNOT_CHANGE_SELF' });
    const demote = await admin.request('PATCH', `/api/v1/users/${self}`, { role: 'viewer' });
    expect(demote.json()).toMatchObject({ code: 'CANNOT_CHANGE_SELF' });
    expect((await admin.request('GET', '/api/v1/auth/session')).json()).toMatchObject({
      user: { role: 'administrator' },
    });
  });

  it('resets a password: the old one fails, the new one works and must be changed', async () => {
    const { user, password, session } = await signedInUser(t, { role: 'media_editor' });
    const newPassword = strongPassword();
    const reset = await admin.request('POST', `/api/v1/users/${user.id}/reset-password`, {
      password: newPassword,
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json<UserWithPassword>()).toMatchObject({
      generatedPassword: null,
      user: { mustChangePassword: true },
    });
    expect((await session.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await signIn(user.username, password)).json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const fresh = await t.login(user.username, newPassword);
    expect(fresh.body.user.mustChangePassword).toBe(true);

    const generated = await admin.request('POST', `/api/v1/users/${user.id}/reset-password`, {});
    const generatedPassword = generated.json<UserWithPassword>().generatedPassword ?? '';
    expect(generatedPassword).toHaveLength(16);
    expect((await signIn(user.username, newPassword)).statusCode).toBe(401);
    expect((await signIn(user.username, generatedPassword)).statusCode).toBe(200);
  });

  it('answers 404 for a user that does not exist', async () => {
    const response = await admin.request('PATCH', `/api/v1/users/${unknownId()}`, { displayName: 'X' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('audits every change with before and after, and never a password or its hash', async () => {
    const password = strongPassword();
    const { user } = await buildUser(t, { role: 'viewer', password, displayName: 'Before' });
    await admin.request('PATCH', `/api/v1/users/${user.id}`, { displayName: 'After' });
    const reset = await admin.request('POST', `/api/v1/users/${user.id}/reset-password`, {});
    const generatedPassword = reset.json<UserWithPassword>().generatedPassword ?? '';

    const response = await admin.request('GET', `/api/v1/audit?entityType=user&entityId=${user.id}`);
    const entries = response.json<AuditList>().items;
    const byAction = new Map(entries.map((e) => [e.action, e]));
    expect(byAction.get('user.created')?.after).toMatchObject({
      username: user.username,
      role: 'viewer',
      displayName: 'Before',
    });
    expect(byAction.get('user.updated')).toMatchObject({
      before: { displayName: 'Before' },
      after: { displayName: 'After' },
      actorId: admin.body.user.id,
    });
    expect(byAction.has('user.password_reset')).toBe(true);

    const everything = JSON.stringify((await t.container.services.audit.list({ limit: 500 })).items);
    expect(everything).not.toMatch(/argon2|passwordHash|password_hash/i);
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(generatedPassword);
  });
});
