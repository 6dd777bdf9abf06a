import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newPage, signIn, useLanguage } from './support/browser';
import { useServerAndBrowser } from './support/suite';

type Seeded = { districts: Array<{ id: string; name: string }> };

describe('data explorer', () => {
  const suite = useServerAndBrowser();

  it('shows a pivot of chosen items, territories and months, swaps it, charts it and exports CSV', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');

    // Values for two districts of one oblast, Jan–Mar 2023, through the entry API.
    const seeded = await page.evaluate(async (): Promise<Seeded> => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const catalogue = (await (await fetch('/api/v1/catalogue')).json()) as {
        dataElements: Array<{ id: string; code: string }>;
      };
      const territories = (await (await fetch('/api/v1/territories')).json()) as {
        items: Array<{ id: string; level: string; parentId: string | null; name: { en: string } }>;
      };
      const element = catalogue.dataElements.find((e) => e.code === 'crimes_total');
      const oblast = territories.items.find(
        (t) => t.level === 'oblast' && territories.items.filter((c) => c.parentId === t.id).length >= 2,
      );
      if (!element || !oblast) throw new Error('reference data missing');
      const districts = territories.items.filter((t) => t.parentId === oblast.id).slice(0, 2);
      for (const [i, district] of districts.entries())
        for (const month of [1, 2, 3]) {
          const response = await fetch('/api/v1/data-values', {
            method: 'PUT',
            headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
            body: JSON.stringify({
              dataElementId: element.id,
              territoryId: district.id,
              period: `2023-0${month}`,
              value: (i + 1) * 100 + month,
            }),
          });
          if (!response.ok)
            throw new Error(`PUT /data-values failed: ${response.status} ${await response.text()}`);
        }
      return { districts: districts.map((d) => ({ id: d.id, name: d.name.en })) };
    });
    const [first, second] = seeded.districts;
    if (!first || !second) throw new Error('two districts expected');

    await page.getByRole('link', { name: 'Explorer' }).click();
    await page.waitForURL(/\/explorer$/);
    await page.getByText('Choose at least one element').waitFor();

    // Item, territories, range.
    await page.getByTestId('explorer-items').click();
    await page.getByTestId('explorer-items').fill('crimes_total');
    await page.getByRole('option', { name: /crimes_total/ }).click();
    await page.keyboard.press('Escape');
    for (const district of [first, second]) {
      await page.getByTestId('explorer-territories').click();
      await page.getByTestId('explorer-territories').fill(district.name);
      await page.getByRole('option', { name: district.name, exact: true }).click();
      await page.keyboard.press('Escape');
    }
    for (const [testId, period] of [
      ['explorer-from', '2023-01'],
      ['explorer-to', '2023-03'],
    ] as const) {
      await page.getByTestId(testId).click();
      await page.getByTestId(testId).fill(period);
      await page.getByRole('option', { name: period, exact: true }).click();
    }
    await page.getByTestId('explorer-show').click();

    // Territories down the rows, months across.
    const pivot = page.getByTestId('explorer-pivot');
    await pivot.waitFor();
    const headers = async () => (await pivot.locator('thead th').allTextContents()).map((s) => s.trim());
    expect(await headers()).toEqual([
      'Territory',
      'Item',
      'January 2023',
      'February 2023',
      'March 2023',
      'Total',
    ]);
    const firstRow = pivot.locator('tbody tr').first();
    expect((await firstRow.locator('th, td').allTextContents()).map((s) => s.trim())).toEqual([
      first.name,
      'All registered crimes (cases)',
      '101',
      '102',
      '103',
      '306',
    ]);
    // The total row adds the two districts (same level, crimes summed over territories).
    const totalRow = pivot.locator('tbody tr[data-total="row"]');
    expect((await totalRow.locator('th, td').allTextContents()).map((s) => s.trim())).toEqual([
      'Total',
      '',
      '302',
      '304',
      '306',
      '912',
    ]);

    // Swap: months down the rows, territories and the item across.
    await page.getByTestId('explorer-swap').click();
    const topHeader = async () =>
      (await pivot.locator('thead tr').first().locator('th').allTextContents()).map((s) => s.trim());
    await expect.poll(topHeader).toEqual(['', first.name, second.name, '']);
    expect(
      (await pivot.locator('tbody tr').nth(1).locator('th, td').allTextContents()).map((s) => s.trim()),
    ).toEqual(['February 2023', '102', '202', '304']);

    // The chart draws on a canvas.
    await page.getByTestId('explorer-chart-tab').click();
    await page.getByTestId('explorer-chart').locator('canvas').waitFor();
    await page.getByText('Stacked bars', { exact: true }).click();
    expect(await page.getByRole('radio', { name: 'Stacked bars' }).isChecked()).toBe(true);
    await page.getByTestId('explorer-chart').locator('canvas').waitFor();

    // CSV export of the current layout.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('explorer-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kuzot-explorer-.*\.csv$/);
    const path = await download.path();
    const text = fs.readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    // What was asked and how recent the data are, a blank line, then the table as shown.
    const [preamble = '', table = ''] = text
      .slice(1)
      .trim()
      .split(/\r\n\r\n/);
    expect(preamble.split(/\r\n/).slice(0, 2)).toEqual([
      'Kuzot: data explorer',
      'Items: All registered crimes (cases)',
    ]);
    expect(preamble).toContain('Latest data: March 2023');
    const lines = table.split(/\r\n/);
    expect(lines[0]).toBe(`,${first.name},${second.name}`);
    expect(lines[1]).toBe('Period,All registered crimes (cases),All registered crimes (cases)');
    expect(lines.slice(2)).toEqual(['January 2023,101,201', 'February 2023,102,202', 'March 2023,103,203']);

    // The strict population view is one switch away.
    await page.getByTestId('explorer-official-population').waitFor({ state: 'attached' });
    await context.close();
  });

  it('reopens the same view from its link, chart included', async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'en');
    const { items } = await page.evaluate(
      async () =>
        (await (await fetch('/api/v1/territories')).json()) as {
          items: Array<{ id: string; level: string; parentId: string | null; name: { en: string } }>;
        },
    );
    const oblast = items.find(
      (t) => t.level === 'oblast' && items.filter((c) => c.parentId === t.id).length >= 2,
    );
    const [first, second] = items.filter((t) => t.parentId === oblast?.id);
    if (!first || !second) throw new Error('two districts expected');

    // A link as "Copy link" makes it: the values of the first test, months down, districts across.
    await page.goto(
      `/explorer?items=crimes_total&territories=${first.id},${second.id}&type=month&from=2023-01&to=2023-03&rows=period&cols=territory,item`,
    );
    const pivot = page.getByTestId('explorer-pivot');
    await pivot.waitFor();
    expect(
      (await pivot.locator('tbody tr').first().locator('th, td').allTextContents()).map((s) => s.trim()),
    ).toEqual(['January 2023', '101', '201', '302']);

    // Showing the chart is part of the view: the URL says so and a reload keeps it.
    await page.getByTestId('explorer-chart-tab').click();
    await page.waitForURL(/view=chart/);
    await page.reload();
    await page.getByTestId('explorer-chart').locator('canvas').waitFor();
    expect(new URL(page.url()).searchParams.get('rows')).toBe('period');
    await context.close();
  });
});
