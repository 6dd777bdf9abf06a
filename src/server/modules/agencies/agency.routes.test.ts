import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency, AgencyList } from '#shared/contracts/agencies.contract';
import { unknownId } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

const name = { ky: 'Сыноо агенттиги', ru: 'Тестовое агентство', en: 'Test Agency' };
const shortName = { ky: 'СА', ru: 'ТА', en: 'TA' };

describe('agency routes', () => {
  let t: TestApp;
  let admin: Session;
  let viewer: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
    viewer = await t.loginAs('viewer');
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists the 10 default agencies, active and named in three languages', async () => {
    const response = await viewer.request('GET', '/api/v1/agencies');
    expect(response.statusCode).toBe(200);
    const { items } = response.json<AgencyList>();
    expect(items.map((a) => a.code).sort()).toEqual([
      'BGS',
      'CNS',
      'CUS',
      'FES',
      'GPO',
      'LSG',
      'MES',
      'MIA',
      'MOH',
      'PEN',
    ]);
    for (const agency of items) {
      expect(agency.isActive).toBe(true);
      expect(agency.name.ky && agency.name.ru && agency.name.en).toBeTruthy();
    }
  });

  it('does not add the defaults twice when seeding runs again', async () => {
    expect(
      await t.container.services.agencies.seedDefaults({
        userId: null,
        username: 'test',
        role: 'system',
        agencyId: null,
        territoryId: null,
        requestId: null,
        ip: null,
      }),
    ).toBe(0);
    expect((await viewer.request('GET', '/api/v1/agencies')).json<AgencyList>().items).toHaveLength(10);
  });

  it('adds an agency (201), audited with what was created', async () => {
    const response = await admin.request('POST', '/api/v1/agencies', { code: 'TEST_1', name, shortName });
    expect(response.statusCode).toBe(201);
    const agency = response.json<Agency>();
    expect(agency).toMatchObject({ code: 'TEST_1', name, shortName, isActive: true });
    const audit = await t.container.services.audit.list({ action: 'agency.created', entityId: agency.id });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actorId: admin.body.user.id,
      entityType: 'agency',
      before: null,
      after: { code: 'TEST_1', name },
    });
  });

  it('refuses a code that is taken (409), also when two requests race for it', async () => {
    const taken = await admin.request('POST', '/api/v1/agencies', { code: 'MIA', name, shortName });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'AGENCY_CODE_TAKEN', details: { field: 'code' } });
    const raced = await Promise.all(
      [1, 2, 3].map(() => admin.request('POST', '/api/v1/agencies', { code: 'RACE', name, shortName })),
    );
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('validates the code and the names', async () => {
    const lower = await admin.request('POST', '/api/v1/agencies', { code: 'mia-2', name, shortName });
    expect(lower.statusCode).toBe(400);
    expect(lower.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const noRussian = await admin.request('POST', '/api/v1/agencies', {
      code: 'TEST_2',
      name: { ky: 'a', en: 'b' },
      shortName,
    });
    expect(noRussian.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ field: 'body.name.ru' }] },
    });
  });

  it('changes an agency, audited with before and after', async () => {
    const agency = (await viewer.request('GET', '/api/v1/agencies'))
      .json<AgencyList>()
      .items.find((a) => a.code === 'LSG');
    const newName = { ...agency!.name, en: 'Local Self-Government Bodies' };
    const response = await admin.request('PATCH', `/api/v1/agencies/${agency!.id}`, {
      name: newName,
      isActive: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Agency>()).toMatchObject({
      code: 'LSG',
      name: newName,
      shortName: agency!.shortName,
      isActive: false,
    });
    const audit = await t.container.services.audit.list({ action: 'agency.updated', entityId: agency!.id });
    expect(audit.items[0]).toMatchObject({
      before: { isActive: true, name: { en: agency!.name.en } },
      after: { isActive: false, name: { en: 'Local Self-Government Bodies' } },
    });
  });

  it('answers 404 for an unknown agency', async () => {
    const response = await admin.request('PATCH', `/api/v1/agencies/${unknownId()}`, { isActive: false });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets only administrators change agencies', async () => {
    const officer = await t.loginAs('agency_officer');
    expect(
      (await officer.request('POST', '/api/v1/agencies', { code: 'TEST_3', name, shortName })).statusCode,
    ).toBe(403);
    const agency = (await officer.request('GET', '/api/v1/agencies')).json<AgencyList>().items[0];
    expect(
      (await officer.request('PATCH', `/api/v1/agencies/${agency!.id}`, { isActive: false })).statusCode,
    ).toBe(403);
  });
});
