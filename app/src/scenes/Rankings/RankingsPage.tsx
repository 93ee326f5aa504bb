import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Empty, Popconfirm, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { rankingsApi, useIndexModels, useRanking, useRankingMutation, type IndexModel, type Ranking, type RankingRow } from '../../api/rankings';
import { useCurrentUser } from '../../auth/useAuth';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useIsMobile } from '../../lib/useIsMobile';
import { mayDo } from '../Tasks/widgets';
import { ModelEditor } from './ModelEditor';
import './rankings.css';

const EChart = lazy(() => import('../../components/EChart').then((m) => ({ default: m.EChart })));

const FIRST_YEAR = 2020;

/** Index values as the DTI publishes them: 4 decimals (0,9430). */
const fixed4 = (x: number, lang: string) => x.toLocaleString(lang.startsWith('vi') ? 'vi-VN' : 'en-US', { minimumFractionDigits: 4, maximumFractionDigits: 4 });

/** The year shown first: the one after the last published (what is being assessed now), at most this year. */
function defaultYear(model: IndexModel | undefined): number {
  const now = new Date().getFullYear();
  const last = model?.publishedYears.at(-1);
  return last === undefined ? now : Math.min(now, last + 1);
}

export function Change({ change }: { change: RankingRow['change'] }) {
  const { t } = useTranslation();
  if (!change) return <span data-testid="ranking-change" data-change="">—</span>;
  const r = change.rank;
  const icon = r > 0 ? <ArrowUpOutlined /> : r < 0 ? <ArrowDownOutlined /> : <MinusOutlined />;
  const cls = r > 0 ? 'rank-up' : r < 0 ? 'rank-down' : 'rank-same';
  return (
    <span className={cls} data-testid="ranking-change" data-change={r} title={t('rankings.changeTitle', { rank: r, score: change.score })}>
      {icon} {r !== 0 ? Math.abs(r) : ''}
    </span>
  );
}

