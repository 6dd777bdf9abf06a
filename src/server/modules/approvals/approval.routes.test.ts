import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApprovalList,
  ReportingDeadline,
  ReportingDeadlineList,
} from '#shared/contracts/approval.contract';
import type { AuditList } from '#shared/contracts/audit.contract';
import type { DataElement } from '#shared/contracts/catalogue.contract';
import type { Approval } from '#shared/contracts/data-values.contract';
import { signedInUser, territoryByIso, unknownId } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';
import { buildAgency, buildElement, storeValues } from './approval.test-support';

describe('approval routes', () => {
  let t: TestApp;
  let admin: Session;
  let analyst: Session;
  let officer: Session;
  let otherOfficer: Session;
  let talasOfficer: Session;
  let agencyId: string;
  let element: DataElement;
  let talasDistrict: string;
  let chuyDistrict: string;
  const period = '2024-01';

  const key = () => ({ agencyId, territoryId: talasDistrict, period });
  const post = (who: Session, step: string, body: object) =>
    who.request('POST', `/api/v1/approvals/${step}`, body);
  const code = (response: { json: <T>() => T }) => response.json<{ code: string }>().code;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
    analyst = await t.loginAs('analyst');
    agencyId = await buildAgency(t);
    element = await buildElement(t, agencyId);
    const { items } = await t.container.services.territories.list();
    const talas = await territoryByIso(t, 'KG-T');
    const chuy = await territoryByIso(t, 'KG-C');
    const districtOf = (parentId: string) => {
      const found = items.find((x) => x.parentId === parentId && x.level === 'district');
      if (!found) throw new Error('no district');
      return found.id;
    };
    talasDistrict = districtOf(talas.id);
    chuyDistrict = districtOf(chuy.id);
    officer = (await signedInUser(t, { role: 'agency_officer', agencyId })).session;
    const mia = (await t.container.services.agencies.list()).items.find((a) => a.code === 'MIA');
    otherOfficer = (await signedInUser(t, { role: 'agency_officer', agencyId: mia?.id })).session;
    talasOfficer = (await signedInUser(t, { role: 'regional_officer', territoryId: talas.id })).session;
  });

  afterAll(async () => {
    await t.close();
  });

  it('reports a draft with its deadline when nothing was submitted', async () => {
    const response = await officer.request(
      'GET',
      `/api/v1/approvals/one?agencyId=${agencyId}&territoryId=${talasDistrict}&period=${period}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json<Approval>()).toEqual({
      ...key(),
      status: 'draft',
      submittedAt: null,
      submittedBy: null,
      decidedAt: null,
      decidedBy: null,
      reason: null,
      deadline: '2024-02-15',
    });
  });

  it('refuses to submit figures with no values, and changes nothing', async () => {
    const response = await post(officer, 'submit', key());
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'APPROVAL_STATE_INVALID',
      message: expect.stringContaining('Nothing to submit'),
    });
    const list = (
      await analyst.request('GET', `/api/v1/approvals?agencyId=${agencyId}`)
    ).json<ApprovalList>();
    expect(list.total).toBe(0);
  });

  it('refuses a submission outside the write scope', async () => {
    await storeValues(t, [{ dataElementId: element.id, territoryId: talasDistrict, period }]);
    await storeValues(t, [{ dataElementId: element.id, territoryId: chuyDistrict, period }]);
    const other = await post(otherOfficer, 'submit', key());
    expect(other.statusCode).toBe(403);
    expect(code(other)).toBe('OUT_OF_SCOPE');
    const outside = await post(talasOfficer, 'submit', { ...key(), territoryId: chuyDistrict });
    expect(code(outside)).toBe('OUT_OF_SCOPE');
    const unknown = await post(officer, 'submit', { ...key(), territoryId: unknownId() });
    expect(unknown.statusCode).toBe(400);
  });

  it('lets an officer submit within scope, and refuses a second submission naming the state', async () => {
    const response = await post(officer, 'submit', key());
    expect(response.statusCode).toBe(200);
    const body = response.json<Approval>();
    expect(body).toMatchObject({ status: 'submitted', reason: null, decidedAt: null });
    expect(body.submittedBy).toMatch(/^agency-officer/);
    expect(body.submittedAt).not.toBeNull();

    const again = await post(officer, 'submit', key());
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'APPROVAL_STATE_INVALID',
      message: expect.stringContaining('submitted'),
      details: { status: 'submitted', step: 'submit' },
    });
  });

  it('lets a regional officer submit any agency within their territory', async () => {
    const response = await post(talasOfficer, 'submit', { ...key(), period: '2024-02' });
    // No values in February: the scope check passed and the emptiness check refused.
    expect(code(response)).toBe('APPROVAL_STATE_INVALID');
  });

  it('does not let an officer approve, return or unlock', async () => {
    for (const step of ['approve', 'return', 'unlock']) {
      const response = await post(officer, step, { ...key(), reason: 'x' });
      expect(response.statusCode).toBe(403);
      expect(code(response)).toBe('FORBIDDEN');
    }
  });

  it('returns only with a reason; the officer submits again; the analyst approves once', async () => {
    const noReason = await post(analyst, 'return', key());
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'reason' } });
    const blank = await post(analyst, 'return', { ...key(), reason: '   ' });
    expect(blank.statusCode).toBe(400);

    const returned = await post(analyst, 'return', {
      ...key(),
      reason: 'Totals do not match the paper form',
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      reason: 'Totals do not match the paper form',
    });
    expect(returned.json<Approval>().decidedBy).toMatch(/^analyst/);

    expect(code(await post(analyst, 'approve', key()))).toBe('APPROVAL_STATE_INVALID');
    expect((await post(officer, 'submit', key())).json()).toMatchObject({
      status: 'submitted',
      reason: null,
    });

    const approved = await post(analyst, 'approve', key());
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', reason: null });
    const twice = await post(analyst, 'approve', key());
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({
      code: 'APPROVAL_STATE_INVALID',
      details: { status: 'approved', step: 'approve' },
    });
    expect(code(await post(analyst, 'return', { ...key(), reason: 'late' }))).toBe('APPROVAL_STATE_INVALID');
  });

  it('locks approved figures against writes', async () => {
    const response = await officer.request('PUT', '/api/v1/data-values', {
      dataElementId: element.id,
      territoryId: talasDistrict,
      period,
      value: 5,
    });
    expect(response.statusCode).toBe(409);
    expect(code(response)).toBe('DATA_LOCKED');
    const asAnalyst = await analyst.request('PUT', '/api/v1/data-values', {
      dataElementId: element.id,
      territoryId: talasDistrict,
      period,
      value: 5,
    });
    expect(code(asAnalyst)).toBe('DATA_LOCKED');
  });

  it('unlocks only with a reason, back to returned, and the officer can submit again', async () => {
    expect((await post(admin, 'unlock', key())).statusCode).toBe(400);
    const unlocked = await post(admin, 'unlock', { ...key(), reason: 'Court corrected the count' });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({
      status: 'returned',
      reason: 'unlocked: Court corrected the count',
    });
    expect(code(await post(admin, 'unlock', { ...key(), reason: 'again' }))).toBe('APPROVAL_STATE_INVALID');
    expect((await post(officer, 'submit', key())).json()).toMatchObject({ status: 'submitted' });
  });

  it('audits every step with the state before and after', async () => {
    const response = await admin.request('GET', '/api/v1/audit?entityType=data_approval&limit=50');
    const { items } = response.json<AuditList>();
    const mine = items.filter((i) => i.entityId === `${agencyId}/${talasDistrict}/${period}`).reverse();
    expect(mine.map((i) => i.action)).toEqual([
      'approval.submit',
      'approval.return',
      'approval.submit',
      'approval.approve',
      'approval.unlock',
      'approval.submit',
    ]);
    expect(mine[0]).toMatchObject({ before: { status: 'draft' }, after: { status: 'submitted' } });
    expect(mine[4]).toMatchObject({
      before: { status: 'approved' },
      after: { status: 'returned', reason: 'unlocked: Court corrected the count' },
    });
    expect(mine.every((i) => i.actorUsername !== null)).toBe(true);
  });

  it('lists the queue with filters; officers see only their own scope', async () => {
    const all = (await analyst.request('GET', `/api/v1/approvals?agencyId=${agencyId}`)).json<ApprovalList>();
    expect(all.total).toBe(1);
    expect(all.items[0]).toMatchObject({
      ...key(),
      status: 'submitted',
      onTime: false,
      deadline: '2024-02-15',
    });
    const approved = (
      await analyst.request('GET', `/api/v1/approvals?agencyId=${agencyId}&status=approved`)
    ).json<ApprovalList>();
    expect(approved.total).toBe(0);
    const byPeriod = (
      await analyst.request('GET', `/api/v1/approvals?period=2024-01&periodType=month&agencyId=${agencyId}`)
    ).json<ApprovalList>();
    expect(byPeriod.total).toBe(1);
    const quarters = (
      await analyst.request('GET', `/api/v1/approvals?periodType=quarter&agencyId=${agencyId}`)
    ).json<ApprovalList>();
    expect(quarters.total).toBe(0);
    expect((await officer.request('GET', '/api/v1/approvals')).json<ApprovalList>().total).toBe(1);
    expect((await talasOfficer.request('GET', '/api/v1/approvals')).json<ApprovalList>().total).toBe(1);
    expect((await otherOfficer.request('GET', '/api/v1/approvals')).json<ApprovalList>().total).toBe(0);
    expect(
      (await otherOfficer.request('GET', `/api/v1/approvals?agencyId=${agencyId}`)).json<ApprovalList>()
        .total,
    ).toBe(0);
  });

  it('lets only one of two simultaneous decisions through', async () => {
    const racing = { ...key(), period: '2024-05' };
    await storeValues(t, [{ dataElementId: element.id, territoryId: talasDistrict, period: '2024-05' }]);
    expect((await post(officer, 'submit', racing)).statusCode).toBe(200);
    const responses = await Promise.all([
      post(analyst, 'approve', racing),
      post(admin, 'return', { ...racing, reason: 'Check the totals' }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = responses.find((r) => r.statusCode === 409);
    expect(loser?.json()).toMatchObject({ code: 'APPROVAL_STATE_INVALID' });
    const audit = (
      await admin.request('GET', '/api/v1/audit?entityType=data_approval&limit=200')
    ).json<AuditList>();
    const steps = audit.items.filter((i) => i.entityId === `${agencyId}/${talasDistrict}/2024-05`);
    expect(steps).toHaveLength(2);
  });

  it('reads and sets report deadlines; only catalogue managers set them', async () => {
    const list = (await officer.request('GET', '/api/v1/reporting-deadlines')).json<ReportingDeadlineList>();
    expect(list.defaultDaysAfterEnd).toBe(15);
    expect(list.items.find((d) => d.agencyId === agencyId && d.periodType === 'month')).toEqual({
      agencyId,
      periodType: 'month',
      daysAfterEnd: 15,
      isDefault: true,
    });
    const refused = await analyst.request('PUT', '/api/v1/reporting-deadlines', {
      agencyId,
      periodType: 'month',
      daysAfterEnd: 20,
    });
    expect(refused.statusCode).toBe(403);
    const saved = await admin.request('PUT', '/api/v1/reporting-deadlines', {
      agencyId,
      periodType: 'month',
      daysAfterEnd: 20,
    });
    expect(saved.json<ReportingDeadline>()).toEqual({
      agencyId,
      periodType: 'month',
      daysAfterEnd: 20,
      isDefault: false,
    });
    expect(
      (
        await admin.request('PUT', '/api/v1/reporting-deadlines', {
          agencyId,
          periodType: 'month',
          daysAfterEnd: 400,
        })
      ).statusCode,
    ).toBe(400);
    const one = await officer.request(
      'GET',
      `/api/v1/approvals/one?agencyId=${agencyId}&territoryId=${talasDistrict}&period=2024-02`,
    );
    expect(one.json<Approval>().deadline).toBe('2024-03-20');
    const audit = (
      await admin.request('GET', '/api/v1/audit?entityType=reporting_deadline')
    ).json<AuditList>();
    expect(audit.items[0]).toMatchObject({ action: 'reporting_deadline.set', after: { daysAfterEnd: 20 } });
  });
});
