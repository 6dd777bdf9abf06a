import { describe, expect, it } from 'vitest';
import {
  defaultDemoPopulation,
  demoApproval,
  demoCombos,
  demoPeriods,
  demoSeriesValues,
  estimateDemoValues,
  lastCompleteMonth,
  scalingPopulation,
  type DemoSeriesSpec,
} from './demo.rules';

const substance = {
  code: 'substance',
  options: ['cannabis', 'heroin', 'opium', 'synthetic', 'cocaine', 'other'],
};
const sexAge = [
  { code: 'sex', options: ['male', 'female'] },
  { code: 'age_group', options: ['age_0_17', 'age_18_29', 'age_30_plus'] },
];
const months = demoPeriods('month', 2015, '2025-12');
const total = (combo = demoCombos([])[0]!) => combo;

const spec = (overrides: Partial<DemoSeriesSpec> = {}): DemoSeriesSpec => ({
  elementCode: 'drug_crimes',
  valueType: 'integer',
  territoryCode: '41711000000000',
  population: 1_000_000,
  combo: total(),
  periods: months,
  ...overrides,
});
const sum = (values: ReadonlyArray<{ value: number }>) => values.reduce((s, v) => s + v.value, 0);

describe('demo disaggregations', () => {
  it('gives one combination with key "" and the whole share to an element without categories', () => {
    expect(demoCombos([])).toEqual([{ key: '', share: 1, trendShift: 0, isCannabis: false }]);
  });

  it('crosses the options in category position order, with shares summing to 1', () => {
    const combos = demoCombos(sexAge);
    expect(combos.map((c) => c.key)).toEqual([
      'male.age_0_17',
      'male.age_18_29',
      'male.age_30_plus',
      'female.age_0_17',
      'female.age_18_29',
      'female.age_30_plus',
    ]);
    expect(combos.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
    expect(combos[2]!.share).toBeGreaterThan(combos[5]!.share); // more men than women
  });

  it('splits unknown options equally, and cannabis and synthetic drugs get their own shape', () => {
    const unknown = demoCombos([{ code: 'x', options: ['a', 'b', 'c', 'd'] }]);
    expect(unknown.map((c) => c.share)).toEqual([0.25, 0.25, 0.25, 0.25]);
    const substances = demoCombos([substance]);
    expect(substances.filter((c) => c.isCannabis).map((c) => c.key)).toEqual(['cannabis']);
    expect(substances.find((c) => c.key === 'synthetic')!.trendShift).toBeGreaterThan(0);
    expect(substances.find((c) => c.key === 'heroin')!.trendShift).toBeLessThan(0);
  });

  it('has no combination when a category has no options', () => {
    expect(demoCombos([{ code: 'empty', options: [] }])).toEqual([]);
  });
});

describe('demo periods and estimate', () => {
  it('ends at the last complete month before today', () => {
    expect(lastCompleteMonth('2026-12-07')).toBe('2026-11');
    expect(lastCompleteMonth('2026-01-01')).toBe('2025-12');
    expect(lastCompleteMonth('2026-03-31')).toBe('2026-02');
  });

  it('lists every period of the type that ends by the last month', () => {
    expect(months).toHaveLength(132);
    expect(months[0]).toBe('2015-01');
    expect(months.at(-1)).toBe('2025-12');
    expect(demoPeriods('month', 2026, '2026-11').at(-1)).toBe('2026-11');
    // A quarter or a year still running has no data yet.
    expect(demoPeriods('quarter', 2026, '2026-11')).toEqual(['2026Q1', '2026Q2', '2026Q3']);
    expect(demoPeriods('quarter', 2026, '2026-09')).toEqual(['2026Q1', '2026Q2', '2026Q3']);
    expect(demoPeriods('year', 2015, '2026-11')).toHaveLength(11);
    expect(demoPeriods('year', 2015, '2026-11').at(-1)).toBe('2025');
    expect(demoPeriods('quarter', 2024, '2025-12')).toEqual([
      '2024Q1',
      '2024Q2',
      '2024Q3',
      '2024Q4',
      '2025Q1',
      '2025Q2',
      '2025Q3',
      '2025Q4',
    ]);
    expect(demoPeriods('year', 2015, '2025-12')).toHaveLength(11);
    expect(demoPeriods('year', 2026, '2025-12')).toEqual([]);
  });

  it('estimates combinations × territories × periods', () => {
    const estimate = estimateDemoValues(
      [
        { periodType: 'month', comboCount: 6 },
        { periodType: 'year', comboCount: 1 },
      ],
      56,
      { fromYear: 2015, lastMonth: '2025-12' },
    );
    expect(estimate).toBe(56 * (6 * 132 + 11));
  });
});

describe('demo series', () => {
  it('is reproducible: the same element, territory and combination give the same values', () => {
    expect(demoSeriesValues(spec())).toEqual(demoSeriesValues(spec()));
    expect(demoSeriesValues(spec({ territoryCode: '41721000000000' }))).not.toEqual(demoSeriesValues(spec()));
    const [a, b] = demoCombos([substance]);
    expect(demoSeriesValues(spec({ combo: a! }))).not.toEqual(demoSeriesValues(spec({ combo: b! })));
  });

  it('does not depend on which later years are asked for', () => {
    const short = demoSeriesValues(spec({ periods: demoPeriods('month', 2015, '2020-12') }));
    const long = demoSeriesValues(spec());
    expect(long.slice(0, short.length)).toEqual(short);
  });

  it('scales with population: ten times the people, about ten times the cases', () => {
    const small = sum(demoSeriesValues(spec({ population: 100_000 })));
    const large = sum(demoSeriesValues(spec({ population: 1_000_000 })));
    expect(large / small).toBeGreaterThan(7);
    expect(large / small).toBeLessThan(13);
  });

  it('scales a territory without population with the modest default level', () => {
    expect(scalingPopulation(null)).toBe(defaultDemoPopulation);
    expect(scalingPopulation(0)).toBe(defaultDemoPopulation);
    expect(scalingPopulation(250_000)).toBe(250_000);
    expect(demoSeriesValues(spec({ population: null }))).toEqual(
      demoSeriesValues(spec({ population: defaultDemoPopulation })),
    );
  });

  it('splits the element total by the combinations shares', () => {
    const combos = demoCombos(sexAge);
    const bySex = (sex: string) =>
      combos
        .filter((c) => c.key.startsWith(`${sex}.`))
        .reduce((s, combo) => s + sum(demoSeriesValues(spec({ combo, population: 5_000_000 }))), 0);
    const share = bySex('male') / (bySex('male') + bySex('female'));
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.93);
  });

  it('leaves some reports missing, gives whole numbers for counts and non-negative amounts', () => {
    const counts = demoSeriesValues(spec());
    expect(counts.length).toBeLessThan(months.length);
    expect(counts.length).toBeGreaterThan(months.length * 0.9);
    expect(counts.every((v) => Number.isInteger(v.value) && v.value >= 0)).toBe(true);
    const kilograms = demoSeriesValues(spec({ elementCode: 'drugs_seized_kg', valueType: 'number' }));
    const hasTwoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;
    expect(kilograms.every((v) => v.value >= 0 && hasTwoDecimals(v.value))).toBe(true);
  });

  it('gives eradication its summer season', () => {
    const series = demoSeriesValues(
      spec({ elementCode: 'plants_destroyed', valueType: 'integer', population: 500_000 }),
    );
    const inMonth = (m: string) => sum(series.filter((v) => v.period.endsWith(`-${m}`)));
    expect(inMonth('08')).toBeGreaterThan(10 * inMonth('01'));
  });
});

