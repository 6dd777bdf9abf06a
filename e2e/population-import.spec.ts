import { describe, expect, it } from 'vitest';
import { newPage, signIn, useLanguage } from './support/browser';
import { useServerAndBrowser } from './support/suite';

const header = 'code,year,total,male,female,age_0_17,age_14_35,source,is_estimate';

function csv(lines: string[]): { name: string; mimeType: string; buffer: Buffer } {
  return {
    name: 'population.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, ...lines].join('\n') + '\n'),
  };
}

describe('population import', () => {
  const suite = useServerAndBrowser();

  it('lists every problem of a bad file and imports nothing; a good file is applied by a job', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');
    await page.goto('/territories/import');

    const fileInput = page.locator('input[type="file"]');
    const submit = page.getByRole('button', { name: 'Check and import' });

    await fileInput.setInputFiles(
      csv(['41707000000000,2024,280000,,,,,NSC test figure,no', '99999999999999,2024,abc,,,,,x,no']),
    );
    await submit.click();
    const problems = page.getByTestId('import-problems');
    await problems.getByText('The file was not imported').waitFor();
    const rows = problems.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    expect(await problems.locator('tbody').textContent()).toContain('99999999999999');

    await fileInput.setInputFiles(
      csv(['41707000000000,2024,280000,140000,140000,,,NSC preliminary estimate,yes']),
    );
    await submit.click();
    const job = page.getByTestId('import-job');
    await job.getByText('Import finished').waitFor({ timeout: 30_000 });
    expect(await job.locator('[data-status]').getAttribute('data-status')).toBe('succeeded');

    // The new figure is on the territory page, marked as an estimate, with its source.
    await page.goto('/territories');
    await page.getByTestId('territory-tree').getByText('Talas Region', { exact: true }).click();
    await page.getByRole('heading', { name: 'Talas Region', level: 2 }).waitFor();
    const row2024 = page.locator('[data-testid="population-table"] tr[data-year="2024"]');
    await row2024.waitFor();
    const text = (await row2024.textContent()) ?? '';
    expect(text.replace(/\s/g, '')).toContain('280,000');
    expect(text).toContain('estimate');
    expect(text).toContain('NSC preliminary estimate');
    await context.close();
  });
});
