import { useEffect, useRef } from 'react';
import { Box } from '@mantine/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// Registering only what the app draws keeps the bundle small (the full echarts build is ~1 MB).
echarts.use([
  BarChart,
  LineChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type EChartOption = EChartsCoreOption;

type EChartProps = {
  option: EChartOption;
  /** Height of the chart area in pixels; the width follows the container. */
  height?: number;
  /** Accessible name of the chart (the canvas itself says nothing to a screen reader). */
  ariaLabel: string;
  'data-testid'?: string;
};

/** A minimal ECharts wrapper: one instance per mount, resized with its box, disposed on unmount. */
export function EChart({ option, height = 320, ariaLabel, 'data-testid': testId }: EChartProps) {
  const boxRef = useRef<HTMLDivElement | null>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return undefined;
    const chart = echarts.init(box, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a new option replaces the old one, so removed series do not linger.
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <Box ref={boxRef} h={height} w="100%" role="img" aria-label={ariaLabel} data-testid={testId} />;
}
