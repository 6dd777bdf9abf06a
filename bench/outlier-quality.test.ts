import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPlan } from '#server/modules/demo-data/demo.types';
import { createTestApp, type TestApp } from '#server/test/test-app';
import { falseFlagRate, measureOutlierQuality, upwardRecall, type OutlierQuality } from './outlier-quality';

// The two figures for the outlier checks, on the demo data as `kuzot seed --demo` makes it: every
// shipped element, every reporting territory and disaggregation, January 2015 to December 2025 (fixed, so
// the figures do not move with the clock; the plan of the seeding service, series seeded by element,
// territory and disaggregation, so the same values on every run).
// About half a million values are judged, each against every earlier value of its series.

describe('outlier checks on the demo data with its planted outliers', () => {
  let t: TestApp;
  let plan: DemoPlan;
  let quality: OutlierQuality;

  beforeAll(async () => {
    t = await createTestApp();
    plan = await t.container.services.demo.plan({ lastMonth: '2025-12' });
    const agencies = (await t.container.services.agencies.list()).items;
    quality = measureOutlierQuality(plan, new Map(agencies.map((a) => [a.id, a.code])));
  }, 600_000);
  afterAll(() => t?.close());

  it('covers the full demo: every element, reporting territory and year', () => {
    expect(plan.elements.length).toBeGreaterThanOrEqual(20);
    expect(plan.territories.length).toBeGreaterThanOrEqual(50);
    expect(plan.range).toEqual({ fromYear: 2015, lastMonth: '2025-12' });
    expect(quality.ordinary.total).toBeGreaterThan(400_000);
    expect(quality.plantedUp.total).toBeGreaterThan(200);
  });

  it('flags under 0.5 % of ordinary values', () => {
    expect(falseFlagRate(quality)).toBeLessThan(0.005);
  });

  it('catches at least 85 % of upward planted outliers whose expected value is at least 3', () => {
    expect(upwardRecall(quality)).toBeGreaterThanOrEqual(0.85);
  });

  it('leaves most entry forms of every agency without a warning on ordinary values', () => {
    for (const [agency, forms] of Object.entries(quality.forms))
      expect(forms.ordinaryWarning.flagged / forms.ordinaryWarning.total, agency).toBeLessThan(0.1);
  });
});
