import { Empty, Skeleton, Spin } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSeries } from '../../api/indicators';
import type { Indicator, TargetRef } from '../../api/types';
import type { EChartOption } from '../../components/EChart';
import { LoadError } from '../../components/LoadError';
import { formatNumberIn, formatTarget, formatValue, langOf, periodText, shortPeriodText } from '../../lib/indicators';
import { useIsMobile } from '../../lib/useIsMobile';

// ECharts is the largest library of the app: it comes in its own chunk, after the page's text.
const EChart = lazy(() => import('../../components/EChart'));

const PRIMARY = '#0b5cad';
const SECONDARY = '#13a8a8';
const TARGET = '#d4380d';

/** A round number a little above x, for an axis top that must show the target line. */
function niceCeil(x: number): number {
  if (x <= 0) return 0;
  const step = 10 ** Math.floor(Math.log10(x));
  return (Math.ceil((x / step) * 2) / 2) * step;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Props {
  indicator: Indicator;
  unitCode: string;
  unitName: string;
  year: number;
  target: TargetRef | null;
}

/**
 * The indicator over the periods of a year at one unit. A flow (summed over time) shows each
 * period as a bar and the running total as a line, which is what the year's target measures; other
 * indicators show one line. The target is a dashed line (a band for a range).
 */
export function IndicatorChart({ indicator, unitCode, unitName, year, target }: Props) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const isMobile = useIsMobile();
  const series = useSeries(indicator.code, unitCode, String(year), String(year));
  const points = useMemo(() => series.data?.items ?? [], [series.data]);
  const hasData = points.some((p) => p.value !== null);

  const option = useMemo<EChartOption>(() => {
    const unit = indicator.unit;
    const decimals = indicator.decimals;
    const flow = indicator.timeAggregation === 'sum';
    const values = points.map((p) => p.value);
    const lastReported = values.reduce<number>((last, v, i) => (v !== null ? i : last), -1);
    // The running figure of a flow: the sum so far, or for a ratio the ratio of the sums so far
    // (100 × Σ numerators / Σ denominators), never a sum of percentages.
    const ratio = indicator.spaceAggregation === 'ratio';
    const scale = indicator.unit === '%' ? 100 : 1;
    let running = 0;
    let numerators = 0;
    let denominators = 0;
    const cumulative = points.map((p, i) => {
      if (i > lastReported) return null;
      if (ratio) {
        numerators += p.numerator ?? 0;
        denominators += p.denominator ?? 0;
        return denominators > 0 ? (scale * numerators) / denominators : null;
      }
      running += p.value ?? 0;
      return running;
    });

    const targetLabel = target ? t('indicators.detail.targetLine', { target: formatTarget(t, target, unit, lang, decimals) }) : '';
    // The label goes on the side of the line away from the latest figure, so they do not overlap.
    const shownSeries = flow ? cumulative : values;
    const latest = [...shownSeries].reverse().find((v): v is number => v !== null) ?? null;
    const labelBelow = target !== null && latest !== null && latest >= target.value;
    const targetTop = target ? (target.comparator === 'between' ? (target.valueMax ?? target.value) : target.value) : null;
    // The axis must hold every bar and point drawn (a month's ratio can top the running figure).
    const dataTop = Math.max(0, ...[...values, ...(flow ? cumulative : [])].filter((v): v is number => v !== null));
    let yMax: number | undefined;
    if (targetTop !== null && targetTop > dataTop) {
      yMax = niceCeil(targetTop * 1.08);
      if (indicator.maxValue !== null && indicator.maxValue >= targetTop) yMax = Math.min(yMax, indicator.maxValue);
    }

    const markLine = target
      ? {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed' as const, color: TARGET, width: 1.5 },
          label: { formatter: targetLabel, position: labelBelow ? ('insideEndBottom' as const) : ('insideEndTop' as const), color: TARGET, fontSize: 11 },
          data:
            target.comparator === 'between'
              ? [{ yAxis: target.value }, { yAxis: target.valueMax ?? target.value }]
              : [{ yAxis: target.value }],
        }
      : undefined;
    const markArea =
      target && target.comparator === 'between'
        ? { silent: true, itemStyle: { color: 'rgba(56, 158, 13, 0.08)' }, data: [[{ yAxis: target.value }, { yAxis: target.valueMax ?? target.value }]] as never }
        : undefined;

    const perPeriodName = flow ? t('indicators.detail.perPeriod') : t('indicators.detail.value');
    const cumulativeName = t('indicators.detail.cumulative');
    const axisNumber = (v: number) => `${formatNumberIn(v, lang, 2)}${unit === '%' ? '%' : ''}`;

    return {
      animationDuration: 400,
      grid: { left: 8, right: 16, top: flow ? 40 : 24, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: flow ? { top: 0, left: 0, itemWidth: 14, itemHeight: 10, data: [perPeriodName, cumulativeName] } : undefined,
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (raw: unknown) => {
          const list = (Array.isArray(raw) ? raw : [raw]) as { dataIndex: number; seriesName: string; marker: string; value: number | null }[];
          const first = list[0];
          if (!first) return '';
          const period = points[first.dataIndex]?.period ?? '';
          const lines = list.map((p) => `${p.marker}${escapeHtml(p.seriesName)}: <b>${escapeHtml(formatValue(t, p.value, unit, lang, decimals))}</b>`);
          return [`<b>${escapeHtml(periodText(period, lang))}</b>`, ...lines].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: points.map((p) => shortPeriodText(p.period, lang)),
        axisTick: { alignWithLabel: true },
        axisLabel: { hideOverlap: true },
      },
      yAxis: { type: 'value', max: yMax, axisLabel: { formatter: axisNumber }, splitLine: { lineStyle: { color: '#eef0f4' } } },
      series: flow
        ? [
            { name: perPeriodName, type: 'bar', data: values, itemStyle: { color: PRIMARY, borderRadius: [3, 3, 0, 0] }, barMaxWidth: 28 },
            {
              name: cumulativeName,
              type: 'line',
              data: cumulative,
              itemStyle: { color: SECONDARY },
              lineStyle: { width: 2 },
              symbolSize: 6,
              markLine,
              markArea,
            },
          ]
        : [
            {
              name: perPeriodName,
              type: 'line',
              data: values,
              connectNulls: true,
              itemStyle: { color: PRIMARY },
              lineStyle: { width: 2.5 },
              symbolSize: 7,
              areaStyle: { color: 'rgba(11, 92, 173, 0.08)' },
              markLine,
              markArea,
            },
          ],
    };
  }, [points, indicator, target, t, lang]);

  if (series.error && !series.data) return <LoadError error={series.error} onRetry={() => void series.refetch()} />;
  if (series.isLoading || (!hasData && series.isPlaceholderData)) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (!hasData) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicators.detail.chartEmpty', { unit: unitName, year })} data-testid="indicator-chart-empty" />;
  const height = isMobile ? 260 : 320;
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
      {/* While another unit's or year's figures load, the last chart stays, dimmed. */}
      <Spin spinning={series.isPlaceholderData}>
        <div data-unit={series.data?.orgUnit.code} data-loading={series.isPlaceholderData ? 'true' : undefined} data-testid="indicator-chart">
          <EChart option={option} height={height} ariaLabel={t('indicators.detail.chartLabel')} className="indicator-chart" />
        </div>
      </Spin>
    </Suspense>
  );
}
