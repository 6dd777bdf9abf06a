import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Population,
  Territory,
  TerritoryDetail,
  TerritoryList,
} from '#shared/contracts/territories.contract';
import { territoryByIso, unknownId } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

describe('territory routes', () => {
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

  const detailOf = async (id: string) =>
    (await viewer.request('GET', `/api/v1/territories/${id}`)).json<TerritoryDetail>();

  it('lists the 64 territories of the reference data by level', async () => {
    const response = await viewer.request('GET', '/api/v1/territories');
    expect(response.statusCode).toBe(200);
    const { items } = response.json<TerritoryList>();
    expect(items).toHaveLength(64);
    const byLevel: Record<string, number> = {};
    for (const item of items) byLevel[item.level] = (byLevel[item.level] ?? 0) + 1;
    expect(byLevel).toEqual({ country: 1, oblast: 7, city_republican: 2, district: 40, city_oblast: 14 });
    expect(items[0]?.level).toBe('country');
    const isoCodes = items.map((i) => i.isoCode);
    expect(isoCodes).toEqual(
      expect.arrayContaining([
        'KG',
        'KG-GB',
        'KG-GO',
        'KG-B',
        'KG-C',
        'KG-J',
        'KG-N',
        'KG-O',
        'KG-T',
        'KG-Y',
      ]),
    );
    expect(new Set(items.map((i) => i.code)).size).toBe(64);
  });

  it('shows Osh Region with its 7 districts as children and the country as its only ancestor', async () => {
    const osh = await territoryByIso(t, 'KG-O');
    const detail = await detailOf(osh.id);
    expect(detail.territory).toMatchObject({ name: { en: 'Osh Region' }, level: 'oblast' });
    expect(detail.ancestors.map((a) => a.level)).toEqual(['country']);
    expect(detail.ancestors[0]?.isoCode).toBe('KG');
    expect(detail.children).toHaveLength(7);
    expect(detail.children.every((c) => c.level === 'district' && c.parentId === osh.id)).toBe(true);
    expect(detail.children.map((c) => c.name.en)).toEqual(
      expect.arrayContaining(['Alay District', 'Kara-Suu District', 'Chong-Alay District']),
    );
  });

  it('places the two cities of republican significance directly under the country', async () => {
    for (const iso of ['KG-GB', 'KG-GO']) {
      const city = await territoryByIso(t, iso);
      expect(city.level).toBe('city_republican');
      expect((await detailOf(city.id)).ancestors.map((a) => a.isoCode)).toEqual(['KG']);
    }
  });

  it('leaves years without a figure out, never as 0', async () => {
    const country = await territoryByIso(t, 'KG');
    const years = (await detailOf(country.id)).population.map((p) => p.year);
    // The reference file's national figures: one per year, the 1 January one kept over the census count.
    expect(years).toEqual([2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const { items } = (await viewer.request('GET', '/api/v1/territories')).json<TerritoryList>();
    for (const territory of items) {
      for (const figure of (await detailOf(territory.id)).population) {
        expect(figure.total === null || figure.total > 0).toBe(true);
        expect(figure.source.length).toBeGreaterThan(2);
      }
    }
  });

  it('keeps one reference figure per unit and year by the stated preference, with its kind and doubt', async () => {
    const figureOf = async (iso: string, year: number) =>
      (await detailOf((await territoryByIso(t, iso)).id)).population.find((p) => p.year === year);
    // Country 2020: the exact 6,533,500 over the rounded 6.5 million; the under-18s from a sibling row.
    expect(await figureOf('KG', 2020)).toMatchObject({
      total: 6_533_500,
      age0to17: 2_456_000,
      kind: 'jan1',
      referenceDate: '2020-01-01',
      flag: null,
    });
    // 2022: the census count (the doubtful news figure is left in the file).
    expect(await figureOf('KG', 2022)).toMatchObject({
      total: 6_936_000,
      kind: 'census',
      referenceDate: '2022-03-25',
      flag: null,
    });
    // Bishkek 2021: the unflagged figure, not the conflicting one.
    expect(await figureOf('KG-GB', 2021)).toMatchObject({ total: 1_074_075, flag: null });
    // An oblast's only 2025 figure is unverified: kept, and says so.
    expect(await figureOf('KG-T', 2025)).toMatchObject({ total: 280_500, flag: 'unverified' });
    // The national figures at other dates carry the country past its last 1 January figure.
    const country = await territoryByIso(t, 'KG');
    const denominatorOf = await t.container.services.territories.denominators({ officialOnly: false });
    expect(denominatorOf(country.id, 2025, 'total')).toMatchObject({ value: 7_281_827, method: 'official' });
    const next = denominatorOf(country.id, 2026, 'total');
    expect(next).toMatchObject({ method: 'trend', isEstimate: true });
    // Between the last dated figure (7,395,000 on 1 December 2025) and a month of its growth beyond.
    expect(next?.value).toBeGreaterThan(7_395_000);
    expect(next?.value).toBeLessThan(7_420_000);
  });

  it('answers 404 for an unknown territory and 400 for an id that is not a UUID', async () => {
    expect((await viewer.request('GET', `/api/v1/territories/${unknownId()}`)).json()).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await viewer.request('GET', '/api/v1/territories/osh')).statusCode).toBe(400);
  });

  it('lets an administrator rename a territory, audited with before and after', async () => {
    const talas = await territoryByIso(t, 'KG-T');
    const name = { ky: 'Талас облусу', ru: 'Таласская обл.', en: 'Talas Oblast' };
    const response = await admin.request('PATCH', `/api/v1/territories/${talas.id}`, {
      name,
      variants: ['Talas'],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Territory>()).toMatchObject({ name, variants: ['Talas'], code: talas.code });
    const audit = await t.container.services.audit.list({ action: 'territory.updated', entityId: talas.id });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actorId: admin.body.user.id,
      before: { name: { en: 'Talas Region' } },
      after: { name: { en: 'Talas Oblast' }, variants: ['Talas'] },
    });
  });

  it('refuses an ISO code another territory already has', async () => {
    const talas = await territoryByIso(t, 'KG-T');
    const response = await admin.request('PATCH', `/api/v1/territories/${talas.id}`, { isoCode: 'KG-O' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'TERRITORY_CODE_TAKEN' });
  });

  it('adds a territory under an allowed parent only', async () => {
    const naryn = await territoryByIso(t, 'KG-N');
    const name = { ky: 'Жаңы район', ru: 'Новый район', en: 'New District' };
    const created = await admin.request('POST', '/api/v1/territories', {
      code: '41704999000000',
      level: 'district',
      parentId: naryn.id,
      name,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<Territory>()).toMatchObject({ parentId: naryn.id, level: 'district', isoCode: null });
    const again = await admin.request('POST', '/api/v1/territories', {
      code: '41704999000000',
      level: 'district',
      parentId: naryn.id,
      name,
    });
    expect(again.json()).toMatchObject({ code: 'TERRITORY_CODE_TAKEN' });
    const country = await territoryByIso(t, 'KG');
    const misplaced = await admin.request('POST', '/api/v1/territories', {
      code: '41704999000001',
      level: 'district',
      parentId: country.id,
      name,
    });
    expect(misplaced.statusCode).toBe(400);
    expect(misplaced.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'parentId' } });
  });

  it('sets a population figure, checking that male and female add up to the total', async () => {
    const batken = await territoryByIso(t, 'KG-B');
    const url = `/api/v1/territories/${batken.id}/population/2040`;
    const mismatch = await admin.request('PUT', url, {
      total: 1000,
      male: 400,
      female: 500,
      source: 'Test source',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'total' } });
    const tooMany = await admin.request('PUT', url, { total: 1000, age0to17: 1001, source: 'Test source' });
    expect(tooMany.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'age0to17' } });
    const negative = await admin.request('PUT', url, { total: -1, source: 'Test source' });
    expect(negative.statusCode).toBe(400);
    const empty = await admin.request('PUT', url, { total: null, source: 'Test source' });
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'total' } });
    const noSource = await admin.request('PUT', url, { total: 1000 });
    expect(noSource.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const badYear = await admin.request('PUT', `/api/v1/territories/${batken.id}/population/1800`, {
      total: 1000,
      source: 'Test source',
    });
    expect(badYear.statusCode).toBe(400);

    const saved = await admin.request('PUT', url, {
      total: 1000,
      male: 490,
      female: 510,
      age0to17: 300,
      source: 'Test source',
      isEstimate: true,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<Population>()).toMatchObject({
      year: 2040,
      total: 1000,
      male: 490,
      female: 510,
      age0to17: 300,
      age14to35: null,
      isEstimate: true,
    });
    const updated = await admin.request('PUT', url, { total: 1100, source: 'Revised source' });
    expect(updated.json<Population>()).toMatchObject({ total: 1100, male: null, female: null });
    const audit = await t.container.services.audit.list({
      entityType: 'population',
      entityId: `${batken.id}/2040`,
    });
    expect(audit.items.map((e) => e.action)).toEqual(['population.updated', 'population.created']);
    expect(audit.items[0]).toMatchObject({
      before: { total: 1000 },
      after: { total: 1100, source: 'Revised source' },
    });
  });

  it('removes a population figure, and answers 404 when there is none', async () => {
    const naryn = await territoryByIso(t, 'KG-N');
    await admin.request('PUT', `/api/v1/territories/${naryn.id}/population/2041`, {
      total: 5000,
      source: 'Test source',
    });
    expect(
      (await admin.request('DELETE', `/api/v1/territories/${naryn.id}/population/2041`)).statusCode,
    ).toBe(200);
    expect((await detailOf(naryn.id)).population.some((p) => p.year === 2041)).toBe(false);
    expect(
      (await admin.request('DELETE', `/api/v1/territories/${naryn.id}/population/2041`)).statusCode,
    ).toBe(404);
  });

  it('refuses writes from anyone but an administrator', async () => {
    const osh = await territoryByIso(t, 'KG-O');
    for (const role of ['analyst', 'regional_officer', 'viewer'] as const) {
      const session = await t.loginAs(role);
      const patch = await session.request('PATCH', `/api/v1/territories/${osh.id}`, { notes: 'changed' });
      const put = await session.request('PUT', `/api/v1/territories/${osh.id}/population/2040`, {
        total: 1,
        source: 'Nope source',
      });
      expect([patch.statusCode, put.statusCode]).toEqual([403, 403]);
      expect(patch.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await detailOf(osh.id)).territory.notes).not.toBe('changed');
  });
});
