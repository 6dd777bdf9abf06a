import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOwnPassword, newPage, signIn, useLanguage } from './support/browser';
import { useServerAndBrowser } from './support/suite';

/** Creates a user with a role through the API as the signed-in administrator; returns the generated password. */
async function createUser(page: Page, username: string, role: string): Promise<string> {
  return page.evaluate(
    async ({ username, role }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const response = await fetch('/api/v1/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ username, displayName: username, role }),
      });
      if (!response.ok) throw new Error(`POST /users failed: ${response.status}`);
      return ((await response.json()) as { generatedPassword: string }).generatedPassword;
    },
    { username, role },
  );
}

async function fillNames(page: Page, dialogName: string, en: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByLabel(/^Name — Кыргызча/).fill(`${en} (ky)`);
  await dialog.getByLabel(/^Name — Русский/).fill(`${en} (ru)`);
  await dialog.getByLabel(/^Name — English/).fill(en);
}

describe('indicator catalogue', () => {
  const suite = useServerAndBrowser();

  it('lets an administrator add a data element with bounds, an indicator checked as typed, and a new formula version', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');
    await page.getByRole('link', { name: 'Catalogue' }).click();
    await page.waitForURL(/\/catalogue$/);

    // The default catalogue is there.
    const drugCrimes = page.locator('tr[data-code="drug_crimes"]');
    await drugCrimes.waitFor();
    expect(await drugCrimes.textContent()).toContain('MIA');
    expect(await page.locator('tr[data-code="students_tested"]').count()).toBe(1);

    // A new data element.
    await page.getByRole('button', { name: 'Add data element' }).click();
    const elementDialog = page.getByRole('dialog', { name: 'New data element' });
    await elementDialog.waitFor();
    await elementDialog.getByLabel(/^Code/).fill('e2e_cases');
    await fillNames(page, 'New data element', 'E2E cases');
    await elementDialog.getByLabel(/^Agency/).click();
    await page.getByRole('option', { name: /^MOH —/ }).click();
    await elementDialog.getByLabel(/^Unit/).click();
    await page.getByRole('option', { name: 'cases (cases)' }).click();
    await elementDialog.getByRole('button', { name: 'Create' }).click();
    await elementDialog.waitFor({ state: 'detached' });
    const created = page.locator('tr[data-code="e2e_cases"]');
    await created.waitFor();
    expect(await created.textContent()).toContain('E2E cases');

    // Its min/max bounds: one for every territory, and a wider one for the capital.
    await page.getByRole('button', { name: 'Edit e2e_cases' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Data element e2e_cases' });
    await editDialog.waitFor();
    expect(await editDialog.getByLabel(/^Code/).isDisabled()).toBe(true);
    const bounds = editDialog.getByTestId('value-bounds');
    await bounds.getByText('No bounds set.').waitFor();
    await bounds.getByRole('textbox', { name: 'Minimum' }).fill('0');
    await bounds.getByRole('textbox', { name: 'Maximum' }).fill('500');
    await bounds.getByRole('button', { name: 'Save bound' }).click();
    await bounds.getByRole('row', { name: /All territories/ }).waitFor();
    await bounds.getByLabel('Territory', { exact: true }).click();
    await bounds.getByLabel('Territory', { exact: true }).fill('Bishkek');
    await page
      .getByRole('option', { name: /^Bishkek/ })
      .first()
      .click();
    await bounds.getByRole('textbox', { name: 'Maximum' }).fill('2000');
    await bounds.getByRole('button', { name: 'Save bound' }).click();
    const capital = bounds.getByRole('row', { name: /Bishkek/ });
    await capital.waitFor();
    expect(await capital.textContent()).toContain('2,000');
    expect(await bounds.getByRole('row', { name: /All territories/ }).textContent()).toContain('500');
    await editDialog.getByRole('button', { name: 'Cancel' }).click();
    await editDialog.waitFor({ state: 'detached' });

    // A code can be given only once: the server's refusal names the field.
    await page.getByRole('button', { name: 'Add data element' }).click();
    await elementDialog.waitFor();
    await elementDialog.getByLabel(/^Code/).fill('e2e_cases');
    await fillNames(page, 'New data element', 'Duplicate');
    await elementDialog.getByLabel(/^Agency/).click();
    await page.getByRole('option', { name: /^MOH —/ }).click();
    await elementDialog.getByLabel(/^Unit/).click();
    await page.getByRole('option', { name: 'cases (cases)' }).click();
    await elementDialog.getByRole('button', { name: 'Create' }).click();
    await elementDialog.getByRole('alert').waitFor();
    expect(await elementDialog.getByRole('alert').textContent()).toContain('already used');
    await elementDialog.getByRole('button', { name: 'Cancel' }).click();
    await elementDialog.waitFor({ state: 'detached' });

    // An indicator: an unknown code is named while typing, then a valid formula is accepted.
    await page.getByRole('tab', { name: 'Indicators' }).click();
    await page.locator('tr[data-code="drug_crime_rate"]').waitFor();
    await page.getByRole('button', { name: 'Add indicator' }).click();
    const indicatorDialog = page.getByRole('dialog', { name: 'New derived indicator' });
    await indicatorDialog.waitFor();
    await indicatorDialog.getByLabel(/^Code/).fill('e2e_rate');
    await fillNames(page, 'New derived indicator', 'E2E rate');
    await indicatorDialog.getByLabel(/^Unit/).click();
    await page.getByRole('option', { name: 'per 100,000 population (per_100k)' }).click();
    const formula = indicatorDialog.getByLabel(/^Formula/);
    await formula.fill('#{e2e_cases} / #{no_such_code} * 100000');
    const problems = indicatorDialog.getByTestId('formula-check-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Unknown code "no_such_code"');
    await formula.fill('#{e2e_cases}/#{population.total}*100000');
    await indicatorDialog.getByText('No problems found').waitFor();
    expect(await problems.count()).toBe(0);
    await indicatorDialog.getByRole('button', { name: 'Create' }).click();
    await indicatorDialog.waitFor({ state: 'detached' });
    const rate = page.locator('tr[data-code="e2e_rate"]');
    await rate.waitFor();
    expect(await rate.getByTestId('version-count').textContent()).toBe('1');
    expect(await rate.textContent()).toContain('#{e2e_cases} / #{population.total} * 100000');

    // A new version: a circle through the indicator itself is named, then a valid formula from 2020 on.
    await page.getByRole('button', { name: 'New version of e2e_rate' }).click();
    const versionDialog = page.getByRole('dialog', { name: 'New formula version for e2e_rate' });
    await versionDialog.waitFor();
    const versionFormula = versionDialog.getByLabel(/^Formula/);
    await versionFormula.fill('#{e2e_rate} + 1');
    const circle = versionDialog.getByTestId('version-formula-check-problems');
    await circle.waitFor();
    expect(await circle.textContent()).toContain('Circular reference: e2e_rate → e2e_rate');
    await versionFormula.fill('#{e2e_cases} / #{population.total} * 1000');
    await versionDialog.getByText('No problems found').waitFor();
    await versionDialog.getByLabel(/^Valid from/).fill('2020-01-01');
    await versionDialog.getByRole('button', { name: 'Add version' }).click();
    await versionDialog.waitFor({ state: 'detached' });
    await rate.getByTestId('version-count').getByText('2', { exact: true }).waitFor();

    // The timeline shows both versions with their validity.
    await rate.getByRole('button', { name: 'Show details' }).click();
    const timeline = page.getByTestId('version-timeline');
    await timeline.waitFor();
    const versions = timeline.locator('[data-version]');
    expect(await versions.count()).toBe(2);
    const first = (await versions.nth(0).textContent()) ?? '';
    const second = (await versions.nth(1).textContent()) ?? '';
    expect(first).toContain('Version 1');
    expect(first).toContain('#{e2e_cases} / #{population.total} * 100000');
    expect(first).toMatch(/From .*2015 to .*2019/);
    expect(second).toContain('Version 2');
    expect(second).toContain('current');
    expect(second).toContain('#{e2e_cases} / #{population.total} * 1000');

    // A validation rule, its left side picked from the list of codes rather than typed.
    await page.getByRole('tab', { name: 'Validation rules' }).click();
    await page.locator('tr[data-code="prosecuted_vs_drug_crimes"]').waitFor();
    await page.getByRole('button', { name: 'Add rule' }).click();
    const ruleDialog = page.getByRole('dialog', { name: 'New validation rule' });
    await ruleDialog.waitFor();
    await ruleDialog.getByLabel(/^Code/).fill('e2e_rule');
    await fillNames(page, 'New validation rule', 'E2E rule');
    await ruleDialog.getByLabel('Insert a reference…').first().click();
    await page.getByRole('option', { name: /^e2e_cases —/ }).click();
    expect(await ruleDialog.getByLabel(/^Left side/).inputValue()).toBe('#{e2e_cases}');
    await ruleDialog.getByLabel(/^Right side/).fill('3 * #{drug_crimes} + #{ghost}');
    await ruleDialog
      .getByTestId('right-side-check-problems')
      .getByText(/Unknown code "ghost"/)
      .waitFor();
    await ruleDialog.getByLabel(/^Right side/).fill('3 * #{drug_crimes}');
    await ruleDialog.getByTestId('right-side-check').getByText('No problems found').waitFor();
    await ruleDialog.getByRole('button', { name: 'Create' }).click();
    await ruleDialog.waitFor({ state: 'detached' });
    const rule = page.locator('tr[data-code="e2e_rule"]');
    await rule.waitFor();
    expect(await rule.textContent()).toContain('#{e2e_cases} <= 3 * #{drug_crimes}');

    // Disaggregations are listed read-only with their options.
    await page.getByRole('tab', { name: 'Disaggregations' }).click();
    const substance = page.locator('[data-category="substance"]');
    await substance.waitFor();
    expect(await substance.textContent()).toContain('substance');

    await context.close();
  });

  it('shows viewers and analysts the catalogue without any control to change it', async () => {
    const admin = await newPage(suite.browser, suite.server);
    await signIn(admin.page, suite.server.adminUsername, suite.server.adminPassword);
    const passwords = {
      viewer: await createUser(admin.page, 'e2e.viewer', 'viewer'),
      analyst: await createUser(admin.page, 'e2e.analyst', 'analyst'),
    };
    await admin.context.close();
    const own = 'Catalogue-viewer-2026!own';
    for (const [role, password] of Object.entries(passwords))
      await chooseOwnPassword(suite.browser, suite.server, `e2e.${role}`, password, own);

    for (const role of Object.keys(passwords)) {
      const { context, page } = await newPage(suite.browser, suite.server);
      await signIn(page, `e2e.${role}`, own);
      await useLanguage(page, 'en');
      await page.getByRole('link', { name: 'Catalogue' }).click();
      await page.locator('tr[data-code="drug_crimes"]').waitFor();
      expect(await page.getByRole('button', { name: 'Add data element' }).count(), role).toBe(0);
      expect(await page.getByRole('button', { name: /^Edit/ }).count(), role).toBe(0);
      // Description and bounds are there to read, without controls.
      await page.locator('tr[data-code="drug_crimes"]').getByRole('button', { name: 'Show details' }).click();
      const bounds = page.getByTestId('value-bounds');
      await bounds.getByRole('table', { name: 'Minimum and maximum' }).waitFor();
      expect(await bounds.getByRole('button').count(), role).toBe(0);
      await page.getByRole('tab', { name: 'Indicators' }).click();
      const rate = page.locator('tr[data-code="drug_crime_rate"]');
      await rate.waitFor();
      expect(await page.getByRole('button', { name: 'Add indicator' }).count(), role).toBe(0);
      expect(await page.getByRole('button', { name: /^(Edit|New version)/ }).count(), role).toBe(0);
      // The versions timeline is there to read.
      await rate.getByRole('button', { name: 'Show details' }).click();
      await page.getByTestId('version-timeline').waitFor();
      await page.getByRole('tab', { name: 'Validation rules' }).click();
      await page.locator('tr[data-code="prosecuted_vs_drug_crimes"]').waitFor();
      expect(await page.getByRole('button', { name: /^(Add rule|Edit)/ }).count(), role).toBe(0);
      await context.close();
    }
  });
});
