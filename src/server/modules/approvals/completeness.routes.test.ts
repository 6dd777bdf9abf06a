import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletenessDetailList, CompletenessReport } from '#shared/contracts/approval.contract';
import { systemActor } from '#server/lib/actor';
import { territoryByIso } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';
import { buildAgency, buildElement, storeValues } from './approval.test-support';

/**
 * A hand-built dataset: one agency with an undisaggregated element and one by sex × age group (6 options),
 * so every report expects 7 values; reporting territories are those of Talas oblast without children.
 */
describe('completeness routes', () => {
  let t: TestApp;
  let admin: Session;
  let analyst: Session;
  let agencyId: string;
  let leaves: string[];
  let a: string;
  let b: string;
  let talasId: string;
  const base = () =>
    `/api/v1/completeness?from=2024-01&to=2024-03&agencyId=${agencyId}&territoryId=${talasId}`;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
    analyst = await t.loginAs('analyst');
    agencyId = await buildAgency(t);
    const plain = await buildElement(t, agencyId);
    const bySexAge = await buildElement(t, agencyId, 'sex_age');
    const talas = await territoryByIso(t, 'KG-T');
    talasId = talas.id;
    const { items } = await t.container.services.territories.list();
    const subtree = new Set(await t.container.services.territories.subtreeIds(talas.id));
    const parents = new Set(items.map((x) => x.parentId));
    leaves = items.filter((x) => subtree.has(x.id) && !parents.has(x.id)).map((x) => x.id);
    [a = '', b = ''] = leaves;
    const chuyDistrict =
      items.find((x) => x.parentId === (items.find((y) => y.isoCode === 'KG-C')?.id ?? ''))?.id ?? '';
    const options = ['male', 'female'].flatMap((s) =>
      ['age_0_17', 'age_18_29', 'age_30_plus'].map((g) => `${s}.${g}`),
    );
    await storeValues(t, [
      { dataElementId: plain.id, territoryId: a, period: '2024-01' },
      { dataElementId: bySexAge.id, territoryId: a, period: '2024-01', disaggregation: 'male.age_0_17' },
      { dataElementId: plain.id, territoryId: a, period: '2024-02' },
      ...options.map((d) => ({
        dataElementId: bySexAge.id,
        territoryId: a,
        period: '2024-02',
        disaggregation: d,
      })),
      { dataElementId: plain.id, territoryId: b, period: '2024-01' },
      // Outside Talas, and outside the range: neither counts below.
      { dataElementId: plain.id, territoryId: chuyDistrict, period: '2024-01' },
      { dataElementId: plain.id, territoryId: a, period: '2023-12' },
    ]);
    const step = async (name: string, territoryId: string, period: string, reason?: string) => {
      const response = await admin.request('POST', `/api/v1/approvals/${name}`, {
        agencyId,
        territoryId,
        period,
        reason,
      });
      if (response.statusCode !== 200) throw new Error(response.body);
    };
    await step('submit', a, '2024-01');
    await step('approve', a, '2024-01');
    await step('submit', a, '2024-02');
    await step('submit', b, '2024-01');
    await step('return', b, '2024-01', 'incomplete');
    // The January report was made before its deadline (2024-02-15); the February one, just now, is late.
    await t.container.database.db
      .updateTable('dataApproval')
      .set({ submittedAt: new Date('2024-02-10T09:00:00Z') })
      .where('agencyId', '=', agencyId)
      .where('territoryId', '=', a)
      .where('period', '=', '2024-01')
      .execute();
  });

  afterAll(async () => {
    await t.close();
  });

  it('has at least two reporting territories in Talas', () => {
    expect(leaves.length).toBeGreaterThanOrEqual(2);
  });

  it('groups by period: expected, present, completeness, on time and late', async () => {
    const response = await analyst.request('GET', `${base()}&groupBy=period`);
    expect(response.statusCode).toBe(200);
    const report = response.json<CompletenessReport>();
    const n = leaves.length;
    expect(report).toMatchObject({
      periodType: 'month',
      periods: ['2024-01', '2024-02', '2024-03'],
      groupBy: 'period',
      territories: n,
    });
    expect(report.rows).toEqual([
      {
        key: { period: '2024-01' },
        expected: 7 * n,
        present: 3,
        completeness: 3 / (7 * n),
        reports: n,
        submitted: 1,
        onTime: 1,
        late: 0,
        timeliness: 1 / n,
      },
      {
        key: { period: '2024-02' },
        expected: 7 * n,
        present: 7,
        completeness: 7 / (7 * n),
        reports: n,
        submitted: 1,
        onTime: 0,
        late: 1,
        timeliness: 0,
      },
      {
        key: { period: '2024-03' },
        expected: 7 * n,
        present: 0,
        completeness: 0,
        reports: n,
        submitted: 0,
        onTime: 0,
        late: 0,
        timeliness: 0,
      },
    ]);
    expect(report.total).toEqual({
      expected: 21 * n,
      present: 10,
      completeness: 10 / (21 * n),
      reports: 3 * n,
      submitted: 2,
      onTime: 1,
      late: 1,
      timeliness: 1 / (3 * n),
    });
  });

  it('groups by territory and by agency', async () => {
    const byTerritory = (
      await analyst.request('GET', `${base()}&groupBy=territory`)
    ).json<CompletenessReport>();
    expect(byTerritory.rows).toHaveLength(leaves.length);
    expect(byTerritory.rows.find((r) => r.key.territoryId === a)).toEqual({
      key: { territoryId: a },
      expected: 21,
      present: 9,
      completeness: 9 / 21,
      reports: 3,
      submitted: 2,
      onTime: 1,
      late: 1,
      timeliness: 1 / 3,
    });
    expect(byTerritory.rows.find((r) => r.key.territoryId === b)).toMatchObject({ present: 1, submitted: 0 });
    const byAgency = (await analyst.request('GET', base())).json<CompletenessReport>();
    expect(byAgency.groupBy).toBe('agency');
    expect(byAgency.rows).toEqual([{ key: { agencyId }, ...byAgency.total }]);
  });

  it('counts every reporting territory of the country without a territory filter', async () => {
    const report = (
      await analyst.request('GET', `/api/v1/completeness?from=2024-01&to=2024-01&agencyId=${agencyId}`)
    ).json<CompletenessReport>();
    expect(report.territories).toBeGreaterThan(leaves.length);
    expect(report.total.present).toBe(4);
  });

  it('lists each expected report with its status and timeliness', async () => {
    const response = await analyst.request(
      'GET',
      `/api/v1/completeness/details?from=2024-01&to=2024-03&agencyId=${agencyId}&territoryId=${talasId}&limit=500`,
    );
    const { total, items } = response.json<CompletenessDetailList>();
    expect(total).toBe(3 * leaves.length);
    expect(items.find((i) => i.territoryId === a && i.period === '2024-01')).toEqual({
      agencyId,
      territoryId: a,
      period: '2024-01',
      expected: 7,
      present: 2,
      completeness: 2 / 7,
      status: 'approved',
      submittedAt: '2024-02-10T09:00:00.000Z',
      deadline: '2024-02-15',
      onTime: true,
    });
    expect(items.find((i) => i.territoryId === b && i.period === '2024-01')).toMatchObject({
      status: 'returned',
      submittedAt: null,
      onTime: null,
    });
  });

  it("judges timeliness against the agency's own deadline setting", async () => {
    const saved = await admin.request('PUT', '/api/v1/reporting-deadlines', {
      agencyId,
      periodType: 'month',
      daysAfterEnd: 5,
    });
    expect(saved.statusCode).toBe(200);
    const report = (await analyst.request('GET', `${base()}&groupBy=period`)).json<CompletenessReport>();
    // Submitted on 10 February: on time by the 15th, late by the 5th.
    expect(report.rows[0]).toMatchObject({ key: { period: '2024-01' }, submitted: 1, onTime: 0, late: 1 });
    const details = (
      await analyst.request(
        'GET',
        `/api/v1/completeness/details?from=2024-01&to=2024-01&agencyId=${agencyId}&territoryId=${a}`,
      )
    ).json<CompletenessDetailList>();
    expect(details.items).toEqual([
      expect.objectContaining({ territoryId: a, deadline: '2024-02-05', onTime: false }),
    ]);
  });

  it('merges agencies with different deadlines into one period row', async () => {
    const second = await buildAgency(t);
    const element = await buildElement(t, second);
    await storeValues(t, [{ dataElementId: element.id, territoryId: a, period: '2024-01' }]);
    const submitted = await admin.request('POST', '/api/v1/approvals/submit', {
      agencyId: second,
      territoryId: a,
      period: '2024-01',
    });
    expect(submitted.statusCode).toBe(200);
    await t.container.database.db
      .updateTable('dataApproval')
      .set({ submittedAt: new Date('2024-02-10T09:00:00Z') })
      .where('agencyId', '=', second)
      .execute();
    // The first agency's deadline is now the 5th (late on the 10th), the second one's the default 15th.
    const report = (
      await analyst.request(
        'GET',
        `/api/v1/completeness?from=2024-01&to=2024-01&territoryId=${a}&groupBy=period`,
      )
    ).json<CompletenessReport>();
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ key: { period: '2024-01' }, submitted: 2, onTime: 1, late: 1 });
    expect(report.total).toMatchObject({ submitted: 2, onTime: 1, late: 1, present: 3 });
  });

  it('expects an element reported by oblast from the oblast, not from its districts', async () => {
    const byOblastAgency = await buildAgency(t);
    const element = await buildElement(t, byOblastAgency);
    await t.container.services.catalogue.updateDataElement(systemActor('test'), element.id, {
      reportedLevel: 'oblast',
    });
    await storeValues(t, [{ dataElementId: element.id, territoryId: talasId, period: '2024-01' }]);
    const response = await analyst.request(
      'GET',
      `/api/v1/completeness/details?from=2024-01&to=2024-01&agencyId=${byOblastAgency}&territoryId=${talasId}&limit=500`,
    );
    const { items } = response.json<CompletenessDetailList>();
    expect(items.map((i) => [i.territoryId, i.expected, i.present])).toEqual([[talasId, 1, 1]]);
  });

  it('refuses ranges of mixed types, reversed or too long', async () => {
    for (const query of [
      'from=2024-01&to=2024Q2',
      'from=2024-03&to=2024-01',
      'from=2000-01&to=2024-12',
      'from=2024-13&to=2024-14',
    ]) {
      const response = await analyst.request('GET', `/api/v1/completeness?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