describe('demo approvals', () => {
  const agencies = ['MIA', 'MOH', 'GPO', 'SCNS'];
  const territories = [
    '41711000000000',
    '41702000000000',
    '41703000000000',
    '41704000000000',
    '41706000000000',
  ];
  const story = (period: string, agency = 'MIA', territory = '41711000000000', daysAfterEnd = 15) =>
    demoApproval({
      agencyCode: agency,
      territoryCode: territory,
      period,
      lastMonth: '2026-11',
      daysAfterEnd,
    });
  const all = (periods: readonly string[]) =>
    periods.flatMap((period) =>
      agencies.flatMap((a) => territories.map((t) => ({ period, approval: story(period, a, t) }))),
    );
  // A deadline is a UTC day: a submission any time on it is on time.
  const on = (at: string, deadline: string) => at.slice(0, 10) <= deadline;

  it('approves reports of periods ending four months before the last month, with both dates', () => {
    const old = all([...demoPeriods('month', 2025, '2026-07'), '2025', '2026Q1', '2026Q2']);
    expect(old.every((r) => r.approval?.status === 'approved')).toBe(true);
    for (const { approval } of old) {
      expect(approval!.decidedAt! > approval!.submittedAt).toBe(true);
    }
  });

  it('leaves the recent months submitted or draft, never approved, and nothing after "now"', () => {
    const recent = all(['2026-08', '2026-09', '2026-10', '2026-11', '2026Q3']);
    const statuses = recent.map((r) => r.approval?.status ?? null);
    expect(statuses).not.toContain('approved');
    expect(statuses).toContain('submitted');
    expect(statuses).toContain(null);
    expect(recent.every((r) => r.approval === null || r.approval.submittedAt < '2026-12-01')).toBe(true);
    expect(recent.every((r) => r.approval === null || r.approval.decidedAt === null)).toBe(true);
  });

  it('submits most reports by their deadline and some late, never before the period ends', () => {
    const months = all(demoPeriods('month', 2024, '2026-07'));
    let onTime = 0;
    for (const { period, approval } of months) {
      const end = new Date(Date.parse(`${period}-01T00:00:00Z`));
      end.setUTCMonth(end.getUTCMonth() + 1);
      const deadline = new Date(end.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
      expect(approval!.submittedAt >= new Date(end.getTime() - 86_400_000).toISOString()).toBe(true);
      if (on(approval!.submittedAt, deadline)) onTime += 1;
    }
    const share = onTime / months.length;
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.95);
  });

  it('submits on the last day of the period or later when the deadline is that day', () => {
    const sameDay = agencies.map((a) => story('2025-03', a, '41711000000000', 0)!);
    expect(sameDay.every((a) => a.submittedAt >= '2025-03-31')).toBe(true);
    expect(sameDay.some((a) => a.submittedAt.startsWith('2025-03-31'))).toBe(true);
  });

  it('is stable for the same report', () => {
    expect(story('2025-09')).toEqual(story('2025-09'));
  });
});
