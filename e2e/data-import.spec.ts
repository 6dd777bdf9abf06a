import { describe, expect, it } from 'vitest';
import { newPage, signIn, useLanguage } from './support/browser';
import { useServerAndBrowser } from './support/suite';

const header = 'data_element,territory,period,disaggregation,value,comment,flag';

function csv(lines: string[]): { name: string; mimeType: string; buffer: Buffer } {
  return {
    name: 'values.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, ...lines].join('\n') + '\n'),
  };
}

describe('data import', () => {
  const suite = useServerAndBrowser();

  it('shows every problem of a bad file with row and column; the fixed file is checked, then imported', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');
    await page.getByRole('link', { name: 'Import data' }).click();
    await page.getByRole('heading', { name: 'Import data' }).waitFor();

    const fileInput = page.locator('input[type="file"]');
    const check = page.getByRole('button', { name: 'Check', exact: true });
    const importButton = page.getByRole('button', { name: 'Import', exact: true });

    await fileInput.setInputFiles(
      csv(['drug_crimes,41711000000000,2023-07,cannabis,4,,', 'drug_crimes,Atlantis,2023-07,heroin,many,,']),
    );
    await importButton.click();
    const problems = page.getByTestId('import-problems');
    await problems.getByText('The file was refused; nothing was imported').waitFor();
    const rows = problems.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const first = (await rows.nth(0).textContent()) ?? '';
    expect(first).toContain('3');
    expect(first).toContain('territory');
    expect(first).toContain('Atlantis');
    expect((await rows.nth(1).textContent()) ?? '').toContain('"many"');

    const fixed = csv([
      'drug_crimes,41711000000000,2023-07,cannabis,4,,',
      'drug_crimes,Bishkek,2023-07,heroin,2,checked by phone,provisional',
    ]);
    await fileInput.setInputFiles(fixed);
    await check.click();
    const result = page.getByTestId('import-result');
    await result.getByText('Check passed').waitFor();
    expect(await result.getByTestId('count-created').textContent()).toBe('2');

    await importButton.click();
    await result.getByText('Imported', { exact: true }).waitFor();
    expect(await result.getByTestId('count-created').textContent()).toBe('2');

    // The same file again changes nothing.
    await fileInput.setInputFiles(fixed);
    await importButton.click();
    await result.getByTestId('count-unchanged').filter({ hasText: '2' }).waitFor();
    expect(await result.getByTestId('count-created').textContent()).toBe('0');
    await context.close();
  });

  it('downloads the Excel template of an agency and period, and says why one cannot be made', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');
    await page.goto('/data-import');
    await page.getByLabel('Agency', { exact: true }).first().click();
    await page.getByRole('option', { name: 'MIA', exact: true }).click();
    const period = page.getByRole('textbox', { name: 'Period' });
    await period.fill('2024-03');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download template' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kuzot-MIA-2024-03.xlsx');

    // The ministry reports nothing by quarter: the refusal shows on the page instead of a download.
    await period.fill('2024Q1');
    await page.getByRole('button', { name: 'Download template' }).click();
    await page
      .getByRole('alert')
      .getByText(/reports nothing by quarter/)
      .waitFor();
    await context.close();
  });
});
