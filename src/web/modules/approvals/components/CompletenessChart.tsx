import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessReport, CompletenessRow } from '#shared/contracts/approval.contract';
import { EChart, type EChartOption } from '#web/ui/EChart';

const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** Completeness and timeliness per group as paired bars, in percent. */
export function CompletenessChart({
  report,
  labelOf,
}: {
  report: CompletenessReport;
  labelOf: (key: CompletenessRow['key']) => string;
}) {
  const { t } = useTranslation();
  const completenessName = t('completeness.columns.completeness');
  const timelinessName = t('completeness.columns.timeliness');
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value} %` : '—'),
      },
      legend: { data: [completenessName, timelinessName] },
      grid: { left: 48, right: 16, top: 40, bottom: 80 },
      xAxis: {
        type: 'category',
        data: report.rows.map((r) => labelOf(r.key)),
        axisLabel: { rotate: report.rows.length > 8 ? 40 : 0, interval: 0 },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        {
          name: completenessName,
          type: 'bar',
          data: report.rows.map((r) => percent(r.completeness)),
          itemStyle: { color: '#1c7ed6' },
        },
        {
          name: timelinessName,
          type: 'bar',
          data: report.rows.map((r) => percent(r.timeliness)),
          itemStyle: { color: '#0ca678' },
        },
      ],
    }),
    [report, labelOf, completenessName, timelinessName],
  );
  return (
    <EChart
      option={option}
      height={340}
      ariaLabel={t('completeness.chartLabel')}
      data-testid="completeness-chart"
    />
  );
}
