import { falseFlagRate, measureOutlierQuality, showShare, upwardRecall } from './outlier-quality';
import { dbLabel, type BenchRow } from './data-benches';
import { startBenchApp, type DbKind } from './harness';

// The outlier checks against the demo generator's planted outliers (outlier-quality.ts). The plan comes
// from a fresh Kuzot (reference data, default catalogue) through `DemoService.plan`, the seeding's own;
// the measurement itself is pure and the same on either database, so it runs once, on the first one asked.

let measured = false;

/** False flags on ordinary demo values, recall of upward planted outliers, and entry forms with a warning. */
export async function benchOutliers(kind: DbKind): Promise<BenchRow[]> {
  if (measured) return [];
  measured = true;
  const b = await startBenchApp(kind);
  try {
    const plan = await b.container.services.demo.plan();
    const agencies = (await b.container.services.agencies.list()).items;
    const began = performance.now();
    const quality = measureOutlierQuality(plan, new Map(agencies.map((a) => [a.id, a.code])));
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    const scope = `${plan.elements.length} elements × ${plan.territories.length} territories, ${plan.range.fromYear}-01 to ${plan.range.lastMonth}`;
    const database = `${dbLabel[kind]} (plan only)`;
    const rows: BenchRow[] = [
      {
        bench: `outlier checks: ordinary demo values flagged (${scope}; ${seconds} s)`,
        database,
        result: showShare(quality.ordinary),
        target: '< 0.5 %',
      },
      {
        bench: 'outlier checks: upward planted outliers with expected value ≥ 3 caught',
        database,
        result: showShare(quality.plantedUp, 1),
        target: '≥ 85 %',
      },
      {
        bench: 'outlier checks: every planted outlier caught (either way, any size)',
        database,
        result: showShare(quality.plantedAll, 1),
        target: '—',
      },
    ];
    for (const [agency, forms] of Object.entries(quality.forms).sort(([a], [b]) => a.localeCompare(b)))
      rows.push({
        bench: `outlier checks: ${agency} entry forms (territory × period) with a warning on an ordinary value / with any warning`,
        database,
        result: `${showShare(forms.ordinaryWarning, 1)} / ${showShare(forms.anyWarning, 1)}`,
        target: '—',
      });
    if (falseFlagRate(quality) >= 0.005 || upwardRecall(quality) < 0.85) rows[0]!.result += ' — BELOW TARGET';
    return rows;
  } finally {
    await b.close();
  }
}
