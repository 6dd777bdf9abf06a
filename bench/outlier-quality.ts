import { demoPeriods, demoSeriesPoints } from '#server/modules/demo-data/demo.rules';
import type { DemoPlan } from '#server/modules/demo-data/demo.types';
import {
  outlierVerdicts,
  type OutlierOptions,
  type OutlierValueKind,
} from '#server/modules/values/outliers.rules';
import type { PeriodType } from '#shared/domain/period';

// How well the outlier checks separate the demo generator's planted outliers from its ordinary values, over
// the series the demo seeding makes (every shipped element, reporting territory, disaggregation and year of
// the plan, from `DemoService.plan`). Each value is judged as the entry form judges it: against every
// earlier value of its series, never a later one. Used by `npm run bench -- --only=outliers` and by the
// test beside it, which asserts the thresholds.

/** Judges every known value of one series; returns the periods it flags. */
export type SeriesJudge = (
  series: ReadonlyArray<{ period: string; value: number | null }>,
  periodType: PeriodType,
  kind: OutlierValueKind,
) => ReadonlySet<string>;

/** The checks as they run in Kuzot, with their default options unless told otherwise. */
export const judgeWith =
  (options?: OutlierOptions): SeriesJudge =>
  (series, periodType, kind) => {
    const flagged = new Set<string>();
    for (const [period, verdict] of outlierVerdicts(series, periodType, kind, options))
      if (verdict.isOutlier) flagged.add(period);
    return flagged;
  };

/** Share of a count, with its parts. */
export type Share = { flagged: number; total: number };

export type OutlierQuality = {
  /** Values that were not planted outliers, and how many of them were flagged. */
  ordinary: Share;
  /** Upward planted outliers whose expected value (before the factor) is at least 3, and how many were caught. */
  plantedUp: Share;
  /** Every planted outlier (either direction, any size), and how many were caught. */
  plantedAll: Share;
  /** Per agency code: entry forms (territory × period) with a warning on an ordinary value, and with any. */
  forms: Record<string, { ordinaryWarning: Share; anyWarning: Share }>;
  /** Per element code: ordinary values flagged. */
  byElement: Record<string, Share>;
};

const rate = (s: Share) => (s.total === 0 ? 0 : s.flagged / s.total);

/** Flagged / total as a percentage with the counts, e.g. "0.21 % (1,034 of 490,885)". */
export const showShare = (s: Share, digits = 2): string =>
  `${(100 * rate(s)).toFixed(digits)} % (${s.flagged.toLocaleString('en')} of ${s.total.toLocaleString('en')})`;

/** Measures a judge over every series of the plan; `agencyCodes` names the agencies by id. */
export function measureOutlierQuality(
  plan: DemoPlan,
  agencyCodes: ReadonlyMap<string, string>,
  judge: SeriesJudge = judgeWith(),
): OutlierQuality {
  const result: OutlierQuality = {
    ordinary: { flagged: 0, total: 0 },
    plantedUp: { flagged: 0, total: 0 },
    plantedAll: { flagged: 0, total: 0 },
    forms: {},
    byElement: {},
  };
  const forms = new Map<string, { ordinary: boolean; any: boolean }>();
  for (const element of plan.elements) {
    const periods = demoPeriods(element.periodType, plan.range.fromYear, plan.range.lastMonth);
    const kind: OutlierValueKind = element.valueType === 'integer' ? 'count' : 'amount';
    const agency = agencyCodes.get(element.agencyId) ?? element.agencyId;
    const byElement = (result.byElement[element.code] ??= { flagged: 0, total: 0 });
    for (const territory of plan.territories) {
      for (const combo of element.combos) {
        const points = demoSeriesPoints({
          elementCode: element.code,
          valueType: element.valueType,
          territoryCode: territory.code,
          population: territory.population,
          combo,
          periods,
        });
        const flagged = judge(
          points.map((p) => ({ period: p.period, value: p.value })),
          element.periodType,
          kind,
        );
        for (const point of points) {
          if (point.value === null) continue;
          const isFlagged = flagged.has(point.period);
          const formKey = `${agency}|${territory.code}|${point.period}`;
          const form = forms.get(formKey) ?? { ordinary: false, any: false };
          form.any ||= isFlagged;
          if (point.isPlantedOutlier) {
            count(result.plantedAll, isFlagged);
            if (point.plantedFactor! > 1 && point.expected >= 3) count(result.plantedUp, isFlagged);
          } else {
            count(result.ordinary, isFlagged);
            count(byElement, isFlagged);
            form.ordinary ||= isFlagged;
          }
          forms.set(formKey, form);
        }
      }
    }
  }
  for (const [key, form] of forms) {
    const agency = key.slice(0, key.indexOf('|'));
    const entry = (result.forms[agency] ??= {
      ordinaryWarning: { flagged: 0, total: 0 },
      anyWarning: { flagged: 0, total: 0 },
    });
    count(entry.ordinaryWarning, form.ordinary);
    count(entry.anyWarning, form.any);
  }
  return result;
}

function count(share: Share, flagged: boolean) {
  share.total++;
  if (flagged) share.flagged++;
}

/** The false-flag rate on ordinary values (0–1). */
export const falseFlagRate = (q: OutlierQuality): number => rate(q.ordinary);
/** The share of upward planted outliers with an expected value ≥ 3 that were flagged (0–1). */
export const upwardRecall = (q: OutlierQuality): number => rate(q.plantedUp);
