import { describe, expect, it } from 'vitest';
import { newPage, signIn, useLanguage } from './support/browser';
import { useServerAndBrowser } from './support/suite';

describe('territory browsing', () => {
  const suite = useServerAndBrowser();

  it('opens Osh Region in the tree and shows its districts, SOATE code and population', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');

    const tree = page.getByTestId('territory-tree');
    await tree.getByText('Osh Region', { exact: true }).click();
    await page.getByRole('heading', { name: 'Osh Region', level: 2 }).waitFor();

    expect(await page.getByTestId('territory-soate').textContent()).toBe('41706000000000');
    const children = page.getByTestId('territory-children');
    for (const district of [
      'Alay District',
      'Aravan District',
      'Kara-Suu District',
      'Nookat District',
      'Uzgen District',
    ]) {
      expect(await children.getByText(district, { exact: true }).count()).toBe(1);
    }
    expect(await children.locator('tr').count()).toBe(7);
    // The tree has opened the oblast too.
    await tree.getByText('Chong-Alay District', { exact: true }).waitFor();
    // Osh city is a city of republican significance, not part of the oblast.
    expect(await children.getByText('Osh', { exact: true }).count()).toBe(0);

    // Population: every year 2015–2025 has a row; years without figures are shown as missing, never 0.
    const population = page.getByTestId('population-table');
    expect(await population.locator('tbody tr').count()).toBeGreaterThanOrEqual(11);
    const missingYears = await population.locator('tbody tr[data-missing="true"]').count();
    expect(missingYears).toBeGreaterThan(0);
    const missingRow = population.locator('tbody tr[data-missing="true"]').first();
    expect(await missingRow.locator('[data-missing="true"]').count()).toBeGreaterThan(0);
    expect(await missingRow.textContent()).not.toMatch(/\b0\b/);

    // Follow a child link and come back up through the breadcrumb.
    await children.getByText('Uzgen District', { exact: true }).click();
    await page.getByRole('heading', { name: 'Uzgen District', level: 2 }).waitFor();
    await page.getByRole('navigation', { name: 'Parent territories' }).getByText('Osh Region').click();
    await page.getByRole('heading', { name: 'Osh Region', level: 2 }).waitFor();
    await context.close();
  });

  it('filters the tree by name in any language, by spelling variant and by code', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');
    const tree = page.getByTestId('territory-tree');
    const filter = page.getByLabel('Find a territory');

    await filter.fill('Өзгөн');
    await tree.getByText('Uzgen District', { exact: true }).waitFor();
    expect(await tree.getByText('Talas Region', { exact: true }).count()).toBe(0);

    // A spelling variant that appears in none of the three official names.
    await filter.fill('Dzhalal');
    await tree.getByText('Jalal-Abad Region', { exact: true }).waitFor();
    expect(await tree.getByText('Talas Region', { exact: true }).count()).toBe(0);

    // Diacritics are folded: "Chuy" finds "Chüy Region".
    await filter.fill('chuy');
    await tree.getByText('Chüy Region', { exact: true }).waitFor();

    await filter.fill('41707');
    await tree.getByText('Talas Region', { exact: true }).waitFor();
    expect(await tree.getByText('Uzgen District', { exact: true }).count()).toBe(0);
    await context.close();
  });
});
