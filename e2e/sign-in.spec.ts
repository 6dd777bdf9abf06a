import { describe, expect, it } from 'vitest';
import { systemActor } from '#server/lib/actor';
import { newPage, signIn, submitSignIn, useLanguage } from './support/browser';
import { useServerAndBrowser } from './support/suite';

describe('sign-in', () => {
  const suite = useServerAndBrowser();

  it('sends a visitor without a session to the sign-in page', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await page.goto('/users');
    await page.waitForURL(/\/sign-in$/);
    await page.locator('input[name="username"]').waitFor({ state: 'visible' });
    await context.close();
  });

  it('shows the error inline for a wrong password and stays on the sign-in page', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await submitSignIn(page, suite.server.adminUsername, 'definitely-not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.textContent()).toMatch(/username or password is wrong|неверн|туура эмес/i);
    expect(page.url()).toMatch(/\/sign-in$/);
    expect(await page.locator('input[name="password"]').inputValue()).toBe('');
    await context.close();
  });

  it('keeps a user whose password an administrator set on the password change until it is done', async () => {
    const password = 'Set-by-admin-7261';
    await suite.server.container.services.users.create(systemActor('e2e'), {
      username: 'b.temirov',
      displayName: 'Bakyt Temirov',
      role: 'analyst',
      password,
    });
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, 'b.temirov', password);
    await page.waitForURL(/\/profile#password$/);
    await useLanguage(page, 'en');
    // Any other page leads back here: the server would refuse its data anyway.
    await page.goto('/territories');
    await page.waitForURL(/\/profile#password$/);
    const form = page.getByRole('form', { name: 'Change password' });
    await form.getByLabel(/^Current password/).fill(password);
    await form.getByLabel(/^New password/).fill('Chosen-by-me-4815');
    await form.getByLabel(/^Repeat the new password/).fill('Chosen-by-me-4815');
    await form.getByRole('button', { name: 'Change password' }).click();
    await page
      .getByText(/password has been changed/i)
      .first()
      .waitFor();
    await page.goto('/territories');
    await page.getByTestId('territory-detail').waitFor();
    await context.close();
  });

  it('signs in with the right password, lands on the territories, and signs out', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await page.waitForURL(/\/territories\/[0-9a-f-]{36}$/);
    await page.getByTestId('territory-detail').waitFor();
    // The administrator's navigation includes the admin pages.
    expect(await page.locator('nav a[href="/users"]').count()).toBe(1);
    expect(await page.locator('nav a[href="/audit"]').count()).toBe(1);

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem').last().click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto('/territories');
    await page.waitForURL(/\/sign-in$/);
    await context.close();
  });
});
