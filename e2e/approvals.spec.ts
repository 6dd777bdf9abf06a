import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOwnPassword, newPage, signIn, useLanguage } from './support/browser';
import { useServerAndBrowser } from './support/suite';

/** Calls the API from the page as its signed-in user (with the CSRF token); throws on an error status. */
async function callApi<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${url} failed: ${response.status} ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
    { method, url, body },
  );
}

type Named = { id: string; code: string };

/** The password the test users choose at their first sign-in (the administrator set a temporary one). */
const ownPassword = 'Approval-flow-2026!own';

// Each test walks several pages as two or three users: on a loaded 2-core machine that takes over a minute.
describe('approval workflow', () => {
  const suite = useServerAndBrowser();

  it('an officer submits, an analyst approves (figures locked), then unlocks with a reason', async () => {
    const admin = await newPage(suite.browser, suite.server);
    await signIn(admin.page, suite.server.adminUsername, suite.server.adminPassword);
    const { items: agencies } = await callApi<{ items: Named[] }>(admin.page, 'GET', '/api/v1/agencies');
    const mia = agencies.find((a) => a.code === 'MIA');
    if (!mia) throw new Error('no MIA agency');
    const { dataElements, categoryCombos } = await callApi<{
      dataElements: Array<Named & { agencyId: string; periodType: string; categoryComboId: string }>;
      categoryCombos: Named[];
    }>(admin.page, 'GET', '/api/v1/catalogue');
    const defaultCombo = categoryCombos.find((c) => c.code === 'default')?.id;
    const element = dataElements.find(
      (e) => e.agencyId === mia.id && e.periodType === 'month' && e.categoryComboId === defaultCombo,
    );
    if (!element) throw new Error('no undisaggregated monthly MIA element');
    const { items: territories } = await callApi<{
      items: Array<Named & { level: string; name: { en: string } }>;
    }>(admin.page, 'GET', '/api/v1/territories');
    const district = territories.find((x) => x.level === 'district');
    if (!district) throw new Error('no district');
    const password = 'Approval-flow-2026!';
    for (const [username, role, agencyId] of [
      ['e2e.officer', 'agency_officer', mia.id],
      ['e2e.analyst', 'analyst', undefined],
    ] as const) {
      await callApi(admin.page, 'POST', '/api/v1/users', {
        username,
        displayName: username,
        role,
        password,
        ...(agencyId ? { agencyId } : {}),
      });
    }
    await admin.context.close();
    for (const username of ['e2e.officer', 'e2e.analyst'])
      await chooseOwnPassword(suite.browser, suite.server, username, password, ownPassword);

    // The officer enters a figure and submits it for approval.
    const officer = await newPage(suite.browser, suite.server);
    await signIn(officer.page, 'e2e.officer', ownPassword);
    // A data officer lands on their entry form.
    await officer.page.waitForURL(/\/entry(\?|$)/);
    await useLanguage(officer.page, 'en');
    const period = '2024-03';
    await callApi(officer.page, 'PUT', '/api/v1/data-values', {
      dataElementId: element.id,
      territoryId: district.id,
      period,
      value: 12,
    });
    const formUrl = `/entry?agencyId=${mia.id}&territoryId=${district.id}&period=${period}`;
    await officer.page.goto(formUrl);
    const actions = officer.page.getByTestId('approval-actions');
    await actions.getByTestId('approval-status').getByText('Draft').waitFor();
    await actions.getByTestId('approval-submit').click();
    await officer.page
      .getByRole('dialog', { name: 'Submit these figures?' })
      .getByRole('button', { name: 'Submit for approval' })
      .click();
    await actions.getByTestId('approval-status').getByText('Submitted').waitFor();
    // An officer has no approve button, even on submitted figures.
    expect(await actions.getByTestId('approval-approve').count()).toBe(0);

    // The analyst finds it in the queue and approves it.
    const analyst = await newPage(suite.browser, suite.server);
    await signIn(analyst.page, 'e2e.analyst', ownPassword);
    await useLanguage(analyst.page, 'en');
    await analyst.page.getByRole('link', { name: 'Approvals' }).click();
    await analyst.page.waitForURL(/\/approvals$/);
    const row = analyst.page.locator(`tr[data-period="${period}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(district.name.en);
    expect(await row.textContent()).toContain('e2e.officer');
    await row.getByTestId('approval-approve').click();
    const confirm = analyst.page.getByRole('dialog', { name: 'Approve these figures?' });
    await confirm.getByRole('button', { name: 'Approve' }).click();
    await analyst.page.getByText('Approved and locked').waitFor();
    // The queue shows submitted figures by default: the approved row leaves it.
    await row.waitFor({ state: 'detached' });

    // The officer's form shows the figures approved and locked.
    await officer.page.reload();
    await actions.getByTestId('approval-status').getByText('Approved').waitFor();
    await officer.page.getByTestId('entry-locked').waitFor();

    // Approved figures are locked: the officer's write is refused.
    const refused = await officer.page.evaluate(
      async ({ dataElementId, territoryId, period }) => {
        const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
        const response = await fetch('/api/v1/data-values', {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ dataElementId, territoryId, period, value: 13 }),
        });
        return ((await response.json()) as { code: string }).code;
      },
      { dataElementId: element.id, territoryId: district.id, period },
    );
    expect(refused).toBe('DATA_LOCKED');

    // The analyst unlocks it: a reason is required, and the officer gets the figures back with it.
    await analyst.page.getByTestId('approvals-status-filter').click();
    await analyst.page.getByRole('option', { name: 'Approved' }).click();
    const approvedRow = analyst.page.locator(`tr[data-period="${period}"][data-status="approved"]`);
    await approvedRow.waitFor();
    await approvedRow.getByTestId('approval-unlock').click();
    const dialog = analyst.page.getByRole('dialog', { name: 'Unlock approved figures' });
    await dialog.getByTestId('approval-reason-confirm').click();
    await dialog.getByText('A reason is required').waitFor();
    await dialog.getByTestId('approval-reason').fill('The court corrected the count');
    await dialog.getByTestId('approval-reason-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await approvedRow.waitFor({ state: 'detached' });

    await analyst.page.getByTestId('approvals-status-filter').click();
    await analyst.page.getByRole('option', { name: 'Returned' }).click();
    const returnedRow = analyst.page.locator(`tr[data-period="${period}"][data-status="returned"]`);
    await returnedRow.waitFor();
    expect(await returnedRow.textContent()).toContain('unlocked: The court corrected the count');

    // The officer's form is open again, shows the reason, and the figures can be submitted again.
    await officer.page.goto(formUrl);
    await actions.getByTestId('approval-status').getByText('Returned').waitFor();
    expect(await actions.getByTestId('approval-reason-shown').textContent()).toContain(
      'unlocked: The court corrected the count',
    );
    expect(await officer.page.getByTestId('entry-locked').count()).toBe(0);
    await actions.getByTestId('approval-submit').click();
    await officer.page
      .getByRole('dialog', { name: 'Submit these figures?' })
      .getByRole('button', { name: 'Submit for approval' })
      .click();
    await actions.getByTestId('approval-status').getByText('Submitted').waitFor();

    await officer.context.close();
    await analyst.context.close();
  }, 180_000);

  it('an analyst reviews a report with its checks and approves several with one confirmation', async () => {
    const officer = await newPage(suite.browser, suite.server);
    await signIn(officer.page, 'e2e.officer', ownPassword);
    const { items: agencies } = await callApi<{ items: Named[] }>(officer.page, 'GET', '/api/v1/agencies');
    const mia = agencies.find((a) => a.code === 'MIA')!;
    const { dataElements, categoryCombos } = await callApi<{
      dataElements: Array<Named & { agencyId: string; periodType: string; categoryComboId: string }>;
      categoryCombos: Named[];
    }>(officer.page, 'GET', '/api/v1/catalogue');
    const defaultCombo = categoryCombos.find((c) => c.code === 'default')?.id;
    const element = dataElements.find(
      (e) => e.agencyId === mia.id && e.periodType === 'month' && e.categoryComboId === defaultCombo,
    )!;
    const { items: territories } = await callApi<{ items: Array<Named & { level: string }> }>(
      officer.page,
      'GET',
      '/api/v1/territories',
    );
    const districts = territories.filter((x) => x.level === 'district').slice(0, 3);
    const period = '2024-05';
    for (const [index, district] of districts.entries()) {
      await callApi(officer.page, 'PUT', '/api/v1/data-values', {
        dataElementId: element.id,
        territoryId: district.id,
        period,
        value: 20 + index,
      });
      await callApi(officer.page, 'POST', '/api/v1/approvals/submit', {
        agencyId: mia.id,
        territoryId: district.id,
        period,
      });
    }
    await officer.context.close();

    const analyst = await newPage(suite.browser, suite.server);
    await signIn(analyst.page, 'e2e.analyst', ownPassword);
    await useLanguage(analyst.page, 'en');
    await analyst.page.goto('/approvals');
    await analyst.page.getByLabel('Period', { exact: true }).fill(period);
    const rows = analyst.page.locator(`tr[data-period="${period}"][data-status="submitted"]`);
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);

    // On a 1,440 px screen the wide queue scrolls, but its pinned actions stay in view.
    await analyst.page.setViewportSize({ width: 1440, height: 900 });
    const approveButton = rows.first().getByTestId('approval-approve');
    const box = await approveButton.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
    expect(await approveButton.isVisible()).toBe(true);

    // Open one report: its value is shown with the checks column beside it.
    await rows.first().getByRole('button', { name: 'Show details' }).click();
    const review = analyst.page.getByTestId('submission-review');
    await review.waitFor();
    expect(await review.textContent()).toMatch(/Values reported: 1/);
    expect(await review.getByRole('columnheader', { name: 'Checks' }).count()).toBe(1);

    // Select two of them and approve both with one confirmation.
    await rows.nth(0).getByTestId('select-report').check();
    await rows.nth(1).getByTestId('select-report').check();
    expect(await analyst.page.getByTestId('bulk-count').textContent()).toBe('2 reports selected');
    await analyst.page.getByTestId('bulk-approve').click();
    const confirm = analyst.page.getByRole('dialog', { name: 'Approve 2 reports?' });
    await confirm.getByRole('button', { name: 'Approve 2 reports' }).click();
    await analyst.page.getByText('Approved 2 reports; not changed: 0').waitFor();
    // Two leave the queue of submitted reports; one stays.
    await rows.nth(1).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);

    // The third is returned with a reason, through the same bar.
    await analyst.page.getByTestId('select-all').check();
    await analyst.page.getByTestId('bulk-return').click();
    const dialog = analyst.page.getByRole('dialog', { name: 'Return 1 report for correction' });
    await dialog.getByTestId('approval-reason').fill('Please check the May figure');
    await dialog.getByTestId('approval-reason-confirm').click();
    await analyst.page.getByText('Returned 1 report; not changed: 0').waitFor();
    await rows.first().waitFor({ state: 'detached' });
    await analyst.context.close();
  }, 180_000);

  it('shows completeness and timeliness as a chart and a table', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');
    await page.getByRole('link', { name: 'Completeness' }).click();
    await page.waitForURL(/\/completeness$/);
    await page.getByTestId('completeness-from').fill('2024-01');
    await page.getByTestId('completeness-to').fill('2024-06');
    await page.getByTestId('completeness-group').getByText('Period', { exact: true }).click();
    const marchRow = page.locator('tr[data-row="March 2024"]');
    await marchRow.waitFor();
    // The value entered and submitted in the first test counts for March.
    expect(await marchRow.textContent()).toMatch(/\d/);
    await page.getByTestId('completeness-chart').locator('canvas').waitFor();
    const total = page.locator('tr[data-row="total"]');
    await total.waitFor();
    expect(await total.textContent()).toContain('Total');

    // One by one: the district's March report of the first test is submitted, 1 value of those expected.
    const { items } = await callApi<{
      items: Array<Named & { level: string; parentId: string | null; name: { en: string } }>;
    }>(page, 'GET', '/api/v1/territories');
    const district = items.find((x) => x.level === 'district');
    const oblast = items.find((x) => x.id === district?.parentId);
    if (!district || !oblast) throw new Error('no district');
    await page.getByTestId('completeness-from').fill('2024-03');
    await page.getByTestId('completeness-to').fill('2024-03');
    await page.getByTestId('completeness-territory').fill(oblast.name.en);
    await page.getByRole('option', { name: oblast.name.en, exact: true }).click();
    await page.getByRole('button', { name: 'Reports one by one' }).click();
    const report = page.locator('tr[data-period="2024-03"][data-status="submitted"]');
    await report.waitFor();
    expect(await report.textContent()).toContain(district.name.en);
    expect(await report.textContent()).toMatch(/1 \/ \d+/);
    await context.close();
  });
});
