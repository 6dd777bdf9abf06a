import { useMemo } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExplorerResult } from '#shared/contracts/explorer.contract';
import { totalOptionKey } from '#shared/domain/explorer-pivot';
import { EChart, type EChartOption } from '#web/ui/EChart';
import { useKeyLabel } from './labels';

export type ChartType = 'line' | 'bar' | 'stacked';

/** Series drawn at most, so a legend stays readable. */
const maxSeries = 40;

/**
 * Periods along the x axis, one series per item × territory × option (and a dashed twin for the same period
 * last year). Missing values are gaps, never zero.
 */
export function ExplorerChart({ result, type }: { result: ExplorerResult; type: ChartType }) {
  const { t } = useTranslation();
  const label = useKeyLabel(result);
  const { option, total } = useMemo(() => {
    const byKey = new Map(
      result.cells.map((c) => [`${c.item}|${c.territoryId}|${c.option ?? ''}|${c.period}`, c]),
    );
    const seriesKeys = new Map<string, { item: string; territoryId: string; option: string | null }>();
    for (const c of result.cells) seriesKeys.set(`${c.item}|${c.territoryId}|${c.option ?? ''}`, c);
    const series: object[] = [];
    for (const [key, s] of seriesKeys) {
      const name = [
        label({ dimension: 'item', key: s.item }),
        label({ dimension: 'territory', key: s.territoryId }),
        ...(result.options.length > 0
          ? [label({ dimension: 'option', key: s.option ?? totalOptionKey })]
          : []),
      ].join(' · ');
      const cells = result.periods.map((p) => byKey.get(`${key}|${p}`));
      const common = {
        type: type === 'line' ? 'line' : 'bar',
        ...(type === 'stacked' ? { stack: 'total' } : {}),
        connectNulls: false,
      };
      series.push({ ...common, name, data: cells.map((c) => c?.value ?? null) });
      if (result.samePeriodLastYear)
        series.push({
          ...common,
          ...(type === 'stacked' ? { stack: 'lastYear' } : {}),
          name: `${name} · ${t('explorer.lastYear')}`,
          data: cells.map((c) => c?.lastYearValue ?? null),
          lineStyle: { type: 'dashed' },
          itemStyle: { opacity: 0.5 },
        });
    }
    const chartOption: EChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 56, right: 24, top: 24, bottom: 64 },
      xAxis: {
        type: 'category',
        data: result.periods.map((period) => label({ dimension: 'period', key: period })),
      },
      yAxis: { type: 'value' },
      series: series.slice(0, maxSeries),
    };
    return { option: chartOption, total: series.length };
  }, [result, type, label, t]);

  return (
    <>
      <EChart
        option={option}
        height={420}
        ariaLabel={t('explorer.chartLabel')}
        data-testid="explorer-chart"
      />
      {total > maxSeries ? (
        <Text size="sm" c="dimmed">
          {t('explorer.tooManySeries', { shown: maxSeries, total })}
        </Text>
      ) : null}
    </>
  );
}
