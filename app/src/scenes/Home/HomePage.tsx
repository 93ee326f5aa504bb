/**
 * Tổng quan — the leaders' dashboard (GET /dashboard): for a plan (and the plans implementing it), a
 * year and a unit's subtree, the targets by pillar as tiles (actual vs target, gap, forecast at the
 * deadline, status colour), the tasks by status and lead unit with the overdue list, reporting
 * compliance by unit, the units below with a summary each, and the ranking's top and bottom
 * (GET /rankings/top). Clicking a unit — a compliance bar, a row — drills down: the unit goes into
 * the address (?unit=), so the back button climbs back up. ?plan= and ?year= likewise.
 */
import { ArrowRightOutlined, InfoCircleOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Card, Col, Empty, Input, Row, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { foldVietnamese } from '../../../../domain/text';
import { TILE_STATUSES, useDashboard, useRankingTop, type Dashboard, type DashboardTile, type TileStatus } from '../../api/dashboard';
import { useCurrentUser } from '../../auth/useAuth';
import type { EChartOption } from '../../components/EChart';
import { LoadError } from '../../components/LoadError';
import { formatDate } from '../../lib/format';
import { formatNumberIn, formatTarget, formatValue, langOf, periodText, pillarLabel } from '../../lib/indicators';

type Lang = ReturnType<typeof langOf>;
import { useIsMobile } from '../../lib/useIsMobile';
import { usePageTitle } from '../../lib/usePageTitle';
import './dashboard.css';

// The chart chunk is fetched at once, alongside the dashboard's figures, not after them.
const loadEChart = () => import('../../components/EChart');
void loadEChart();
const EChart = lazy(loadEChart);

export const TILE_HEX: Record<TileStatus, string> = {
  achieved: '#389e0d',
  on_track: '#1677ff',
  at_risk: '#d46b08',
  off_track: '#cf1322',
  no_data: '#bfbfbf',
};
const TILE_TAG: Record<TileStatus, string> = { achieved: 'success', on_track: 'processing', at_risk: 'warning', off_track: 'error', no_data: 'default' };
const COMPLIANCE_HEX = { onTime: '#389e0d', late: '#d46b08', missing: '#cf1322' } as const;
const TASK_CLASSES = ['completedOnTime', 'completedLate', 'inProgressOnTime', 'inProgressOverdue', 'notStarted', 'paused', 'notCarriedOut'] as const;
const TASK_HEX: Record<(typeof TASK_CLASSES)[number], string> = {
  completedOnTime: '#389e0d',
  completedLate: '#95de64',
  inProgressOnTime: '#1677ff',
  inProgressOverdue: '#cf1322',
  notStarted: '#faad14',
  paused: '#8c8c8c',
  notCarriedOut: '#d9d9d9',
};
/** How many units the compliance chart shows (the lowest on-time rates); the table lists them all. */
const CHART_UNITS = 15;

const toInt = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export default function HomePage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const user = useCurrentUser();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  usePageTitle(t('nav.home'));
  const query = { planId: toInt(params.get('plan')), year: toInt(params.get('year')), unitId: toInt(params.get('unit')) };
  const dash = useDashboard(query);
  const data = dash.data;
  const ranking = useRankingTop(data?.year, data?.unit.id);

  /** Pushes (not replaces) the new address, so the back button returns to the previous view. */
  const go = (changes: Record<string, number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };
  const drill = (unitId: number) => go({ unit: unitId, plan: data?.plan?.id, year: data?.year });

  return (
    <div className="home dashboard" data-testid="dashboard" data-unit={data?.unit.id} data-loading={dash.isFetching ? 'true' : undefined}>
      <Typography.Paragraph className="dashboard-welcome" data-testid="home-welcome">
        {t('dashboard.welcome', { name: user.fullName, unit: data?.unit.name ?? '…' })}
      </Typography.Paragraph>

      {dash.isError && !data ? (
        <LoadError error={dash.error} onRetry={() => dash.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Card size="small" className="dashboard-filters" data-testid="dashboard-filters">
            <Space wrap size={[12, 8]} className="dashboard-filter-row">
              <label className="dashboard-filter">
                <span className="dashboard-filter-label">{t('dashboard.plan')}</span>
                <Select
                  data-testid="dashboard-plan"
                  className="dashboard-plan-select"
                  value={data.plan?.id}
                  onChange={(v: number) => go({ plan: v, year: data.year, unit: data.unit.id })}
                  options={data.plans.map((p) => ({ value: p.id, label: `${p.number} — ${p.title}` }))}
                  popupMatchSelectWidth={false}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('dashboard.noPlan')}
                />
              </label>
              <label className="dashboard-filter">
                <span className="dashboard-filter-label">{t('dashboard.year')}</span>
                <Select
                  data-testid="dashboard-year"
                  value={data.year}
                  onChange={(v: number) => go({ year: v, plan: data.plan?.id, unit: data.unit.id })}
                  options={data.years.map((y) => ({ value: y, label: String(y) }))}
                  style={{ width: 96 }}
                />
              </label>
            </Space>
            <Breadcrumb
              className="dashboard-breadcrumb"
              data-testid="dashboard-breadcrumb"
              items={data.path.map((u, i) => ({
                key: u.id,
                title:
                  i === data.path.length - 1 ? (
                    <span data-testid="dashboard-crumb" data-unit={u.id} aria-current="page">
                      {u.name}
                    </span>
                  ) : (
                    <a
                      data-testid="dashboard-crumb"
                      data-unit={u.id}
                      href={`/?unit=${u.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        drill(u.id);
                      }}
                    >
                      {u.name}
                    </a>
                  ),
              }))}
            />
            <Typography.Text type="secondary" className="dashboard-asof">
              {t('dashboard.asOf', { date: formatDate(data.asOf) })}
              {data.planTree.length > 1 ? ` · ${t('dashboard.planTreeNote', { count: data.planTree.length - 1 })}` : ''}
            </Typography.Text>
          </Card>

          <Pillars data={data} lang={lang} />

          <TasksCard data={data} lang={lang} isMobile={isMobile} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={13}>
              <OverdueCard data={data} lang={lang} />
            </Col>
            <Col xs={24} xl={11}>
              <RankingCard year={data.year} loading={ranking.isLoading} ranking={ranking.data ?? null} lang={lang} onOpen={drill} />
            </Col>
          </Row>

          <ComplianceCard data={data} lang={lang} isMobile={isMobile} onOpen={drill} />
          <ChildrenCard data={data} lang={lang} isMobile={isMobile} onOpen={drill} />
        </>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Target tiles

function Pillars({ data, lang }: { data: Dashboard; lang: Lang }) {
  const { t } = useTranslation();
  if (data.pillars.length === 0) {
    return (
      <Card title={t('dashboard.targets.title')} className="dashboard-card">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.targets.none', { year: data.year })} data-testid="dashboard-targets-empty" />
      </Card>
    );
  }
  return (
    <Row gutter={[16, 16]} className="dashboard-pillars" data-testid="dashboard-pillars">
      {data.pillars.map((p) => {
        // A pillar with few tiles takes only the room they need, so small pillars sit side by side.
        const n = Math.min(p.tiles.length, 3);
        return (
          <Col key={p.pillar} xs={24} sm={n >= 2 ? 24 : 12} xl={n * 8}>
            <section className="dashboard-pillar" data-testid="dashboard-pillar" data-pillar={p.pillar}>
              <div className="dashboard-pillar-head">
                <Typography.Title level={5} className="dashboard-pillar-title">
                  {pillarLabel(t, p.pillar === 'other' ? null : p.pillar)}
                </Typography.Title>
                <Space size={4} wrap>
                  {TILE_STATUSES.filter((s) => p.counts[s] > 0).map((s) => (
                    <Tag key={s} color={TILE_TAG[s]} className="dashboard-count-tag">
                      {t(`dashboard.status.${s}`)}: {p.counts[s]}
                    </Tag>
                  ))}
                </Space>
              </div>
              <Row gutter={[12, 12]}>
                {p.tiles.map((tile) => (
                  <Col key={tile.id} xs={24} sm={n === 1 ? 24 : 12} xl={24 / n}>
                    <TargetTile tile={tile} lang={lang} />
                  </Col>
                ))}
              </Row>
            </section>
          </Col>
        );
      })}
    </Row>
  );
}

function TargetTile({ tile, lang }: { tile: DashboardTile; lang: Lang }) {
  const { t } = useTranslation();
  const { indicator } = tile;
  const fmt = (v: number | null) => formatValue(t, v, indicator.unit, lang, Math.min(indicator.decimals, 2));
  const target = formatTarget(t, tile.target, indicator.unit, lang, Math.min(indicator.decimals, 2));
  const levelName = tile.target.level ? t(`dashboard.levels.${tile.target.level}` as never) : '';
  const gapText =
    tile.gap === null
      ? t('common.none')
      : Math.abs(tile.gap) < 1e-9
        ? t('dashboard.targets.met')
        : tile.gap > 0
          ? t('dashboard.targets.short', { value: fmt(tile.gap) })
          : t('dashboard.targets.exceeded', { value: fmt(-tile.gap) });
  const option = useMemo(() => tileChart(tile), [tile]);
  return (
    <div className="dashboard-tile" style={{ borderLeftColor: TILE_HEX[tile.status] }} data-testid="dashboard-tile" data-status={tile.status} data-indicator={indicator.code} data-mode={tile.mode}>
      <div className="dashboard-tile-head">
        <Link to={`/indicators/${encodeURIComponent(indicator.code)}`} className="dashboard-tile-name" title={indicator.name}>
          {indicator.name}
        </Link>
        <Tag color={TILE_TAG[tile.status]} className="dashboard-tile-status" data-testid="dashboard-tile-status">
          {t(`dashboard.status.${tile.status}`)}
        </Tag>
      </div>
      <div className="dashboard-tile-figures">
        <div>
          <div className="dashboard-tile-label">{t('dashboard.targets.actual')}</div>
          <div className="dashboard-tile-actual" data-testid="dashboard-tile-actual">
            {fmt(tile.actual)}
          </div>
        </div>
        <div>
          <div className="dashboard-tile-label">
            {t('dashboard.targets.target')} {tile.target.year}
          </div>
          <div className="dashboard-tile-target">{target}</div>
        </div>
      </div>
      {tile.mode === 'unit' ? (
        <>
          {option ? (
            <Suspense fallback={<div style={{ height: 64 }} />}>
              <EChart
                option={option}
                height={64}
                ariaLabel={t('dashboard.targets.chartLabel', { indicator: indicator.name, actual: fmt(tile.actual), forecast: fmt(tile.forecast), target })}
              />
            </Suspense>
          ) : null}
          <div className="dashboard-tile-foot">
            <span data-testid="dashboard-tile-gap">
              {t('dashboard.targets.gap')}: {gapText}
            </span>
            <Tooltip title={t(`dashboard.targets.method.${tile.forecastMethod}`, { date: formatDate(tile.target.deadline) })}>
              <span className="dashboard-tile-forecast" data-testid="dashboard-tile-forecast" data-method={tile.forecastMethod}>
                {t('dashboard.targets.forecastAt', { date: formatDate(tile.target.deadline) })}: {fmt(tile.forecast)} <InfoCircleOutlined />
              </span>
            </Tooltip>
          </div>
          {tile.latestPeriod ? (
            <Typography.Text type="secondary" className="dashboard-tile-note">
              {t('dashboard.targets.latest', { period: periodText(tile.latestPeriod, lang) })}
            </Typography.Text>
          ) : null}
        </>
      ) : tile.level ? (
        <>
          <div className="dashboard-level-bar" aria-hidden="true">
            {TILE_STATUSES.map((s) =>
              tile.level!.counts[s] ? <span key={s} style={{ flex: tile.level!.counts[s], background: TILE_HEX[s] }} title={`${t(`dashboard.status.${s}`)}: ${tile.level!.counts[s]}`} /> : null,
            )}
          </div>
          <div className="dashboard-tile-foot">
            <span data-testid="dashboard-tile-level">{t('dashboard.targets.levelMeeting', { meeting: tile.level.meeting, units: tile.level.units })}</span>
            <Tooltip title={t('dashboard.targets.levelNote', { level: levelName })}>
              <span className="dashboard-tile-forecast">
                {t('dashboard.targets.level', { level: levelName })} <InfoCircleOutlined />
              </span>
            </Tooltip>
          </div>
        </>
      ) : null}
    </div>
  );
}

/** Actual and forecast as two bars against the target line. */
function tileChart(tile: DashboardTile): EChartOption | null {
  if (tile.actual === null) return null;
  const goal = tile.target.comparator === 'between' && tile.indicator.direction === 'lower' ? (tile.target.valueMax ?? tile.target.value) : tile.target.value;
  const values = [tile.actual, tile.forecast ?? null];
  const max = Math.max(goal, ...values.filter((v): v is number => v !== null)) * 1.08 || 1;
  return {
    animation: false,
    grid: { left: 4, right: 12, top: 6, bottom: 4, containLabel: false },
    xAxis: { type: 'value', min: 0, max, show: false },
    yAxis: { type: 'category', data: ['actual', 'forecast'], show: false, inverse: true },
    tooltip: { show: false },
    series: [
      {
        type: 'bar',
        barWidth: 12,
        data: [
          { value: tile.actual, itemStyle: { color: TILE_HEX[tile.status] } },
          { value: tile.forecast ?? 0, itemStyle: { color: TILE_HEX[tile.status], opacity: 0.35 } },
        ],
        markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: '#262626', type: 'dashed', width: 2 }, data: [{ xAxis: goal }] },
      },
    ],
  } as EChartOption;
}

// ---------------------------------------------------------------------------------------------
// Tasks

function TasksCard({ data, lang, isMobile }: { data: Dashboard; lang: Lang; isMobile: boolean }) {
  const { t } = useTranslation();
  const { total, byLeadUnit } = data.tasks;
  const classes: Record<(typeof TASK_CLASSES)[number], number> = {
    completedOnTime: total.completed.onTime,
    completedLate: total.completed.late,
    inProgressOnTime: total.inProgress.onTime,
    inProgressOverdue: total.inProgress.overdue,
    notStarted: total.notStarted,
    paused: total.paused,
    notCarriedOut: total.notCarriedOut,
  };
  const donut: EChartOption = useMemo(
    () =>
      ({
        animation: false,
        tooltip: { trigger: 'item' },
        legend: { bottom: 0, left: 'center', itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } },
        series: [
          {
            type: 'pie',
            radius: ['40%', '62%'],
            center: ['50%', '36%'],
            label: { show: false },
            data: TASK_CLASSES.filter((k) => classes[k] > 0).map((k) => ({ name: t(`dashboard.tasks.class.${k}`), value: classes[k], itemStyle: { color: TASK_HEX[k] } })),
          },
        ],
      }) as EChartOption,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, t, isMobile],
  );
  const units = byLeadUnit.slice(0, 10);
  const bars: EChartOption = useMemo(
    () =>
      ({
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0, type: 'scroll', itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } },
        grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: units.map((u) => u.unit.name), axisLabel: { width: isMobile ? 110 : 200, overflow: 'truncate', fontSize: 11 } },
        series: [
          { name: t('dashboard.tasks.class.completedOnTime'), type: 'bar', stack: 'x', itemStyle: { color: TASK_HEX.completedOnTime }, data: units.map((u) => u.completed.total) },
          { name: t('dashboard.tasks.class.inProgressOnTime'), type: 'bar', stack: 'x', itemStyle: { color: TASK_HEX.inProgressOnTime }, data: units.map((u) => u.inProgress.onTime + u.paused) },
          { name: t('dashboard.tasks.overdue'), type: 'bar', stack: 'x', itemStyle: { color: TASK_HEX.inProgressOverdue }, data: units.map((u) => u.overdue) },
          {
            name: t('dashboard.tasks.class.notStarted'),
            type: 'bar',
            stack: 'x',
            itemStyle: { color: TASK_HEX.notStarted },
            data: units.map((u) => u.assigned - u.completed.total - u.inProgress.onTime - u.paused - u.overdue),
          },
        ],
      }) as EChartOption,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, t, isMobile],
  );
  return (
    <Card title={t('dashboard.tasks.title')} className="dashboard-card" data-testid="dashboard-tasks">
      {total.assigned === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.tasks.none')} />
      ) : (
        <>
          <Typography.Paragraph data-testid="dashboard-tasks-summary" data-assigned={total.assigned} data-overdue={total.overdue}>
            {t('dashboard.tasks.summary', { assigned: formatNumberIn(total.assigned, lang, 0), completed: formatNumberIn(total.completed.total, lang, 0), overdue: formatNumberIn(total.overdue, lang, 0) })}
          </Typography.Paragraph>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={9}>
              <Typography.Text strong>{t('dashboard.tasks.byStatus')}</Typography.Text>
              <Suspense fallback={<Skeleton.Node active />}>
                <EChart option={donut} height={isMobile ? 300 : 280} ariaLabel={t('dashboard.tasks.chartStatus')} data-testid="dashboard-tasks-donut" />
              </Suspense>
            </Col>
            <Col xs={24} lg={15}>
              <Typography.Text strong>{t('dashboard.tasks.byUnit')}</Typography.Text>
              <Suspense fallback={<Skeleton.Node active />}>
                <EChart option={bars} height={Math.max(200, units.length * 26 + 64)} ariaLabel={t('dashboard.tasks.chartUnit')} data-testid="dashboard-tasks-by-unit" />
              </Suspense>
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}

function OverdueCard({ data, lang }: { data: Dashboard; lang: Lang }) {
  const { t } = useTranslation();
  const { overdue, overdueCount } = data.tasks;
  const overdueLink = `/tasks?overdue=1${data.plan ? `&plan=${data.plan.id}` : ''}&leadUnit=${data.unit.id}`;
  return (
    <Card title={`${t('dashboard.tasks.overdue')} (${formatNumberIn(overdueCount, lang, 0)})`} className="dashboard-card" data-testid="dashboard-overdue-card">
      {overdue.length === 0 ? (
        <Typography.Text type="secondary">{t('dashboard.tasks.noOverdue')}</Typography.Text>
      ) : (
        <ol className="dashboard-overdue" data-testid="dashboard-overdue">
          {overdue.map((task) => (
            <li key={task.id} className="dashboard-overdue-item" data-testid="dashboard-overdue-item" data-task={task.id}>
              <Link to={`/tasks/${task.id}`} className="dashboard-overdue-title">
                {task.ref ? `${task.ref}. ` : ''}
                {task.title}
              </Link>
              <div className="dashboard-overdue-meta">
                <Tag color="error">{t('dashboard.tasks.daysOverdue', { count: task.daysOverdue })}</Tag>
                <Typography.Text type="secondary">
                  {task.leadUnit.name} · {task.plan.number} · {t('dashboard.tasks.due', { date: formatDate(task.dueDate) })}
                </Typography.Text>
              </div>
            </li>
          ))}
        </ol>
      )}
      {overdueCount > overdue.length ? (
        <Link to={overdueLink} data-testid="dashboard-overdue-more">
          {t('dashboard.tasks.overdueMore', { count: overdueCount })} <ArrowRightOutlined />
        </Link>
      ) : null}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// Compliance

function ComplianceCard({ data, lang, isMobile, onOpen }: { data: Dashboard; lang: Lang; isMobile: boolean; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { totals, units, forms } = data.compliance;
  // The units that lag most first; the table below lists them all.
  const shown = useMemo(
    () =>
      [...units]
        .filter((u) => u.onTime + u.late + u.missing > 0)
        .sort((a, b) => (a.rate ?? 101) - (b.rate ?? 101) || b.missing - a.missing || a.unit.name.localeCompare(b.unit.name, 'vi'))
        .slice(0, CHART_UNITS),
    [units],
  );
  const option: EChartOption = useMemo(
    () =>
      ({
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: shown.map((u) => u.unit.name), axisLabel: { width: isMobile ? 110 : 220, overflow: 'truncate', fontSize: 11 }, triggerEvent: true },
        series: (['onTime', 'late', 'missing'] as const).map((k) => ({
          name: t(`dashboard.compliance.${k}`),
          type: 'bar',
          stack: 'reports',
          cursor: 'pointer',
          itemStyle: { color: COMPLIANCE_HEX[k] },
          data: shown.map((u) => u[k]),
        })),
      }) as EChartOption,
    [shown, t, isMobile],
  );
  const open = (index: number) => {
    const u = shown[index];
    if (u && u.unit.id !== data.unit.id) onOpen(u.unit.id);
  };
  return (
    <Card title={t('dashboard.compliance.title', { year: data.year })} className="dashboard-card" data-testid="dashboard-compliance">
      {totals.expected === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.compliance.none')} />
      ) : (
        <>
          <Typography.Paragraph data-testid="dashboard-compliance-summary" data-on-time={totals.onTime} data-late={totals.late} data-missing={totals.missing}>
            {t('dashboard.compliance.summary', {
              expected: formatNumberIn(totals.onTime + totals.late + totals.missing, lang, 0),
              onTime: formatNumberIn(totals.onTime, lang, 0),
              late: formatNumberIn(totals.late, lang, 0),
              missing: formatNumberIn(totals.missing, lang, 0),
            })}
            {totals.rate !== null ? ` · ${t('dashboard.compliance.rate')}: ${formatNumberIn(totals.rate, lang, 2)}%` : ''}
          </Typography.Paragraph>
          <Typography.Text type="secondary" className="dashboard-note">
            {t('dashboard.compliance.forms', { forms: forms.map((f) => f.code).join(', ') })}
            {units.length > shown.length ? ` · ${t('dashboard.compliance.worst', { count: shown.length })}` : ''} · {t('dashboard.drillHint')}
          </Typography.Text>
          <Suspense fallback={<Skeleton.Node active />}>
            <EChart
              option={option}
              height={Math.max(160, shown.length * 24 + 60)}
              ariaLabel={t('dashboard.compliance.chartLabel')}
              data-testid="dashboard-compliance-chart"
              onItemClick={(item) => open(item.dataIndex)}
            />
          </Suspense>
          {/* The chart's bars as buttons too: keyboard users and tests open a unit the same way. */}
          <ul className="dashboard-compliance-units" data-testid="dashboard-compliance-units">
            {shown.map((u) => (
              <li key={u.unit.id}>
                <button type="button" className="linkish" data-testid="dashboard-compliance-unit" data-unit={u.unit.id} onClick={() => u.unit.id !== data.unit.id && onOpen(u.unit.id)}>
                  {u.unit.name}: {u.rate === null ? t('common.none') : `${formatNumberIn(u.rate, lang, 1)}%`}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// Units below

function ChildrenCard({ data, lang, isMobile, onOpen }: { data: Dashboard; lang: Lang; isMobile: boolean; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    const words = foldVietnamese(q).split(' ').filter(Boolean);
    return data.children
      .filter((c) => c.targets > 0 || c.overdueTasks > 0 || c.complianceRate !== null)
      .filter((c) => words.every((w) => foldVietnamese(c.name).includes(w)));
  }, [data.children, q]);
  const pct = (v: number | null) => (v === null ? t('common.none') : `${formatNumberIn(v, lang, 1)}%`);
  const columns: ColumnsType<Dashboard['children'][number]> = [
    {
      title: t('dashboard.children.name'),
      dataIndex: 'name',
      render: (_: unknown, c) => (
        <a onClick={() => onOpen(c.id)} data-testid="dashboard-child-link" aria-label={t('dashboard.children.open', { name: c.name })}>
          {c.name}
        </a>
      ),
    },
    { title: t('dashboard.children.attainment'), dataIndex: 'attainmentShare', align: 'right', render: (v: number | null) => pct(v), sorter: (a, b) => (a.attainmentShare ?? -1) - (b.attainmentShare ?? -1) },
    { title: t('dashboard.children.overdue'), dataIndex: 'overdueTasks', align: 'right', sorter: (a, b) => a.overdueTasks - b.overdueTasks },
    { title: t('dashboard.children.compliance'), dataIndex: 'complianceRate', align: 'right', render: (v: number | null) => pct(v), sorter: (a, b) => (a.complianceRate ?? -1) - (b.complianceRate ?? -1) },
  ];
  if (data.children.length === 0) return null;
  return (
    <Card
      title={t('dashboard.children.title')}
      className="dashboard-card"
      data-testid="dashboard-children"
      extra={
        <Input
          allowClear
          size="small"
          prefix={<SearchOutlined />}
          placeholder={t('dashboard.children.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="dashboard-child-search"
          className="dashboard-child-search"
        />
      }
    >
      {isMobile ? (
        <ul className="dashboard-child-cards">
          {rows.slice(0, 30).map((c) => (
            <li key={c.id} data-testid="dashboard-child" data-unit={c.id}>
              <a onClick={() => onOpen(c.id)} data-testid="dashboard-child-link">
                {c.name}
              </a>
              <div className="dashboard-child-meta">
                {t('dashboard.children.attainment')}: {pct(c.attainmentShare)} · {t('dashboard.children.overdue')}: {c.overdueTasks} · {t('dashboard.children.compliance')}: {pct(c.complianceRate)}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          onRow={(c) => ({ 'data-testid': 'dashboard-child', 'data-unit': c.id }) as React.HTMLAttributes<HTMLElement>}
        />
      )}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// Ranking (served by the rankings module)

function RankingCard({
  year,
  loading,
  ranking,
  lang,
  onOpen,
}: {
  year: number;
  loading: boolean;
  ranking: import('../../api/dashboard').RankingTop | null;
  lang: Lang;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const list = (rows: import('../../api/dashboard').RankingRow[], kind: 'top' | 'bottom') => (
    <ol className="dashboard-ranking-list" data-testid={`dashboard-ranking-${kind}`}>
      {rows.map((r) => (
        <li key={r.unitId} data-unit={r.unitId}>
          <span className="dashboard-rank">{r.rank}</span>
          <a onClick={() => onOpen(r.unitId)}>{r.unitName}</a>
          <span className="dashboard-score">{formatNumberIn(r.score, lang, 2)}</span>
          {r.change ? <span className={r.change > 0 ? 'dashboard-up' : 'dashboard-down'}>{r.change > 0 ? `▲${r.change}` : `▼${-r.change}`}</span> : null}
        </li>
      ))}
    </ol>
  );
  return (
    <Card
      title={ranking?.model ? `${t('dashboard.ranking.title')} — ${ranking.model.name}` : t('dashboard.ranking.title')}
      className="dashboard-card"
      data-testid="dashboard-ranking"
      extra={<Link to="/rankings">{t('dashboard.ranking.all')}</Link>}
    >
      {loading ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : !ranking ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.ranking.empty', { year })} data-testid="dashboard-ranking-empty" />
      ) : (
        <>
          {!ranking.published ? <Alert type="info" showIcon message={t('dashboard.ranking.draft')} className="dashboard-note" /> : null}
          <Row gutter={[12, 12]}>
            <Col xs={24} sm={12} xl={24} xxl={12}>
              <Typography.Text strong>{t('dashboard.ranking.top')}</Typography.Text>
              {list(ranking.top, 'top')}
            </Col>
            <Col xs={24} sm={12} xl={24} xxl={12}>
              <Typography.Text strong>{t('dashboard.ranking.bottom')}</Typography.Text>
              {list(ranking.bottom, 'bottom')}
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
