import { describe, expect, it } from 'vitest';
import { newPage, signIn, useLanguage } from './support/browser';
import { useServerAndBrowser } from './support/suite';

describe('jobs and schedules', () => {
  const suite = useServerAndBrowser();

  it('shows why a job failed in the reader’s language, runs a schedule now and switches it off', async () => {
    // A job whose process died three times (what the worker records then), as the UI cannot cause one.
    await suite.server.container.database.db
      .insertInto('job')
      .values({
        name: 'territories.import-population',
        version: 1,
        payload: JSON.stringify({}),
        status: 'dead',
        attempts: 3,
        maxAttempts: 3,
        error: JSON.stringify({ code: 'JOB_INTERRUPTED', params: { attempts: 3 } }),
        finishedAt: new Date(),
        createdBy: null,
      })
      .execute();

    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, suite.server.adminUsername, suite.server.adminPassword);
    await useLanguage(page, 'ru');
    await page.goto('/jobs');

    const dead = page.locator('tr[data-job-status="dead"]');
    await dead.getByRole('button', { name: 'Показать подробности' }).click();
    const reason = page.getByTestId('job-error');
    await reason.waitFor();
    expect(await reason.textContent()).toBe(
      'Процесс, выполнявший задание, остановился до его завершения (3 попытки).',
    );

    await page.getByRole('tab', { name: 'Расписания' }).click();
    const purge = page.locator('tr[data-schedule="auth.purge-expired-sessions"]');
    await purge.waitFor();
    expect(await purge.textContent()).toContain('раз в 1 ч');

    await purge.getByRole('button', { name: 'Запустить сейчас' }).click();
    await page.getByText('Задача поставлена в очередь.').waitFor();
    // The server's own worker runs it; the schedule then shows its last result.
    await purge.getByText('Выполнена').waitFor({ timeout: 30_000 });

    const toggle = purge.getByRole('switch', { name: 'Включить или выключить auth.purge-expired-sessions' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click({ force: true });
    await expect.poll(() => toggle.isChecked()).toBe(false);
    const schedules = await suite.server.container.services.schedules.list();
    expect(schedules.items.find((s) => s.name === 'auth.purge-expired-sessions')?.enabled).toBe(false);
    await context.close();
  });
});
