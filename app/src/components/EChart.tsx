/**
 * A thin React wrapper around Apache ECharts. Only the chart types and components the app draws
 * are registered (tree-shaken from 'echarts/core'), so the chart code stays small and is loaded
 * only with the pages that show a chart. The chart follows its box's size and is disposed on unmount.
 */
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([LineChart, BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, MarkAreaComponent, CanvasRenderer]);

export type EChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | MarkAreaComponentOption
>;

interface Props {
  option: EChartOption;
  height?: number;
  className?: string;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  ariaLabel: string;
  'data-testid'?: string;
  /** A click on a series item (a bar, a slice): its category name and index. */
  onItemClick?: (item: { name: string; dataIndex: number; seriesIndex: number }) => void;
}

export function EChart({ option, height = 320, className, ariaLabel, 'data-testid': testId, onItemClick }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  // One chart instance for the component's life; resized with its box (layout, drawer, rotation).
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const chart = init(box, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (p) => clickRef.current?.({ name: String(p.name ?? ''), dataIndex: p.dataIndex ?? 0, seriesIndex: p.seriesIndex ?? 0 }));
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!chart.isDisposed()) chart.resize();
      });
    });
    observer.observe(box);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={boxRef} className={className} style={{ width: '100%', height }} role="img" aria-label={ariaLabel} data-testid={testId} />;
}

export default EChart;
