import { describe, expect, it } from 'vitest';
import { newPage, signIn, submitSignIn, useLanguage } from './support/browser';
import { useServerAndBrowser } from './support/suite';

describe('user administration', () => {
  const suite = useServerAndBrowser();

  it('adds an agency officer, shows the generated password once, disables the user, who then cannot sign in', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');
    await page.goto('/users');

    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Username/).fill('a.osmonova');
    await dialog.getByLabel(/^Full name/).fill('Aida Osmonova');
    await dialog.getByLabel(/^E-mail/).fill('a.osmonova@example.kg');

    // Without an agency, an agency officer cannot be created.
    await dialog.getByLabel(/^Role/).click();
    await page.getByRole('option', { name: 'Agency data officer' }).click();
    const create = dialog.getByRole('button', { name: 'Create' });
    expect(await create.isDisabled()).toBe(true);

    await dialog.getByLabel(/^Agency/).click();
    await page.getByRole('option', { name: /^MIA —/ }).click();
    expect(await create.isDisabled()).toBe(false);
    await create.click();

    const generated = page.getByTestId('generated-password');
    await generated.waitFor();
    const password = (await generated.getByTestId('copy-field-value').textContent())?.trim() ?? '';
    expect(password.length).toBeGreaterThanOrEqual(8);
    await generated.getByRole('button', { name: 'Done' }).click();
    await generated.waitFor({ state: 'detached' });

    const row = page.locator('tr[data-username="a.osmonova"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Agency data officer');
    expect(await row.textContent()).toContain('MIA');

    // The generated password works (in another browser) before the account is disabled.
    const officer = await newPage(suite.browser, suite.server);
    await signIn(officer.page, 'a.osmonova', password);
    await officer.context.close();

    await row.getByRole('button', { name: 'Actions for a.osmonova' }).click();
    await page.getByRole('menuitem', { name: 'Disable' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disable' });
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await row.getByText('Disabled', { exact: true }).waitFor();

    // The disabled user cannot sign in.
    const blocked = await newPage(suite.browser, suite.server);
    await submitSignIn(blocked.page, 'a.osmonova', password);
    const alert = blocked.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/disabled/i);
    expect(blocked.page.url()).toMatch(/\/sign-in$/);
    await blocked.context.close();
    await context.close();
  });
});
