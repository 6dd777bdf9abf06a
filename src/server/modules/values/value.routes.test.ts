import type { ApprovalStatus } from '#shared/contracts/data-values.contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '#shared/contracts/catalogue.contract';
import type {
  EntryForm,
  SaveValueResponse,
  ValueBound,
  ValueBoundList,
  ValueHistory,
} from '#shared/contracts/data-values.contract';
import type { Territory } from '#shared/contracts/territories.contract';
import { systemActor, type Actor } from '#server/lib/actor';
import { signedInUser, unknownId } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';
import { renderMessage } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';
import type { ValueWrite } from './values.types';

describe('data values: entry form, saving, history, scope, locks, batches', () => {
  let t: TestApp;
  let admin: Session;
  let catalogue: Catalogue;
  let agencies: Map<string, string>;
  let oblastA: Territory;
  let oblastB: Territory;
  let districtB: Territory;
  /** The territories that report figures by default: those without subdivisions. */
  let leaves: Territory[];
  let districtA: Territory;
  let territories: Territory[];

  const elementId = (code: string) => {
    const element = catalogue.dataElements.find((e) => e.code === code);
    if (!element) throw new Error(`no element ${code}`);
    return element.id;
  };
  const put = (session: Session, body: Record<string, unknown>) =>
    session.request('PUT', '/api/v1/data-values', body);
  const cell = (overrides: Record<string, string | number | null> = {}) => ({
    dataElementId: elementId('drug_crimes'),
    territoryId: districtA.id,
    period: '2024-03',
    disaggregation: 'cannabis',
    value: 12,
    ...overrides,
  });
  const historyOf = async (session: Session, c: Record<string, string | number | null>) => {
    const query = new URLSearchParams({
      dataElementId: String(c.dataElementId),
      territoryId: String(c.territoryId),
      period: String(c.period),
      disaggregation: String(c.disaggregation ?? ''),
    });
    return session.request('GET', `/api/v1/data-values/history?${query.toString()}`);
  };
  const form = (session: Session, agencyCode: string, territoryId: string, period: string) =>
    session.request(
      'GET',
      `/api/v1/entry-forms?agencyId=${agencies.get(agencyCode)}&territoryId=${territoryId}&period=${period}`,
    );
  const counts = async () => {
    const { rows } = await sql<{ values: number; history: number; audit: number }>`
      select (select count(*)::int from data_value) as values,
             (select count(*)::int from data_value_history) as history,
             (select count(*)::int from audit_log) as audit
    `.execute(t.container.database.db);
    return rows[0]!;
  };
  const setApproval = async (
    agencyCode: string,
    territoryId: string,
    period: string,
    status: ApprovalStatus,
  ) => {
    await t.container.database.db
      .insertInto('dataApproval')
      .values({ agencyId: agencies.get(agencyCode)!, territoryId, period, status })
      .onConflict((oc) => oc.columns(['agencyId', 'territoryId', 'period']).doUpdateSet({ status }))
      .execute();
  };
  const actorOf = (role: Actor['role'], scope: Partial<Actor> = {}): Actor => ({
    ...systemActor('test'),
    username: `${role}-actor`,
    role,
    ...scope,
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
    catalogue = await t.container.services.catalogue.getCatalogue();
    agencies = new Map((await t.container.services.agencies.list()).items.map((a) => [a.code, a.id]));
    territories = (await t.container.services.territories.list()).items;
    const oblasts = territories.filter((x) => x.level === 'oblast');
    oblastA = oblasts[0]!;
    oblastB = oblasts[1]!;
    districtA = territories.find((x) => x.parentId === oblastA.id)!;
    districtB = territories.find((x) => x.parentId === oblastB.id)!;
    leaves = territories.filter((x) => !territories.some((y) => y.parentId === x.id));
  });

  afterAll(async () => {
    await t.close();
  });

  it("gives the agency's form: elements of the period type, disaggregation columns, approval, deadline", async () => {
    const response = await form(admin, 'MIA', districtA.id, '2024-03');
    expect(response.statusCode).toBe(200);
    const body = response.json<EntryForm>();
    const codes = body.elements.map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['drug_crimes', 'drug_offence_prosecuted']));
    expect(body.elements.every((e) => e.periodType === 'month')).toBe(true);
    const crimes = body.elements.find((e) => e.code === 'drug_crimes')!;
    expect(crimes.columns.map((c) => c.disaggregation)).toEqual([
      'cannabis',
      'heroin',
      'opium',
      'synthetic',
      'cocaine',
      'other',
    ]);
    const prosecuted = body.elements.find((e) => e.code === 'drug_offence_prosecuted')!;
    expect(prosecuted.columns).toHaveLength(6);
    expect(prosecuted.columns[0]).toEqual({
      disaggregation: 'male.age_0_17',
      name: { ky: 'Эркек / 0–17 жаш', ru: 'Мужской / 0–17 лет', en: 'Male / 0–17 years' },
    });
    const intoxication = body.elements.find((e) => e.code === 'crimes_under_intoxication')!;
    expect(intoxication.columns.map((c) => c.disaggregation)).toEqual(['']);
    expect(body.approval).toMatchObject({ status: 'draft', deadline: '2024-04-15', submittedAt: null });
    expect(body.editable).toBe(true);
    expect(body.values).toEqual([]);

    const yearly = (await form(admin, 'MES', districtA.id, '2024')).json<EntryForm>();
    expect(yearly.elements.map((e) => e.code)).toEqual(
      expect.arrayContaining(['students_tested', 'students_at_risk']),
    );
    expect(yearly.approval.deadline).toBe('2025-01-15');
  });

  it('saves a value with its history; saving it again changes nothing; clearing keeps history', async () => {
    const saved = await put(admin, cell({ value: 12 }));
    expect(saved.statusCode).toBe(200);
    const body = saved.json<SaveValueResponse>();
    expect(body.changed).toBe(true);
    expect(body.value).toMatchObject({ value: 12, source: 'form', isSynthetic: false, comment: null });

    const { rows: audit } = await sql<{ action: string; after: { value: number } }>`
      select action, after from audit_log order by id desc limit 1
    `.execute(t.container.database.db);
    expect(audit[0]).toMatchObject({ action: 'data.value.saved', after: { value: 12 } });
    const before = await counts();
    const again = (await put(admin, cell({ value: 12 }))).json<SaveValueResponse>();
    expect(again.changed).toBe(false);
    expect(again.value?.value).toBe(12);
    expect(await counts()).toEqual(before);

    await put(admin, cell({ value: 15 }));
    const history = (await historyOf(admin, cell())).json<ValueHistory>().items;
    expect(history.map((h) => [h.oldValue, h.newValue])).toEqual([
      [12, 15],
      [null, 12],
    ]);
    expect(history[0]).toMatchObject({ changedBy: t.admin.username, source: 'form' });

    const listed = (await form(admin, 'MIA', districtA.id, '2024-03')).json<EntryForm>();
    expect(listed.values).toEqual([expect.objectContaining({ disaggregation: 'cannabis', value: 15 })]);

    const cleared = (await put(admin, cell({ value: null }))).json<SaveValueResponse>();
    expect(cleared).toMatchObject({ value: null, changed: true });
    const clearedAgain = (await put(admin, cell({ value: null }))).json<SaveValueResponse>();
    expect(clearedAgain.changed).toBe(false);
    const after = (await historyOf(admin, cell())).json<ValueHistory>().items;
    expect(after).toHaveLength(3);
    expect(after[0]).toMatchObject({ oldValue: 15, newValue: null });
    expect((await form(admin, 'MIA', districtA.id, '2024-03')).json<EntryForm>().values).toEqual([]);
  });

  it('keeps comment and flag unless given; null clears them', async () => {
    const c = cell({ disaggregation: 'heroin', period: '2024-04' });
    await put(admin, { ...c, value: 3, comment: 'From the regional office', flag: 'estimated' });
    const changed = (await put(admin, { ...c, value: 4 })).json<SaveValueResponse>();
    expect(changed.value).toMatchObject({ value: 4, comment: 'From the regional office', flag: 'estimated' });
    const flagOnly = (await put(admin, { ...c, value: 4, flag: 'provisional' })).json<SaveValueResponse>();
    expect(flagOnly).toMatchObject({ changed: true, value: { flag: 'provisional' } });
    const clearedNotes = (
      await put(admin, { ...c, value: 4, comment: null, flag: null })
    ).json<SaveValueResponse>();
    expect(clearedNotes.value).toMatchObject({ comment: null, flag: null });
    const history = (await historyOf(admin, c)).json<ValueHistory>().items;
    expect(history[0]).toMatchObject({ oldComment: 'From the regional office', newComment: null });
    expect(history[0]).toMatchObject({ oldFlag: 'provisional', newFlag: null });
  });

  it('refuses values the element does not take, naming the field', async () => {
    const cases: Array<[Record<string, unknown>, number, string, string, string]> = [
      [cell({ value: 1.5 }), 400, 'VALUE_INVALID', 'value', 'value.not_whole'],
      [cell({ period: '2024Q1' }), 400, 'VALUE_INVALID', 'period', 'value.period_type_wrong'],
      [
        cell({ disaggregation: 'tobacco' }),
        400,
        'VALUE_INVALID',
        'disaggregation',
        'value.disaggregation_unknown',
      ],
      [cell({ disaggregation: '' }), 400, 'VALUE_INVALID', 'disaggregation', 'value.disaggregation_missing'],
      [cell({ dataElementId: unknownId() }), 404, 'NOT_FOUND', 'dataElementId', 'value.element_unknown'],
      [cell({ territoryId: unknownId() }), 404, 'NOT_FOUND', 'territoryId', 'value.territory_unknown'],
    ];
    for (const [body, status, code, field, key] of cases) {
      const response = await put(admin, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json()).toMatchObject({ code, details: { field }, localised: { key } });
    }
    // The refusal travels as a key with parameters; the reader's page renders it in their language.
    const wrongType = (await put(admin, cell({ period: '2024Q1' }))).json<{ localised: Message }>();
    expect(renderMessage(wrongType.localised, 'ru')).toBe(
      '«drug_crimes» представляется помесячно, а I квартал 2024 — квартал.',
    );
    expect(renderMessage(wrongType.localised, 'ky')).toBe(
      '«drug_crimes» ай сайын берилет, ал эми 2024-ж. I чейрек — чейрек.',
    );
    // Text and unknown fields never reach the service.
    expect((await put(admin, cell({ value: '12' }))).statusCode).toBe(400);
    expect((await put(admin, cell({ value: 'twelve' }))).statusCode).toBe(400);
    expect((await put(admin, cell({ flag: 'guessed' }))).statusCode).toBe(400);

    const percentage = await admin.request('POST', '/api/v1/data-elements', {
      code: 'treated_share',
      name: { ky: 'Үлүш', ru: 'Доля', en: 'Share treated' },
      agencyId: agencies.get('MOH'),
      unit: 'percent',
      valueType: 'percentage',
      periodType: 'quarter',
      aggregationTime: 'average',
      aggregationTerritory: 'average',
      direction: 'higher_is_better',
    });
    expect(percentage.statusCode).toBe(201);
    const id = percentage.json<{ id: string }>().id;
    const share = { dataElementId: id, territoryId: districtA.id, period: '2024Q2' };
    expect((await put(admin, { ...share, value: 101 })).json()).toMatchObject({ code: 'VALUE_INVALID' });
    expect((await put(admin, { ...share, value: -1 })).json()).toMatchObject({ code: 'VALUE_INVALID' });
    expect((await put(admin, { ...share, value: 42.5 })).statusCode).toBe(200);
  });

  it("keeps officers to their agency's elements and their territory", async () => {
    const mohOfficer = await signedInUser(t, { role: 'agency_officer', agencyId: agencies.get('MOH') });
    const miaOfficer = await signedInUser(t, { role: 'agency_officer', agencyId: agencies.get('MIA') });
    const regional = await signedInUser(t, { role: 'regional_officer', territoryId: oblastA.id });
    const inA = cell({ period: '2024-05', value: 7 });
    const inB = cell({ period: '2024-05', territoryId: districtB.id, value: 7 });
    const outOfScope = (response: { statusCode: number; json: () => unknown }) => {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    };

    const otherAgency = await put(mohOfficer.session, inA);
    outOfScope(otherAgency);
    expect(otherAgency.json()).toMatchObject({ localised: { key: 'value.other_agency' } });
    outOfScope(await form(mohOfficer.session, 'MIA', districtA.id, '2024-05'));
    expect((await form(mohOfficer.session, 'MOH', oblastB.id, '2024-05')).statusCode).toBe(200);

    expect((await put(miaOfficer.session, inA)).statusCode).toBe(200);
    expect((await put(miaOfficer.session, inB)).statusCode).toBe(200);

    expect((await put(regional.session, { ...inA, value: 8 })).statusCode).toBe(200);
    const poisonings = { dataElementId: elementId('acute_poisonings'), disaggregation: 'male.age_0_17' };
    expect((await put(regional.session, { ...inA, ...poisonings })).statusCode).toBe(200);
    outOfScope(await put(regional.session, inB));
    outOfScope(await form(regional.session, 'MIA', oblastB.id, '2024-05'));
    expect((await form(regional.session, 'MIA', districtA.id, '2024-05')).statusCode).toBe(200);

    // Drafts outside the scope are not readable; approved values are.
    outOfScope(await historyOf(regional.session, inB));
    await setApproval('MIA', districtB.id, '2024-05', 'approved');
    expect((await historyOf(regional.session, inB)).statusCode).toBe(200);
  });

  it('refuses values out of range and at territories the element is not reported at', async () => {
    const refused = async (body: Record<string, unknown>, code: string, key: string) => {
      const response = await put(admin, body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code, localised: { key } });
    };
    // −5 crimes got a green tick; a count cannot be negative.
    await refused(cell({ value: -5 }), 'VALUE_INVALID', 'value.negative');
    // 9007199254740993 was stored as …992, 1e20 accepted.
    await refused(cell({ value: Number('9007199254740993') }), 'VALUE_INVALID', 'value.too_large');
    await refused(cell({ value: 1e20 }), 'VALUE_INVALID', 'value.too_large');
    await refused(cell({ period: '9999-12' }), 'VALUE_INVALID', 'value.period_too_late');
    // By default an oblast's figure is the sum of its districts': it is not entered.
    await refused(cell({ territoryId: oblastA.id }), 'NOT_REPORTED_HERE', 'value.not_reported_here');

    // 1.7e308 in two districts made every oblast and country query fail with a numeric overflow.
    const seized = elementId('drugs_seized_kg');
    const [first, second] = territories.filter((x) => x.parentId === oblastA.id);
    for (const territoryId of [first!.id, second!.id])
      await refused(
        { dataElementId: seized, territoryId, period: '2024-03', disaggregation: 'heroin', value: 1.7e308 },
        'VALUE_INVALID',
        'value.too_large',
      );
    const country = territories.find((x) => x.parentId === null)!;
    const query = await admin.request('POST', '/api/v1/explorer/query', {
      items: ['drugs_seized_kg'],
      territories: { ids: [oblastA.id, country.id], mode: 'selected' },
      periods: { type: 'month', from: '2024-03', to: '2024-03' },
    });
    expect(query.statusCode).toBe(200);
  });

  it('locks approved figures for everyone and submitted ones for officers', async () => {
    const officer = await signedInUser(t, { role: 'agency_officer', agencyId: agencies.get('MIA') });
    const c = cell({ period: '2024-06', value: 5 });
    expect((await put(admin, c)).statusCode).toBe(200);

    await setApproval('MIA', districtA.id, '2024-06', 'submitted');
    const officerSave = await put(officer.session, { ...c, value: 6 });
    expect(officerSave.statusCode).toBe(409);
    expect(officerSave.json()).toMatchObject({
      code: 'DATA_LOCKED',
      message: 'The figures of June 2024 are submitted for approval; they can be changed once returned.',
      localised: { key: 'value.submitted_locked', params: { period: '2024-06' } },
    });
    expect(renderMessage(officerSave.json<{ localised: Message }>().localised, 'ky')).toBe(
      '2024-ж. июнь боюнча маалыматтар бекитүүгө тапшырылган; алар кайтарылгандан кийин гана өзгөртүлөт.',
    );
    expect((await form(officer.session, 'MIA', districtA.id, '2024-06')).json<EntryForm>()).toMatchObject({
      editable: false,
      approval: { status: 'submitted' },
    });
    expect((await put(admin, { ...c, value: 6 })).statusCode).toBe(200);

    await setApproval('MIA', districtA.id, '2024-06', 'approved');
    expect((await put(admin, { ...c, value: 7 })).json()).toMatchObject({ code: 'DATA_LOCKED' });
    expect((await put(admin, { ...c, value: null })).json()).toMatchObject({ code: 'DATA_LOCKED' });
    const locked = (await form(admin, 'MIA', districtA.id, '2024-06')).json<EntryForm>();
    expect(locked).toMatchObject({ editable: false, approval: { status: 'approved' } });
    expect(locked.values[0]?.value).toBe(6);
    // Other agencies' figures for the same territory and period stay open.
    const moh = { ...c, dataElementId: elementId('acute_poisonings'), disaggregation: 'male.age_18_29' };
    expect((await put(admin, moh)).statusCode).toBe(200);

    await setApproval('MIA', districtA.id, '2024-06', 'returned');
    expect((await put(officer.session, { ...c, value: 8 })).statusCode).toBe(200);
  });

  it('refuses a batch with bad writes whole, listing every one, and writes nothing', async () => {
    const before = await counts();
    const good = (n: number, value: number): ValueWrite => ({
      dataElementId: elementId('crimes_under_intoxication'),
      territoryId: leaves[n]!.id,
      period: '2023-01',
      disaggregation: '',
      value,
    });
    const writes: ValueWrite[] = [
      good(0, 1),
      { ...good(1, 2), value: 2.5 },
      good(2, 3),
      { ...good(3, 4), period: '2023' },
      { ...good(4, 5), territoryId: unknownId() },
      { ...good(5, 6), disaggregation: 'cannabis' },
      good(0, 9),
    ];
    const refused = await t.container.services.values
      .applyValues(systemActor('test'), writes, 'csv')
      .then(() => null)
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'IMPORT_INVALID' });
    const problems = (refused as { details: { problems: Array<{ row: number; column: string }> } }).details
      .problems;
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'value'],
      [4, 'period'],
      [5, 'territoryId'],
      [6, 'disaggregation'],
      [7, 'value'],
    ]);
    expect(await counts()).toEqual(before);

    const officer = actorOf('agency_officer', { agencyId: agencies.get('MOH')! });
    const scoped = await t.container.services.values
      .applyValues(officer, [good(0, 1), good(1, 2)], 'api')
      .catch((error: unknown) => error);
    expect(scoped).toMatchObject({ code: 'IMPORT_INVALID', details: { problems: [{ row: 1 }, { row: 2 }] } });
    expect(await counts()).toEqual(before);
  });

  it('applies a large batch in one go, one audit entry; the same batch again changes nothing', async () => {
    const months = ['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06', '2022-07', '2022-08'];
    const options = ['cannabis', 'heroin', 'opium', 'synthetic', 'cocaine', 'other'];
    const writes: ValueWrite[] = [];
    for (const territory of leaves)
      for (const period of months)
        for (const [i, disaggregation] of options.entries())
          writes.push({
            dataElementId: elementId('drug_crimes'),
            territoryId: territory.id,
            period,
            disaggregation,
            value: i + 1,
          });
    expect(writes.length).toBeGreaterThan(2500);
    const before = await counts();
    const dry = await t.container.services.values.applyValues(systemActor('test'), writes, 'xlsx', {
      dryRun: true,
    });
    expect(dry).toMatchObject({ created: writes.length, updated: 0, unchanged: 0 });
    expect(await counts()).toEqual(before);

    const first = await t.container.services.values.applyValues(systemActor('test'), writes, 'xlsx');
    expect(first).toMatchObject({ created: writes.length, updated: 0, deleted: 0, unchanged: 0 });
    const after = await counts();
    expect(after).toEqual({
      values: before.values + writes.length,
      history: before.history + writes.length,
      audit: before.audit + 1,
    });
    const second = await t.container.services.values.applyValues(systemActor('test'), writes, 'xlsx');
    expect(second).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: writes.length });
    // Nothing changed, and the audit log says so.
    expect(await counts()).toEqual({ ...after, audit: after.audit + 1 });

    const changed = writes.map((w, i) => ({ ...w, value: i % 2 === 0 ? w.value : null }));
    const third = await t.container.services.values.applyValues(systemActor('test'), changed, 'csv');
    expect(third).toMatchObject({ created: 0, updated: 0, deleted: Math.floor(writes.length / 2) });
    const { rows } = await sql<{ action: string; after: Record<string, unknown> }>`
      select action, after from audit_log order by id desc limit 1
    `.execute(t.container.database.db);
    expect(rows[0]).toMatchObject({
      action: 'data.values.import',
      after: { source: 'csv', deleted: third.deleted },
    });
  });

  it('shows checks inline: bounds (territory wins), validation rules and outliers', async () => {
    const crimes = elementId('drug_crimes');
    const general = await admin.request('PUT', '/api/v1/value-bounds', {
      dataElementId: crimes,
      territoryId: null,
      minValue: null,
      maxValue: 10,
    });
    expect(general.statusCode).toBe(200);
    const c = cell({ period: '2021-06', disaggregation: 'opium' });
    const above = (await put(admin, { ...c, value: 12 })).json<SaveValueResponse>();
    expect(above.checks).toContainEqual(
      expect.objectContaining({
        kind: 'max',
        disaggregation: 'opium',
        message: '12 is above the maximum 10',
      }),
    );
    const local = (
      await admin.request('PUT', '/api/v1/value-bounds', {
        dataElementId: crimes,
        territoryId: districtA.id,
        minValue: 1,
        maxValue: 20,
      })
    ).json<ValueBound>();
    const within = (await put(admin, { ...c, value: 13 })).json<SaveValueResponse>();
    expect(within.checks.filter((x) => x.kind === 'max')).toEqual([]);
    // The bound is replaced, not duplicated.
    await admin.request('PUT', '/api/v1/value-bounds', { ...local, id: undefined, maxValue: 30 });
    const listed = (
      await admin.request('GET', `/api/v1/value-bounds?dataElementId=${crimes}`)
    ).json<ValueBoundList>();
    expect(listed.items.map((b) => [b.territoryId, b.maxValue])).toEqual([
      [null, 10],
      [districtA.id, 30],
    ]);

    // Rule: persons prosecuted at most 3 × drug crimes (13 here).
    const prosecuted = {
      ...c,
      dataElementId: elementId('drug_offence_prosecuted'),
      disaggregation: 'male.age_18_29',
      value: 50,
    };
    const rule = (await put(admin, prosecuted)).json<SaveValueResponse>();
    expect(rule.checks).toContainEqual(
      expect.objectContaining({ kind: 'rule', ruleCode: 'prosecuted_vs_drug_crimes', importance: 'medium' }),
    );
    expect(rule.checks.find((x) => x.kind === 'rule')?.message).toContain('50');
    expect(rule.checks.find((x) => x.kind === 'rule')?.message).toContain('39');

    // Outlier: a steady series, then a spike.
    const series: ValueWrite[] = [];
    for (let year = 2018; year <= 2020; year++)
      for (let month = 1; month <= 12; month++)
        series.push({
          dataElementId: crimes,
          territoryId: districtA.id,
          period: `${year}-${String(month).padStart(2, '0')}`,
          disaggregation: 'cocaine',
          value: 10 + ((year + month) % 3),
        });
    await t.container.services.values.applyValues(systemActor('test'), series, 'api');
    // A count of 19 against about 11 is ordinary Poisson noise (P ≈ 2 %); 40 is not.
    const noise = (
      await put(admin, { ...c, period: '2021-01', disaggregation: 'cocaine', value: 19 })
    ).json<SaveValueResponse>();
    expect(noise.checks.filter((x) => x.kind === 'outlier')).toEqual([]);
    const spike = (
      await put(admin, { ...c, period: '2021-01', disaggregation: 'cocaine', value: 40 })
    ).json<SaveValueResponse>();
    const outlier = spike.checks.find((x) => x.kind === 'outlier');
    expect(outlier).toMatchObject({
      disaggregation: 'cocaine',
      importance: 'medium',
      localised: { params: { value: 40 } },
      outlier: { finding: 'higher', model: 'count', historySize: 36 },
    });
    expect(outlier?.message).toContain('40 against about 11');
    const normal = (
      await put(admin, { ...c, period: '2021-01', disaggregation: 'cocaine', value: 11 })
    ).json<SaveValueResponse>();
    expect(normal.checks.filter((x) => x.kind === 'outlier')).toEqual([]);

    const shown = (await form(admin, 'MIA', districtA.id, '2021-06')).json<EntryForm>();
    expect(shown.checks.map((x) => x.kind).sort()).toEqual(['rule']);

    expect((await admin.request('DELETE', `/api/v1/value-bounds/${local.id}`)).statusCode).toBe(200);
    expect((await admin.request('DELETE', `/api/v1/value-bounds/${local.id}`)).statusCode).toBe(404);
    const back = (await put(admin, { ...c, value: 14 })).json<SaveValueResponse>();
    expect(back.checks).toContainEqual(
      expect.objectContaining({ kind: 'max', message: '14 is above the maximum 10' }),
    );
  });

  it('refuses bounds that make no sense', async () => {
    const base = { dataElementId: elementId('drug_crimes'), territoryId: null };
    const bad = [
      { ...base, minValue: null, maxValue: null },
      { ...base, minValue: 5, maxValue: 1 },
      { ...base, dataElementId: unknownId(), minValue: 1, maxValue: null },
      { ...base, territoryId: unknownId(), minValue: 1, maxValue: null },
    ];
    for (const body of bad) {
      const response = await admin.request('PUT', '/api/v1/value-bounds', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
