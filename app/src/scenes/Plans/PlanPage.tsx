import { ArrowLeftOutlined, DownloadOutlined, FileExcelOutlined, FileWordOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, InputNumber, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { taskExportUrl, usePlan, usePlanBudget } from '../../api/tasks';
import type { BudgetMoney, PlanDetail, Target, Task } from '../../api/types';
import type { EChartOption } from '../../components/EChart';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../lib/format';
import { formatTarget, langOf } from '../../lib/indicators';
import { useCurrentUser } from '../../auth/useAuth';
import { TaskFormDialog } from '../Tasks/TaskForms';
import { mayDo, TaskProgress, TaskStatusTag } from '../Tasks/widgets';
import { AppendixImportDialog } from './AppendixImport';

const EChart = lazy(() => import('../../components/EChart'));

/**
 * A plan: its metadata and original document, where it sits in the tree (the plan it implements,
 * the plans implementing it), its targets by year and level, its tasks (the full list in Nhiệm vụ)
 * and the budget of its tasks per source and per group, as seed 004 words it.
 */
export default function PlanPage() {
  const { t } = useTranslation();
  const planId = Number(useParams().id);
  const plan = usePlan(planId);
  if (plan.error && !plan.data) return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const p = plan.data;
  return (
    <>
      <Link to="/plans" className="task-back">
        <ArrowLeftOutlined /> {t('plans.detail.back')}
      </Link>
      <PageHeader
        title={`${p.kind} ${p.number}`}
        subtitle={p.title}
        extra={
          <Link to={`/plans/${p.id}/report`} data-testid="plan-official-report">
            <Button icon={<FileWordOutlined />}>{t('officialReport.open')}</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <PlanMeta plan={p} />
        </Col>
        <Col xs={24} lg={12}>
          <PlanTree plan={p} />
        </Col>
        <Col xs={24}>
          <PlanBudgetCard planId={p.id} defaultYear={p.horizonYear && p.horizonYear < new Date().getFullYear() ? p.horizonYear : undefined} />
        </Col>
        <Col xs={24}>
          <PlanTasks plan={p} />
        </Col>
        <Col xs={24}>
          <PlanTargets plan={p} />
        </Col>
      </Row>
    </>
  );
}

function PlanMeta({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const horizon = plan.horizonFrom && plan.horizonYear ? `${plan.horizonFrom} – ${plan.horizonYear}` : (plan.horizonYear ?? '');
  return (
    <Card size="small" className="task-section" data-testid="plan-meta">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('plans.detail.issuer')}>{plan.issuer?.name ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('plans.detail.issuedOn')}>{formatDate(plan.issuedOn) || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('plans.detail.horizon')}>{horizon || t('common.none')}</Descriptions.Item>
        {plan.summary ? <Descriptions.Item label={t('plans.detail.summary')}>{plan.summary}</Descriptions.Item> : null}
        <Descriptions.Item label={t('plans.detail.document')}>
          {plan.document ? (
            <Button size="small" icon={<DownloadOutlined />} href={plan.document.url} data-testid="plan-document">
              {plan.document.name}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('plans.detail.noDocument')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function PlanTree({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('plans.detail.tree')} className="task-section" data-testid="plan-tree">
      <ul className="plan-tree">
        <li>
          {plan.parentPlan ? (
            <>
              <Typography.Text type="secondary">{t('plans.detail.implements')}: </Typography.Text>
              <Link to={`/plans/${plan.parentPlan.id}`} data-testid="plan-parent">
                {plan.parentPlan.number}
              </Link>
            </>
          ) : (
            <Typography.Text type="secondary">{t('plans.detail.implements')}: {t('plans.detail.none')}</Typography.Text>
          )}
          <ul>
            <li>
              <strong>
                {plan.kind} {plan.number}
              </strong>
              {plan.children.length ? (
                <ul data-testid="plan-children">
                  {plan.children.map((c) => (
                    <li key={c.id}>
                      <Link to={`/plans/${c.id}`}>
                        {c.kind} {c.number}
                      </Link>{' '}
                      <Typography.Text type="secondary">{c.title}</Typography.Text>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          </ul>
        </li>
      </ul>
    </Card>
  );
}

function PlanTasks({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  // The coordinator's tools; the server still checks the grant over the plan's issuer.
  const mayAssign = mayDo(user, 'task.write');
  return (
    <Card
      size="small"
      title={t('plans.detail.tasks')}
      className="task-section plan-tasks"
      extra={plan.taskCount ? <Link to={`/tasks?plan=${plan.id}`} data-testid="plan-tasks-link">{t('plans.detail.allTasks', { count: plan.taskCount })}</Link> : null}
      data-testid="plan-tasks"
    >
      <Space wrap className="plan-task-tools">
        {mayAssign ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="task-create">
            {t('tasks.form.create')}
          </Button>
        ) : null}
        {mayAssign ? (
          <Button icon={<UploadOutlined />} onClick={() => setDialog('import')} data-testid="task-import-button">
            {t('plans.import.button')}
          </Button>
        ) : null}
        <Button icon={<FileExcelOutlined />} href={taskExportUrl({ plan: plan.id })} data-testid="plan-export">
          {t('tasks.export')}
        </Button>
      </Space>
      {dialog === 'create' ? <TaskFormDialog planId={plan.id} onClose={() => setDialog(null)} onSaved={(task) => navigate(`/tasks/${task.id}`)} /> : null}
      {dialog === 'import' ? <AppendixImportDialog plan={plan} onClose={() => setDialog(null)} /> : null}
      {plan.tasks.length === 0 ? (
        <Typography.Text type="secondary">{t('plans.detail.noTasks')}</Typography.Text>
      ) : (
        <Table<Task>
          rowKey="id"
          size="small"
          pagination={plan.tasks.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          dataSource={plan.tasks}
          scroll={{ x: 640 }}
          onRow={(task) => ({ onClick: () => navigate(`/tasks/${task.id}`), className: 'clickable-row' })}
          columns={[
            { key: 'ref', title: t('tasks.columns.ref'), width: 90, render: (_v, x) => x.ref },
            { key: 'title', title: t('tasks.columns.task'), render: (_v, x) => <Link to={`/tasks/${x.id}`}>{x.title}</Link> },
            { key: 'lead', title: t('tasks.columns.lead'), width: 180, render: (_v, x) => x.currentLeadUnit.name },
            { key: 'due', title: t('tasks.columns.due'), width: 110, render: (_v, x) => formatDate(x.dueDate) || x.scheduleNote },
            {
              key: 'status',
              title: t('tasks.columns.status'),
              width: 200,
              render: (_v, x) => (
                <div className="task-status-cell">
                  <TaskStatusTag status={x.status} />
                  <TaskProgress status={x.status} progress={x.progress} />
                </div>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function PlanTargets({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const level = (l: string | null) => (l ? t(`targetLevel.${l}`, { defaultValue: l }) : t('plans.detail.allLevels'));
  return (
    <Card size="small" title={t('plans.detail.targets')} className="task-section" data-testid="plan-targets">
      {plan.targets.length === 0 ? (
        <Typography.Text type="secondary">{t('plans.detail.noTargets')}</Typography.Text>
      ) : (
        <>
          <div className="plan-target-groups">
            {plan.targetsByYearAndLevel.map((g) => (
              <Tag key={`${g.year}-${g.level}`}>
                {g.year} · {level(g.level)}: {g.count}
              </Tag>
            ))}
          </div>
          <Table<Target>
            rowKey="id"
            size="small"
            dataSource={plan.targets}
            scroll={{ x: 640 }}
            pagination={plan.targets.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            columns={[
              { key: 'year', title: t('plans.detail.year'), width: 70, render: (_v, x) => x.year },
              { key: 'level', title: t('plans.detail.level'), width: 130, render: (_v, x) => (x.scope === 'level' ? level(x.level) : x.orgUnit.name) },
              {
                key: 'indicator',
                title: t('plans.detail.indicator'),
                render: (_v, x) => <Link to={`/indicators/${encodeURIComponent(x.indicator.code)}?year=${x.year}`}>{x.indicator.name}</Link>,
              },
              { key: 'value', title: t('plans.detail.value'), width: 130, render: (_v, x) => formatTarget(t, x, x.indicator.unit, lang) },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** The year's columns default to the plan's last year when it has ended (a 2025 plan is read for 2025). */
function PlanBudgetCard({ planId, defaultYear }: { planId: number; defaultYear?: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'vi';
  const [year, setYear] = useState<number | undefined>(defaultYear);
  const budget = usePlanBudget(planId, year);
  const b = budget.data;
  const money = (v: number) => formatNumber(v, lang, 0);
  const option = useMemo<EChartOption | null>(() => {
    if (!b || !b.bySource.length) return null;
    const names = b.bySource.map((s) => t(`budgetSource.${s.source}`, { defaultValue: s.source }));
    const series = (key: keyof BudgetMoney, name: string, color: string) => ({ type: 'bar' as const, name, data: b.bySource.map((s) => s[key]), itemStyle: { color } });
    return {
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${money(Number(v))} ${t('plans.detail.vnd')}` },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, width: 90, overflow: 'break' } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v / 1e9, lang, 1) + (lang === 'en' ? 'bn' : ' tỷ') } },
      series: [
        series('requested', t('plans.detail.requested'), '#91caff'),
        series('approved', t('plans.detail.approved'), '#1677ff'),
        series('allocatedYear', t('plans.detail.allocatedYear', { year: b.year }), '#389e0d'),
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [b, t, lang]);
  const columns = (first: { title: string; render: (row: BudgetMoney & { source?: string; group?: string | null }) => string }) => [
    { key: 'name', title: first.title, render: (_v: unknown, r: BudgetMoney & { source?: string; group?: string | null }) => first.render(r) },
    { key: 'tasks', title: t('plans.columns.tasks'), width: 90, align: 'right' as const, render: (_v: unknown, r: BudgetMoney) => r.tasks },
    { key: 'requested', title: t('plans.detail.requested'), align: 'right' as const, render: (_v: unknown, r: BudgetMoney) => money(r.requested) },
    { key: 'approved', title: t('plans.detail.approved'), align: 'right' as const, render: (_v: unknown, r: BudgetMoney) => money(r.approved) },
    { key: 'requestedYear', title: t('plans.detail.requestedYear', { year: b?.year }), align: 'right' as const, render: (_v: unknown, r: BudgetMoney) => money(r.requestedYear) },
    { key: 'allocatedYear', title: t('plans.detail.allocatedYear', { year: b?.year }), align: 'right' as const, render: (_v: unknown, r: BudgetMoney) => money(r.allocatedYear) },
    { key: 'disbursedYear', title: t('plans.detail.disbursedYear', { year: b?.year }), align: 'right' as const, render: (_v: unknown, r: BudgetMoney) => money(r.disbursedYear) },
  ];
  return (
    <Card
      size="small"
      title={t('plans.detail.budget')}
      className="task-section"
      data-testid="plan-budget"
      extra={<InputNumber size="small" min={2000} max={2100} value={b?.year ?? year} onChange={(v) => setYear(v ?? undefined)} aria-label={t('plans.detail.budgetYear')} style={{ width: 90 }} data-testid="plan-budget-year" />}
    >
      {budget.error && !b ? <LoadError error={budget.error} onRetry={() => void budget.refetch()} /> : null}
      {!b && !budget.error ? <Skeleton active /> : null}
      {b?.localShare ? (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          type={b.localShare.targetShare !== null && b.localShare.share < b.localShare.targetShare ? 'warning' : 'success'}
          data-testid="plan-local-share"
          message={t('plans.detail.localShare', {
            year: b.localShare.year,
            share: formatNumber(b.localShare.share, lang, 2),
            spent: money(b.localShare.spent),
            total: money(b.localShare.localBudgetTotal),
          })}
          description={
            b.localShare.targetShare !== null
              ? t('plans.detail.localShareTarget', { target: formatNumber(b.localShare.targetShare, lang, 2), gap: formatNumber(b.localShare.gap ?? 0, lang, 2) })
              : undefined
          }
        />
      ) : null}
      {b && b.total.tasks === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.detail.noBudget')} /> : null}
      {b && b.total.tasks > 0 ? (
        <>
          <Typography.Paragraph data-testid="plan-budget-sentence">
            {t('plans.detail.budgetSentence', {
              tasks: b.total.tasks,
              units: b.total.leadUnits,
              requested: money(b.total.requested),
              approved: money(b.total.approved),
              year: b.year,
              requestedYear: money(b.total.requestedYear),
              allocatedYear: money(b.total.allocatedYear),
            })}
          </Typography.Paragraph>
          {option ? (
            <Suspense fallback={<Skeleton.Node active />}>
              <EChart option={option} height={260} ariaLabel={t('plans.detail.chart')} data-testid="plan-budget-chart" />
            </Suspense>
          ) : null}
          <Typography.Title level={5}>{t('plans.detail.bySource')}</Typography.Title>
          <Table
            rowKey={(r) => r.source}
            size="small"
            pagination={false}
            scroll={{ x: 760 }}
            dataSource={b.bySource}
            data-testid="plan-budget-sources"
            columns={columns({ title: t('plans.detail.source'), render: (r) => t(`budgetSource.${r.source}`, { defaultValue: r.source ?? '' }) })}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t('plans.detail.total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">{b.total.tasks}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">{money(b.total.requested)}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{money(b.total.approved)}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{money(b.total.requestedYear)}</Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">{money(b.total.allocatedYear)}</Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">{money(b.total.disbursedYear)}</Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {b.byGroup.length > 1 || (b.byGroup.length === 1 && b.byGroup[0]!.group) ? (
            <>
              <Typography.Title level={5}>{t('plans.detail.byGroup')}</Typography.Title>
              <Table
                rowKey={(r) => r.group ?? ''}
                size="small"
                pagination={false}
                scroll={{ x: 760 }}
                dataSource={b.byGroup}
                data-testid="plan-budget-groups"
                columns={columns({ title: t('plans.detail.group'), render: (r) => r.group ?? t('plans.detail.noGroup') })}
              />
            </>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
