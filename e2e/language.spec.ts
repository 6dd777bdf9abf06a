import { describe, expect, it } from 'vitest';
import { fetchSession, newPage, signIn, useLanguage } from './support/browser';
import { useServerAndBrowser } from './support/suite';

describe('language', () => {
  const suite = useServerAndBrowser();

  it('switches to Kyrgyz, keeps it after a reload and stores it on the server', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');
    expect(await page.locator('nav a[href="/territories"]').textContent()).toContain('Territories');

    await page.getByTestId('language-switcher').click();
    await page.getByRole('menuitem', { name: 'Кыргызча' }).click();
    await page.locator('html[lang="ky"]').waitFor({ state: 'attached' });
    await page.locator('nav a[href="/territories"]', { hasText: 'Аймактар' }).waitFor();

    expect((await fetchSession(page))?.user.locale).toBe('ky');

    // The choice comes from the server, not from this browser's storage.
    await page.evaluate('window.localStorage.clear()');
    await page.reload();
    await page.locator('nav a[href="/territories"]', { hasText: 'Аймактар' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ky');
    expect(await page.getByTestId('language-switcher').textContent()).toContain('Кыргызча');
    await context.close();

    // A new browser (no local storage) gets Kyrgyz after signing in, too.
    const second = await newPage(suite.browser, suite.server);
    await second.page.goto('/sign-in');
    expect(await second.page.locator('html').getAttribute('lang')).toBe('en');
    await signIn(second.page, suite.server.adminUsername, suite.server.adminPassword);
    await second.page.locator('nav a[href="/territories"]', { hasText: 'Аймактар' }).waitFor();
    await second.context.close();
  });

  it('switches the sign-in page language before sign-in and remembers it in the browser', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await page.goto('/sign-in');
    await page.getByTestId('language-switcher').click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await context.close();
  });
});
