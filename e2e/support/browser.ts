import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { E2eServer } from './server';

/** Debian's chromium, headless; playwright-core never downloads a browser here. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.KUZOT_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (no cookies, no local storage) in English, against the test server. */
export async function newPage(
  browser: Browser,
  server: E2eServer,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'en-US',
    viewport: { width: 1366, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[browser] ${error.message}\n`));
  return { context, page };
}

/** Fills the sign-in form and submits it; does not wait for the outcome. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}

/**
 * Signs in as a user whose password an administrator set and replaces it with `own`, as the API demands
 * before anything else (PASSWORD_CHANGE_REQUIRED), in a context of its own.
 */
export async function chooseOwnPassword(
  browser: Browser,
  server: E2eServer,
  username: string,
  temporary: string,
  own: string,
): Promise<void> {
  const { context, page } = await newPage(browser, server);
  await page.goto('/sign-in');
  await page.evaluate(
    async ({ username, temporary, own }) => {
      const login = await fetch('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: temporary }),
      });
      if (!login.ok) throw new Error(`sign-in of ${username} failed: ${login.status}`);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const change = await fetch('/api/v1/me/password', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ currentPassword: temporary, newPassword: own }),
      });
      if (!change.ok) throw new Error(`password change of ${username} failed: ${change.status}`);
    },
    { username, temporary, own },
  );
  await context.close();
}

/** Signs in and waits until the app shell is shown. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await submitSignIn(page, username, password);
  await page.getByTestId('user-menu').waitFor({ state: 'visible' });
}

/**
 * Stores the signed-in user's interface language through the API (as the switcher does) and reloads,
 * so a test can assert on texts of one known language whatever the account's stored preference.
 */
export async function useLanguage(page: Page, locale: 'ky' | 'ru' | 'en'): Promise<void> {
  await page.evaluate(async (next) => {
    const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
    const response = await fetch('/api/v1/me/preferences', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ locale: next }),
    });
    if (!response.ok) throw new Error(`PATCH /me/preferences failed: ${response.status}`);
  }, locale);
  await page.reload();
  await page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
  await page.getByTestId('user-menu').waitFor({ state: 'visible' });
}

/** The session as the server sees it (used to check what the server stored). */
export function fetchSession(page: Page): Promise<{ user: { locale: string; username: string } } | null> {
  return page.evaluate(async () => {
    const response = await fetch('/api/v1/auth/session');
    return response.ok ? ((await response.json()) as { user: { locale: string; username: string } }) : null;
  });
}
