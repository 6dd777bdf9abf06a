import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalBulkResult, ApprovalList } from '#shared/contracts/approval.contract';
import type { AuditList } from '#shared/contracts/audit.contract';
import type { DataElement } from '#shared/contracts/catalogue.contract';
import { signedInUser } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';
import { buildAgency, buildElement, storeValues } from './approval.test-support';

describe('approving or returning several reports at once', () => {
  let t: TestApp;
  let analyst: Session;
  let officer: Session;
  let agencyId: string;
  let element: DataElement;
  let districts: string[];
  const period = '2024-02';

  const keyOf = (territoryId: string, p = period) => ({ agencyId, territoryId, period: p });
  const bulk = (who: Session, body: object) => who.request('POST', '/api/v1/approvals/bulk', body);
  const submit = async (territoryId: string, p = period) => {
    const response = await officer.request('POST', '/api/v1/approvals/submit', keyOf(territoryId, p));
    expect(response.statusCode).toBe(200);
  };
  const statusOf = async (territoryId: string, p = period) =>
    (
      await analyst.request(
        'GET',
        `/api/v1/approvals/one?agencyId=${agencyId}&territoryId=${territoryId}&period=${p}`,
      )
    ).json<{ status: string }>().status;

  beforeAll(async () => {
    t = await createTestApp();
    analyst = await t.loginAs('analyst');
    agencyId = await buildAgency(t);
    element = await buildElement(t, agencyId);
    const { items } = await t.container.services.territories.list();
    districts = items
      .filter((x) => x.level === 'district')
      .slice(0, 6)
      .map((x) => x.id);
    await storeValues(
      t,
      districts.flatMap((territoryId) =>
        [period, '2024-03'].map((p) => ({ dataElementId: element.id, territoryId, period: p })),
      ),
    );
    officer = (await signedInUser(t, { role: 'agency_officer', agencyId })).session;
  });

  afterAll(async () => {
    await t.close();
  });

  it('approves every submitted item, refuses the others one by one, and says which', async () => {
    const [a, b, c, draft] = districts as [string, string, string, string];
    for (const id of [a, b, c]) await submit(id);
    const response = await bulk(analyst, {
      action: 'approve',
      items: [keyOf(a), keyOf(draft), keyOf(b), keyOf(c)],
    });
    expect(response.statusCode).toBe(200);
    const result = response.json<ApprovalBulkResult>();
    expect(result).toMatchObject({ succeeded: 3, failed: 1 });
    // One result per item, in the order asked.
    expect(result.results.map((r) => [r.territoryId, r.ok])).toEqual([
      [a, true],
      [draft, false],
      [b, true],
      [c, true],
    ]);
    expect(result.results[0]?.approval).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });
    expect(result.results[1]).toMatchObject({
      approval: null,
      error: { code: 'APPROVAL_STATE_INVALID', localised: { key: expect.any(String) } },
    });
    expect(await statusOf(a)).toBe('approved');
    expect(await statusOf(draft)).toBe('draft');
  });

  it('audits each decision and the request as a whole', async () => {
    const admin = await t.login(t.admin.username, t.admin.password);
    const approvals = (
      await admin.request('GET', '/api/v1/audit?action=approval.approve&limit=100')
    ).json<AuditList>();
    expect(approvals.items.filter((e) => e.entityId?.startsWith(agencyId))).toHaveLength(3);
    const whole = (await admin.request('GET', '/api/v1/audit?action=approval.bulk')).json<AuditList>();
    expect(whole.total).toBe(1);
    expect(whole.items[0]?.after).toMatchObject({ action: 'approve', succeeded: 3, failed: 1 });
  });

  it('returns several with one reason, and refuses a return without one before touching anything', async () => {
    const [, , , , e, f] = districts as [string, string, string, string, string, string];
    for (const id of [e, f]) await submit(id, '2024-03');
    const blank = await bulk(analyst, {
      action: 'return',
      reason: '  ',
      items: [keyOf(e, '2024-03'), keyOf(f, '2024-03')],
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'reason' } });
    expect(await statusOf(e, '2024-03')).toBe('submitted');

    const response = await bulk(analyst, {
      action: 'return',
      reason: 'Check the February totals',
      items: [keyOf(e, '2024-03'), keyOf(f, '2024-03')],
    });
    expect(response.json<ApprovalBulkResult>()).toMatchObject({ succeeded: 2, failed: 0 });
    expect(await statusOf(f, '2024-03')).toBe('returned');
  });

  it('is refused to an officer, and to an empty or unknown action', async () => {
    const [a] = districts as [string];
    expect((await bulk(officer, { action: 'approve', items: [keyOf(a)] })).statusCode).toBe(403);
    expect((await bulk(analyst, { action: 'approve', items: [] })).statusCode).toBe(400);
    expect((await bulk(analyst, { action: 'unlock', items: [keyOf(a)] })).statusCode).toBe(400);
  });

  it('sorts the queue by period or submission, either way', async () => {
    const list = async (query: string) =>
      (await analyst.request('GET', `/api/v1/approvals?agencyId=${agencyId}&${query}`)).json<ApprovalList>();
    const byPeriod = await list('sort=period&order=asc');
    const periods = byPeriod.items.map((i) => i.period);
    expect(periods).toEqual([...periods].sort());
    expect(periods[0]).toBe('2024-02');
    expect((await list('sort=period&order=desc')).items[0]?.period).toBe('2024-03');
    const bySubmission = (await list('sort=submittedAt&order=asc')).items.map((i) => i.submittedAt!);
    expect(bySubmission).toEqual([...bySubmission].sort());
    const newestFirst = (await list('sort=submittedAt&order=desc')).items.map((i) => i.submittedAt!);
    expect(newestFirst).toEqual([...newestFirst].sort().reverse());
    expect(newestFirst).toHaveLength(bySubmission.length);
  });
});
