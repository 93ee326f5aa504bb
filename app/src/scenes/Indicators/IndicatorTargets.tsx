import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlans, useTargets } from '../../api/indicators';
import type { Indicator, Target } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { formatTarget, langOf } from '../../lib/indicators';
import { useIsMobile } from '../../lib/useIsMobile';

/** Every target set for the indicator: the document that set it, the year, where it applies, the value. */
export function IndicatorTargets({ indicator, year }: { indicator: Indicator; year: number }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const isMobile = useIsMobile();
  const targets = useTargets({ indicator: indicator.code, limit: 1000 });
  const plans = usePlans();
  const titles = useMemo(() => new Map((plans.data?.items ?? []).map((p) => [p.id, p.title])), [plans.data]);
  const rows = useMemo(
    () =>
      [...(targets.data?.items ?? [])].sort(
        (a, b) => b.year - a.year || Number(a.scope === 'level') - Number(b.scope === 'level') || a.orgUnit.name.localeCompare(b.orgUnit.name, 'vi'),
      ),
    [targets.data],
  );

  const scopeText = (r: Target) =>
    r.scope === 'level' && r.level ? t('indicators.targets.levelScope', { level: t(`targetLevel.${r.level}`), unit: r.orgUnit.name }) : r.orgUnit.name;
  const planCell = (r: Target) =>
    r.plan ? (
      <div className="target-plan">
        <Typography.Text>{r.plan.number}</Typography.Text>
        {titles.get(r.plan.id) ? (
          <Typography.Text type="secondary" className="target-plan-title" ellipsis={{ tooltip: titles.get(r.plan.id) }}>
            {titles.get(r.plan.id)}
          </Typography.Text>
        ) : null}
      </div>
    ) : (
      <Typography.Text type="secondary">{t('indicators.targets.noPlan')}</Typography.Text>
    );

  const columns: ColumnsType<Target> = [
    { key: 'year', title: t('indicators.targets.year'), dataIndex: 'year', width: 72, render: (y: number) => (y === year ? <Typography.Text strong>{y}</Typography.Text> : y) },
    {
      key: 'scope',
      title: t('indicators.targets.scope'),
      render: (_v, r) => (
        <div className="target-scope">
          <span>{scopeText(r)}</span>
          {isMobile ? <span className="target-scope-plan">{r.plan?.number ?? ''}</span> : null}
          {r.parentTargetId ? <Tag className="target-derived">{t('indicators.targets.derived')}</Tag> : null}
        </div>
      ),
    },
    { key: 'value', title: t('indicators.targets.value'), width: isMobile ? 110 : 150, render: (_v, r) => <Typography.Text strong>{formatTarget(t, r, indicator.unit, lang, indicator.decimals)}</Typography.Text> },
    { key: 'plan', title: t('indicators.targets.plan'), width: 220, responsive: ['md'], render: (_v, r) => planCell(r) },
    { key: 'note', title: t('indicators.targets.note'), dataIndex: 'note', responsive: ['xl'], render: (n: string | null) => n ?? '' },
  ];

  if (targets.error && !targets.data) return <LoadError error={targets.error} onRetry={() => void targets.refetch()} />;
  return (
    <Table<Target>
      rowKey="id"
      data-testid="indicator-targets"
      columns={columns}
      dataSource={rows}
      loading={targets.isLoading}
      size="small"
      tableLayout="fixed"
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicators.detail.targetsEmpty')} /> }}
    />
  );
}
