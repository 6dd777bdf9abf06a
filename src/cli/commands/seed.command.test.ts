import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliHarness, type CliHarness } from '../test/cli-harness';

describe('kuzot seed --demo', () => {
  let cli: CliHarness;
  beforeAll(async () => {
    cli = await createCliHarness();
  });
  afterAll(async () => {
    await cli?.cleanup();
  });

  const valueCount = () => cli.inspect(async (c) => (await c.services.demo.status()).syntheticValues);

  it('adds synthetic values with progress on stderr and counts in the output', async () => {
    // Two territories and one fixed year keep the test fast and independent of the clock; the full run is measured by `npm run bench`.
    const r = await cli.run(
      'seed',
      '--demo',
      '--demo-territories',
      '2',
      '--demo-from',
      '2025',
      '--demo-to',
      '2025-12',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Generating up to 1636 synthetic values');
    expect(r.stderr).toContain('Demo data: 100% (1636/1636)');
    const added = Number(
      /Demo values added: (\d+) \(of at most 1636: 20 data elements, 2 territories/.exec(r.stdout)?.[1],
    );
    expect(added).toBeGreaterThan(1500);
    expect(r.stdout).toMatch(/Demo approvals added: [1-9]\d*\n/);
    expect(r.stdout).toContain('These figures are synthetic');
    expect(await valueCount()).toBe(added);
  });

  it('adds nothing the second time', async () => {
    const before = await valueCount();
    const r = await cli.run(
      'seed',
      '--demo',
      '--demo-territories',
      '2',
      '--demo-from',
      '2025',
      '--demo-to',
      '2025-12',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Demo values added: 0 (of at most 1636');
    expect(r.stdout).toContain('Demo approvals added: 0\n');
    expect(await valueCount()).toBe(before);
  });

  it('refuses a scope before 2015 or a month that is not YYYY-MM', async () => {
    const r = await cli.run('seed', '--demo', '--demo-from', '2014');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('expected a whole number from 2015');
    const month = await cli.run('seed', '--demo', '--demo-to', '2025-13');
    expect(month.code).not.toBe(0);
    expect(month.stderr).toContain('expected a month as YYYY-MM');
  });
});