/** Xếp hạng: a DTI-style index model's ranking of units for a year, its pillars, and the model editor. */
export default function RankingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const isMobile = useIsMobile();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const models = useIndexModels();
  const modelId = Number(params.get('model')) || models.data?.items[0]?.id;
  const model = models.data?.items.find((m) => m.id === modelId);
  const year = Number(params.get('year')) || defaultYear(model);
  const ranking = useRanking(model?.id, year);
  const [selected, setSelected] = useState<number | undefined>();
  const [editing, setEditing] = useState<'edit' | 'new' | null>(null);
  const canManage = mayDo(user, 'plan.write');
  const publish = useRankingMutation(({ id, y }: { id: number; y: number }) => rankingsApi.publish(id, y));
  const unpublish = useRankingMutation(({ id, y }: { id: number; y: number }) => rankingsApi.unpublish(id, y));
  const n4 = (x: number) => fixed4(x, i18n.language);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    if (key === 'model' && value !== params.get('model')) next.delete('year');
    setParams(next, { replace: true });
    setSelected(undefined);
  };
  /** Keep the year shown in the address: publishing moves the default year on. */
  const pinYear = () => {
    const next = new URLSearchParams(params);
    next.set('year', String(year));
    if (model) next.set('model', String(model.id));
    setParams(next, { replace: true });
  };

  const years = useMemo(() => {
    const list: number[] = [];
    for (let y = new Date().getFullYear(); y >= FIRST_YEAR; y--) list.push(y);
    return list;
  }, []);

  const data = ranking.data;
  const selectedRow = data?.rows.find((r) => r.unitId === selected);

  const columns: ColumnsType<RankingRow> = [
    { key: 'rank', title: t('rankings.columns.rank'), width: 64, align: 'center', fixed: isMobile ? undefined : 'left', render: (_v, r) => <strong data-testid="ranking-rank">{r.rank}</strong> },
    {
      key: 'unit',
      title: t('rankings.columns.unit'),
      width: isMobile ? 150 : 220,
      render: (_v, r) => (
        <span>
          {r.unitName}
          {r.missing > 0 ? (
            <Tag color="orange" className="ranking-missing" title={t('rankings.missingTitle', { count: r.missing })}>
              {t('rankings.missing', { count: r.missing })}
            </Tag>
          ) : null}
        </span>
      ),
    },
    { key: 'score', title: t('rankings.columns.score'), width: 90, align: 'right', render: (_v, r) => <strong data-testid="ranking-score">{n4(r.score)}</strong> },
    ...(data?.pillars ?? []).map((p, k) => ({
      key: `p${p.id}`,
      title: <span title={`${p.name} · ${t('rankings.weight')} ${formatNumber(p.weight, i18n.language, 4)}`}>{p.name}</span>,
      width: 110,
      align: 'right' as const,
      render: (_v: unknown, r: RankingRow) => n4(r.pillars[k]?.value ?? 0),
    })),
    { key: 'change', title: t('rankings.columns.change'), width: 90, align: 'center', render: (_v, r) => <Change change={r.change} /> },
  ];

  let body;
  if (models.error) body = <LoadError error={models.error} onRetry={() => void models.refetch()} />;
  else if (!models.data) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (!model) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rankings.noModels')} data-testid="rankings-empty" />;
  else if (ranking.error && !data) body = <LoadError error={ranking.error} onRetry={() => void ranking.refetch()} />;
  else if (!data) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else
    body = (
      <Table<RankingRow>
        rowKey="unitId"
        data-testid="rankings-table"
        columns={columns}
        dataSource={data.rows}
        size="small"
        tableLayout="fixed"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        onRow={(r) =>
          ({
            onClick: () => setSelected(r.unitId),
            className: `clickable-row${r.unitId === selected ? ' ranking-selected' : ''}`,
            'data-testid': 'ranking-row',
            'data-unit': r.unitCode,
            'data-rank': r.rank,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    );

  const status = data ? (
    <div className="ranking-status" data-testid="ranking-status" data-published={data.published ? 'true' : 'false'}>
      {data.published ? (
        <Tag color="green">{t('rankings.published', { date: formatDateTime(data.publishedAt), by: data.publishedBy ?? '' })}</Tag>
      ) : (
        <Tag color="blue">{t('rankings.live')}</Tag>
      )}
      <Typography.Text type="secondary">
        {t('rankings.summary', { count: data.rows.length, average: n4(data.average.score) })}
        {data.previousYear ? ` · ${t(data.previousYear.published ? 'rankings.vsPublished' : 'rankings.vsLive', { year: data.previousYear.year })}` : ''}
      </Typography.Text>
    </div>
  ) : null;

  const actions =
    canManage && model ? (
      <Space wrap>
        {data && !data.published ? (
          <Popconfirm
            title={t('rankings.publishConfirm', { year })}
            okText={t('rankings.publish')}
            okButtonProps={{ 'data-testid': 'ranking-publish-ok' } as ButtonProps}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              publish.mutate({ id: model.id, y: year }, { onSuccess: () => { pinYear(); void message.success(t('rankings.publishedOk', { year })); }, onError: (e) => void message.error(errorMessage(e, t)) })
            }
          >
            <Button type="primary" loading={publish.isPending} data-testid="ranking-publish">
              {t('rankings.publish')}
            </Button>
          </Popconfirm>
        ) : null}
        {data?.published ? (
          <Popconfirm
            title={t('rankings.unpublishConfirm', { year })}
            okText={t('rankings.unpublish')}
            okButtonProps={{ 'data-testid': 'ranking-unpublish-ok' } as ButtonProps}
            cancelText={t('common.cancel')}
            onConfirm={() => unpublish.mutate({ id: model.id, y: year }, { onSuccess: pinYear, onError: (e) => void message.error(errorMessage(e, t)) })}
          >
            <Button danger loading={unpublish.isPending} data-testid="ranking-unpublish">
              {t('rankings.unpublish')}
            </Button>
          </Popconfirm>
        ) : null}
        <Button icon={<EditOutlined />} onClick={() => setEditing('edit')} data-testid="model-edit">
          {t('rankings.editModel')}
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="model-create">
          {t('rankings.newModel')}
        </Button>
      </Space>
    ) : canManage && models.data && !model ? (
      <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="model-create">
        {t('rankings.newModel')}
      </Button>
    ) : undefined;

  return (
    <>
      <PageHeader title={t('rankings.title')} subtitle={isMobile ? undefined : t('rankings.subtitle')} extra={actions} />
      <Card className="table-card ranking-card">
        <div className="ranking-filters" data-testid="ranking-filters">
          <Select<number>
            value={model?.id}
            onChange={(v) => set('model', String(v))}
            options={(models.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
            aria-label={t('rankings.model')}
            className="ranking-model-select"
            popupMatchSelectWidth={false}
            data-testid="ranking-model"
          />
          <Select<number>
            value={year}
            onChange={(v) => set('year', String(v))}
            options={years.map((y) => ({ value: y, label: model?.publishedYears.includes(y) ? `${y} · ${t('rankings.publishedShort')}` : String(y) }))}
            aria-label={t('rankings.year')}
            className="ranking-year-select"
            data-testid="ranking-year"
          />
        </div>
        {status}
        {body}
      </Card>
      {data && selectedRow ? <Breakdown data={data} row={selectedRow} onClose={() => setSelected(undefined)} /> : null}
      {editing && models.data ? <ModelEditor model={editing === 'edit' ? model : undefined} onClose={() => setEditing(null)} onSaved={(id) => (id === model?.id ? pinYear() : set('model', String(id)))} /> : null}
    </>
  );
}

/** A unit's pillars against the average of the units ranked, and its components' figures and points. */
function Breakdown({ data, row, onClose }: { data: Ranking; row: RankingRow; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const n4 = (x: number) => fixed4(x, i18n.language);
  const names = data.pillars.map((p) => p.name);
  const option = {
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value' as const, min: 0, max: 1 },
    yAxis: { type: 'category' as const, data: names, inverse: true, axisLabel: { width: 140, overflow: 'truncate' as const } },
    series: [
      { name: row.unitName, type: 'bar' as const, data: row.pillars.map((p) => p.value) },
      { name: t('rankings.average'), type: 'bar' as const, data: data.average.pillars.map((p) => p.value) },
    ],
  };
  return (
    <Card
      className="ranking-breakdown"
      data-testid="ranking-breakdown"
      data-unit={row.unitCode}
      title={
        <span>
          {t('rankings.breakdownTitle', { unit: row.unitName, rank: row.rank, score: n4(row.score) })} <Change change={row.change} />
        </span>
      }
      extra={
        <Button size="small" onClick={onClose} data-testid="ranking-breakdown-close">
          {t('common.close')}
        </Button>
      }
    >
      <Suspense fallback={<Skeleton active />}>
        <EChart option={option} height={Math.max(220, 44 * names.length)} ariaLabel={t('rankings.chartLabel', { unit: row.unitName })} data-testid="ranking-chart" />
      </Suspense>
      <div className="ranking-components">
        {data.pillars.map((p) => (
          <div key={p.id} className="ranking-pillar">
            <Typography.Text strong>
              {p.name} — {n4(row.pillars.find((x) => x.pillarId === p.id)?.value ?? 0)}
            </Typography.Text>
            <ul>
              {data.components
                .filter((c) => c.pillarId === p.id)
                .map((c) => {
                  const s = row.components.find((x) => x.componentId === c.id);
                  return (
                    <li key={c.id} data-testid="ranking-component">
                      {c.indicator.name}: {s?.value === null || s === undefined ? <Tag color="orange">{t('rankings.noValue')}</Tag> : formatNumber(s.value, i18n.language, 2)}
                      {' → '}
                      {t('rankings.points', { points: formatNumber(s?.points ?? 0, i18n.language, 2), max: formatNumber(c.maxPoints, i18n.language, 2) })}
                      <Typography.Text type="secondary"> ({t(`rankings.normalisation.${c.normalisation}`)})</Typography.Text>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
      </div>
      {row.missing > 0 ? <Alert type="warning" showIcon message={t('rankings.missingTitle', { count: row.missing })} /> : null}
    </Card>
  );
}
