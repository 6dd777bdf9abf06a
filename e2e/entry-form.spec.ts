import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, signIn, useLanguage } from './support/browser';
import { useServerAndBrowser } from './support/suite';

type Ids = { agencyId: string; territoryId: string; drugCrimesId: string };

/** Looks up ids through the API as the signed-in page, and sets a maximum of 10 on drug crimes. */
function prepare(page: Page): Promise<Ids> {
  return page.evaluate(async () => {
    const get = async <T>(url: string) => (await (await fetch(url)).json()) as T;
    const session = await get<{ csrfToken: string }>('/api/v1/auth/session');
    const agencies = await get<{ items: Array<{ id: string; code: string }> }>('/api/v1/agencies');
    const territories = await get<{ items: Array<{ id: string; level: string }> }>('/api/v1/territories');
    const catalogue = await get<{ dataElements: Array<{ id: string; code: string }> }>('/api/v1/catalogue');
    const drugCrimesId = catalogue.dataElements.find((e) => e.code === 'drug_crimes')?.id ?? '';
    const response = await fetch('/api/v1/value-bounds', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ dataElementId: drugCrimesId, territoryId: null, minValue: null, maxValue: 10 }),
    });
    if (!response.ok) throw new Error(`bound: ${response.status}`);
    return {
      agencyId: agencies.items.find((a) => a.code === 'MIA')?.id ?? '',
      territoryId: territories.items.find((t) => t.level === 'district')?.id ?? '',
      drugCrimesId,
    };
  });
}

describe('entry form', () => {
  const suite = useServerAndBrowser();

  it('enters values from the keyboard, saves them, shows a bound check and the history', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');
    const ids = await prepare(page);
    const url = `/entry?agencyId=${ids.agencyId}&territoryId=${ids.territoryId}&period=2024-03`;
    await page.goto(url);

    const cell = (code: string, disaggregation: string) => page.getByTestId(`cell-${code}-${disaggregation}`);
    const savedState = async (code: string, disaggregation: string) =>
      page.waitForSelector(`[data-testid="cell-${code}-${disaggregation}"][data-state="saved"]`);

    await cell('crimes_under_intoxication', 'total').click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter'); // down into the next table: drug crimes, cannabis
    await page.keyboard.type('5');
    await page.keyboard.press('Tab'); // right: heroin
    await page.keyboard.type('12');
    await page.keyboard.press('ArrowDown'); // persons prosecuted, male 18–29 (same column)
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');

    await savedState('crimes_under_intoxication', 'total');
    await savedState('drug_crimes', 'cannabis');
    await savedState('drug_crimes', 'heroin');
    await savedState('drug_offence_prosecuted', 'male.age_18_29');

    // The value above the bound is marked inline and listed with its reason.
    const checks = page.getByTestId('entry-checks');
    await checks.getByText('12 is above the maximum 10').waitFor();
    expect(await cell('drug_crimes', 'heroin').getAttribute('data-tone')).toBe('error');
    expect(await cell('drug_crimes', 'cannabis').getAttribute('data-tone')).toBeNull();

    await page.reload();
    await cell('drug_crimes', 'heroin').waitFor();
    expect(await cell('crimes_under_intoxication', 'total').inputValue()).toBe('3');
    expect(await cell('drug_crimes', 'cannabis').inputValue()).toBe('5');
    expect(await cell('drug_crimes', 'heroin').inputValue()).toBe('12');
    expect(await cell('drug_offence_prosecuted', 'male.age_18_29').inputValue()).toBe('4');
    expect(await cell('drug_crimes', 'opium').inputValue()).toBe('');

    // Correct the value; the history shows both changes, newest first, with who made them.
    await cell('drug_crimes', 'heroin').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    await savedState('drug_crimes', 'heroin');
    await checks.waitFor({ state: 'detached' });
    await cell('drug_crimes', 'heroin').click();
    const history = page.getByTestId('value-history');
    await history.getByText('12 → 9').waitFor();
    const rows = history.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain(suite.server.adminUsername);
    expect(await rows.nth(1).textContent()).toContain('— → 12');

    // A comment and a flag go with the value and into its history.
    const panel = page.getByTestId('cell-panel');
    await panel.getByLabel('Comment').fill('Confirmed by phone');
    await panel.getByLabel('Flag', { exact: true }).click();
    await page.getByRole('option', { name: 'Estimated' }).click();
    await panel.getByRole('button', { name: 'Save comment and flag' }).click();
    await history.getByText('Confirmed by phone').waitFor();
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toContain('Estimated');
    await context.close();
  });

  it("explains an outlier in the officer's language: Kyrgyz, Russian and English", async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    // Two years of ordinary monthly crime counts around 60, then 250 in March 2025.
    const ids = await page.evaluate(async () => {
      const get = async <T>(url: string) => (await (await fetch(url)).json()) as T;
      const session = await get<{ csrfToken: string }>('/api/v1/auth/session');
      const agencies = await get<{ items: Array<{ id: string; code: string }> }>('/api/v1/agencies');
      const territories = await get<{ items: Array<{ id: string; level: string }> }>('/api/v1/territories');
      const catalogue = await get<{ dataElements: Array<{ id: string; code: string }> }>('/api/v1/catalogue');
      const dataElementId = catalogue.dataElements.find((e) => e.code === 'crimes_total')?.id ?? '';
      const territoryId = territories.items.filter((t) => t.level === 'district')[1]?.id ?? '';
      const values = Array.from({ length: 26 }, (_, i) => 58 + ((i * 7) % 5));
      values.push(250);
      for (const [i, value] of values.entries()) {
        const period = `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
        const response = await fetch('/api/v1/data-values', {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ dataElementId, territoryId, period, value }),
        });
        if (!response.ok) throw new Error(`${period}: ${response.status}`);
      }
      return { agencyId: agencies.items.find((a) => a.code === 'GPO')?.id ?? '', territoryId };
    });
    const expected = {
      ky: ['дан кыйла жогору: 250, ', 'болжол менен 6'],
      ru: ['Намного выше обычного', ': 250 вместо примерно 6'],
      en: ['Much higher than usual', ': 250 against about 6'],
    } as const;
    for (const locale of ['ky', 'ru', 'en'] as const) {
      await useLanguage(page, locale);
      await page.goto(`/entry?agencyId=${ids.agencyId}&territoryId=${ids.territoryId}&period=2025-03`);
      const outlier = page.getByTestId('entry-checks').locator('[data-kind="outlier"]');
      await outlier.waitFor();
      const text = (await outlier.textContent()) ?? '';
      for (const part of expected[locale]) expect(text, locale).toContain(part);
    }
    await context.close();
  });
});
