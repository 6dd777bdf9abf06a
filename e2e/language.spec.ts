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

type Expected = {
  number: RegExp;
  period: RegExp;
  unit: string;
  problem: string;
  audit: string;
  periodGroup: string;
  upload: string;
};

/** What each language must show: its own number grouping, period names, unit names and sentences. */
const expected: Record<'ky' | 'ru' | 'en', Expected> = {
  ky: {
    number: /6\u00a0389\u00a0000/,
    period: /\d{4}-ж\. (январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)/,
    unit: 'учур',
    problem: 'СОАТЕ коду эмес',
    audit: 'системага кирди',
    periodGroup: 'Мезгил',
    upload: 'Текшерүү жана импорттоо',
  },
  ru: {
    number: /6\u00a0389\u00a0000/,
    period: /(январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь) \d{4}/,
    unit: 'случаи',
    problem: 'не код СОАТЕ',
    audit: 'вошёл(-ла) в систему',
    periodGroup: 'Период',
    upload: 'Проверить и импортировать',
  },
  en: {
    number: /6,389,000/,
    period: /(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
    unit: 'cases',
    problem: 'is not a SOATE code',
    audit: 'signed in',
    periodGroup: 'Period',
    upload: 'Check and import',
  },
};

describe('everything in the chosen language', () => {
  const suite = useServerAndBrowser();

  it.each(['ky', 'ru', 'en'] as const)(
    'shows numbers, periods, units, server problems and audit sentences in %s',
    async (locale) => {
      const want = expected[locale];
      const { context, page } = await newPage(suite.browser, suite.server);
      await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
      await useLanguage(page, locale);

      // A number: the country's population of 2019 with the language's grouping.
      const country = await page.evaluate(async () => {
        const response = await fetch('/api/v1/territories');
        const { items } = (await response.json()) as { items: Array<{ id: string; level: string }> };
        return items.find((t) => t.level === 'country')?.id ?? '';
      });
      await page.goto(`/territories/${country}`);
      const row2019 = page.locator('[data-testid="population-table"] tr[data-year="2019"]');
      await row2019.waitFor();
      expect(await row2019.textContent()).toMatch(want.number);

      // A translated unit in the catalogue.
      await page.goto('/catalogue');
      // Wait for a row of the catalogue itself, not the table's empty or loading row.
      const crimes = page.locator('tr[data-code="drug_crimes"]');
      await crimes.waitFor();
      expect(await crimes.textContent()).toContain(want.unit);

      // Periods as people write them, on the completeness page grouped by period.
      await page.goto('/completeness');
      await page.getByTestId('completeness-group').getByText(want.periodGroup, { exact: true }).click();
      await expect
        .poll(async () => (await page.locator('main table').first().textContent()) ?? '', { timeout: 15_000 })
        .toMatch(want.period);

      // A server problem, rendered from its code in the language.
      await page.goto('/territories/import');
      await page.locator('input[type="file"]').setInputFiles({
        name: 'population.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('code,year,total,source\nabc,2024,100,NSC test\n'),
      });
      await page.getByRole('button', { name: want.upload }).click();
      const problem = page.getByTestId('problem-text').first();
      await problem.waitFor();
      expect(await problem.textContent()).toContain(want.problem);

      // The audit log as sentences with names.
      await page.goto('/audit');
      await page.getByTestId('audit-sentence').first().waitFor();
      const sentences = await page.getByTestId('audit-sentence').allTextContents();
      expect(sentences.some((s) => s.includes(want.audit))).toBe(true);
      expect(sentences.join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      await context.close();
    },
    // Five pages in one test: more than the default minute on a busy two-core machine.
    180_000,
  );

  it('keeps the language chosen on the sign-in page after signing in and reloading', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await page.goto('/sign-in');
    await page.getByTestId('language-switcher').click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await page.locator('nav a[href="/territories"]', { hasText: 'Территории' }).waitFor();
    expect((await fetchSession(page))?.user.locale).toBe('ru');
    await page.reload();
    await page.locator('nav a[href="/territories"]', { hasText: 'Территории' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await context.close();
  });
});
