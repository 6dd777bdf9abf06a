import { describe, expect, it } from 'vitest';
import { systemActor } from '#server/lib/actor';
import { newPage, signIn, useLanguage } from './support/browser';
import { useServerAndBrowser } from './support/suite';

describe('demo data banner', () => {
  const suite = useServerAndBrowser();

  it('is absent on an empty store and warns on every page once synthetic values exist', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');
    // The banner depends on the status answer: wait for it before asserting the banner is absent.
    const status = page.waitForResponse((r) => r.url().endsWith('/api/v1/data-values/status'));
    await page.goto('/territories');
    expect((await status).status()).toBe(200);
    await page.getByTestId('territory-tree').waitFor();
    expect(await page.getByTestId('demo-data-banner').count()).toBe(0);

    // One territory and one year keep this fast; the banner only needs some synthetic values.
    await suite.server.container.services.demo.seed(systemActor('e2e'), {
      territoryLimit: 1,
      yearsFrom: 2025,
    });
    await page.reload();
    const banner = page.getByTestId('demo-data-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Demonstration data');
    expect(await banner.textContent()).toContain('synthetic demonstration values');

    await page.goto('/catalogue');
    await banner.waitFor();
    await useLanguage(page, 'ru');
    await page.getByText('Демонстрационные данные').waitFor();
    await context.close();
  });
});
