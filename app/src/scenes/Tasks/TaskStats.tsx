import { Card, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartOption } from '../../components/EChart';
import { LoadError } from '../../components/LoadError';
import { useTaskStatistics } from '../../api/tasks';
import type { TaskStatus } from '../../api/types';
import { formatDate, formatNumber } from '../../lib/format';
import { TASK_STATUS_HEX } from './widgets';

const EChart = lazy(() => import('../../components/EChart'));

interface Props {
  plan?: number;
  leadUnit?: number;
  /** A tile opens the list filtered to its tasks. */
  onPick: (status: TaskStatus | 'overdue' | null) => void;
}

/** Seed 004's sentence about tasks, as tiles, a sentence and a bar chart. */
export function TaskStats({ plan, leadUnit, onPick }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'vi';
  const stats = useTaskStatistics(plan, leadUnit);
  const c = stats.data?.total;
  const tiles = useMemo(
    () =>
      c
        ? ([
            { key: 'assigned', value: c.assigned, pick: null, color: '#262626' },
            { key: 'completedOnTime', value: c.completed.onTime, pick: 'completed_on_time', color: TASK_STATUS_HEX.completed_on_time },
            { key: 'completedLate', value: c.completed.late, pick: 'completed_late', color: TASK_STATUS_HEX.completed_late },
            { key: 'inProgressOnTime', value: c.inProgress.onTime, pick: 'in_progress_on_time', color: TASK_STATUS_HEX.in_progress_on_time },
            { key: 'inProgressOverdue', value: c.inProgress.overdue, pick: 'in_progress_overdue', color: TASK_STATUS_HEX.in_progress_overdue },
            { key: 'notStarted', value: c.notStarted, pick: 'not_started', color: TASK_STATUS_HEX.not_started },
            { key: 'paused', value: c.paused, pick: 'paused', color: TASK_STATUS_HEX.paused },
            { key: 'notCarriedOut', value: c.notCarriedOut, pick: 'cancelled', color: TASK_STATUS_HEX.cancelled },
            { key: 'overdue', value: c.overdue, pick: 'overdue', color: TASK_STATUS_HEX.in_progress_overdue },
          ] as const)
        : [],
    [c],
  );
  const option = useMemo<EChartOption>(() => {
    const bars = tiles.filter((x) => x.key !== 'assigned' && x.key !== 'overdue');
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => t(`tasks.stats.${b.key}`)), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t('tasks.stats.tasks'),
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
          label: { show: true, position: 'right' },
          barMaxWidth: 18,
        },
      ],
    };
  }, [tiles, t]);

  if (stats.error && !stats.data) return <LoadError error={stats.error} onRetry={() => void stats.refetch()} />;
  if (!c) return <Skeleton active paragraph={{ rows: 3 }} />;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <Card className="task-stats-card" size="small" data-testid="task-stats" data-loading={stats.isPlaceholderData || stats.isFetching ? 'true' : undefined}>
      <Typography.Text strong>{t('tasks.stats.title', { date: formatDate(stats.data!.asOf) })}</Typography.Text>
      <div className="task-stats">
        <div className="task-tiles">
          {tiles.map((tile) => (
            <button
              type="button"
              key={tile.key}
              className="task-tile"
              style={{ borderTopColor: tile.color }}
              onClick={() => onPick(tile.pick)}
              data-testid={`task-stats-${tile.key}`}
              data-value={tile.value}
            >
              <span className="task-tile-value">{n(tile.value)}</span>
              <span className="task-tile-label">{t(`tasks.stats.${tile.key}`)}</span>
            </button>
          ))}
        </div>
        <div className="task-stats-chart">
          <Suspense fallback={<Skeleton.Node active />}>
            <EChart option={option} height={220} ariaLabel={t('tasks.stats.chart')} data-testid="task-stats-chart" />
          </Suspense>
        </div>
      </div>
      <Typography.Paragraph type="secondary" className="task-stats-sentence" data-testid="task-stats-sentence">
        {t('tasks.stats.sentence', {
          assigned: n(c.assigned),
          doing: n(c.doneOrInProgress),
          completed: n(c.completed.total),
          onTime: n(c.completed.onTime),
          late: n(c.completed.late),
          inProgress: n(c.inProgress.total),
          ipOnTime: n(c.inProgress.onTime),
          ipOverdue: n(c.inProgress.overdue),
          notStarted: n(c.notStarted),
          notCarriedOut: n(c.notCarriedOut),
        })}
      </Typography.Paragraph>
    </Card>
  );
}
