import { AppstoreOutlined, ExclamationCircleOutlined, FileExcelOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Empty, Input, Segmented, Select, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { taskExportUrl, usePlanList, useTaskList } from '../../api/tasks';
import { TASK_STATUSES, type Task, type TaskListQuery, type TaskStatus, type User } from '../../api/types';
import { useCurrentUser } from '../../auth/useAuth';
import { LoadError } from '../../components/LoadError';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { API_DATE_FORMAT, DATE_FORMAT, formatDate } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useIsMobile } from '../../lib/useIsMobile';
import { TaskStats } from './TaskStats';
import { TaskFormDialog } from './TaskForms';
import { daysBetween, mayDo, TaskProgress, TaskStatusTag, todayInVietnam } from './widgets';

/** The unit whose tasks are "mine": where the user reports, else the first unit of their grants. */
export function myUnit(user: User) {
  const m = user.memberships.find((x) => x.role === 'reporter') ?? user.memberships.find((x) => x.role === 'coordinator') ?? user.memberships[0];
  return m ? { id: m.orgUnitId, code: m.orgUnitCode, name: m.orgUnitName } : null;
}

const intParam = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/**
 * Nhiệm vụ: the statistics of seed 004 at the top, then the tasks filtered by plan, lead unit,
 * status, due range, overdue only and text (all kept in the URL), as a table, cards on a phone, or a
 * board with a column per status. "Việc của đơn vị tôi" is the same list led by the user's unit.
 */
export default function TasksPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const mineUnit = myUnit(user);
  const mine = params.get('tab') === 'mine';
  const view = params.get('view') === 'board' ? 'board' : 'list';
  const statusParam = params.get('status');
  const [text, setText] = useState(params.get('q') ?? '');
  const [creating, setCreating] = useState(false);
  const q = useDebouncedValue(text, 300);

  const setParam = (entries: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(entries)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  useEffect(() => {
    if ((params.get('q') ?? '') !== q.trim()) setParam({ q: q.trim() || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const query: TaskListQuery = useMemo(() => {
    const status = statusParam && (TASK_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as TaskStatus) : undefined;
    return {
      plan: intParam(params.get('plan')),
      leadUnit: mine ? mineUnit?.id : intParam(params.get('leadUnit')),
      status,
      overdue: statusParam === 'overdue' || params.get('overdue') === '1' ? true : undefined,
      dueFrom: params.get('dueFrom') ?? undefined,
      dueTo: params.get('dueTo') ?? undefined,
      q: params.get('q') || undefined,
    };
  }, [params, mine, mineUnit?.id, statusParam]);

  const list = useTaskList(query);
  const plans = usePlanList({ limit: 200 });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const planOptions = useMemo(
    () => (plans.data?.pages.flatMap((p) => p.items) ?? []).map((p) => ({ value: p.id, label: `${p.kind} ${p.number} — ${p.title}` })),
    [plans.data],
  );
  const today = todayInVietnam();
  const filtered = !!(query.plan || (!mine && query.leadUnit) || statusParam || query.overdue || query.dueFrom || query.dueTo || query.q);

  const dueCell = (task: Task) => (
    <div className="task-due">
      <span>{task.dueDate ? formatDate(task.dueDate) : (task.scheduleNote ?? t('tasks.noDue'))}</span>
      {task.overdue && task.dueDate ? (
        <Typography.Text type="danger" className="task-due-note" data-testid="task-overdue">
          <ExclamationCircleOutlined /> {t('tasks.overdueDays', { count: daysBetween(task.dueDate, today) })}
        </Typography.Text>
      ) : null}
    </div>
  );
  const titleCell = (task: Task) => (
    <div className="task-title-cell">
      <Link to={`/tasks/${task.id}`} data-testid="task-link" className="task-title-link">
        {task.title}
      </Link>
      <Typography.Text type="secondary" className="task-sub">
        {task.ref ? `${task.ref} · ` : ''}
        {task.plan.kind} {task.plan.number}
      </Typography.Text>
    </div>
  );
  const leadCell = (task: Task) => (
    <span>
      {task.currentLeadUnit.name}
      {task.cooperatingUnits.length ? <Typography.Text type="secondary"> +{task.cooperatingUnits.length}</Typography.Text> : null}
    </span>
  );

  const columns: ColumnsType<Task> = [
    { key: 'task', title: t('tasks.columns.task'), render: (_v, task) => titleCell(task) },
    { key: 'lead', title: t('tasks.columns.lead'), width: 200, render: (_v, task) => leadCell(task) },
    { key: 'due', title: t('tasks.columns.due'), width: 150, render: (_v, task) => dueCell(task) },
    {
      key: 'status',
      title: t('tasks.columns.status'),
      width: 210,
      render: (_v, task) => (
        <div className="task-status-cell">
          <TaskStatusTag status={task.status} />
          <TaskProgress status={task.status} progress={task.progress} />
        </div>
      ),
    },
  ];

  let body;
  if (list.error && !list.data) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (mine && !mineUnit) body = <Empty description={t('tasks.noUnit')} />;
  else if (!list.data) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('tasks.noMatch') : t('tasks.empty')} data-testid="tasks-empty" />;
  else if (view === 'board')
    body = (
      <>
        <div className="task-board" data-testid="task-board">
          {TASK_STATUSES.map((s) => {
            const col = items.filter((x) => x.status === s);
            return (
              <div key={s} className="task-board-column" data-testid="task-board-column" data-status={s}>
                <div className="task-board-head">
                  <TaskStatusTag status={s} /> <Typography.Text type="secondary">{col.length}</Typography.Text>
                </div>
                {col.length === 0 ? <Typography.Text type="secondary">{t('tasks.boardEmpty')}</Typography.Text> : null}
                {col.map((task) => (
                  <Card key={task.id} size="small" className="task-board-card" data-testid="task-card" data-task={task.id} onClick={(e) => {
                    if (!(e.target as HTMLElement).closest('a')) navigate(`/tasks/${task.id}`);
                  }}>
                    {titleCell(task)}
                    <div className="task-card-meta">{leadCell(task)}</div>
                    {dueCell(task)}
                    <TaskProgress status={task.status} progress={task.progress} />
                  </Card>
                ))}
              </div>
            );
          })}
        </div>
        {list.hasNextPage ? <Typography.Paragraph type="secondary">{t('tasks.boardLoaded', { count: items.length })}</Typography.Paragraph> : null}
      </>
    );
  else if (isMobile)
    body = (
      <div className="task-cards" data-testid="task-cards">
        {items.map((task) => (
          <Card key={task.id} size="small" className={task.overdue ? 'task-card task-card-overdue' : 'task-card'} data-testid="task-card" data-task={task.id} onClick={(e) => {
            if (!(e.target as HTMLElement).closest('a')) navigate(`/tasks/${task.id}`);
          }}>
            {titleCell(task)}
            <div className="task-card-meta">{leadCell(task)}</div>
            {dueCell(task)}
            <div className="task-status-cell">
              <TaskStatusTag status={task.status} />
              <TaskProgress status={task.status} progress={task.progress} />
            </div>
          </Card>
        ))}
      </div>
    );
  else
    body = (
      <Table<Task>
        rowKey="id"
        data-testid="tasks-table"
        columns={columns}
        dataSource={items}
        size="middle"
        tableLayout="fixed"
        pagination={false}
        loading={list.isFetching && !list.isFetchingNextPage && !list.isLoading}
        onRow={(task) => ({
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest('a')) navigate(`/tasks/${task.id}`);
          },
          className: task.overdue ? 'clickable-row task-row-overdue' : 'clickable-row',
          'data-testid': 'task-row',
          'data-task': task.id,
          'data-status': task.status,
        })}
      />
    );

  const exportQuery = { ...query };
  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        subtitle={isMobile ? undefined : t('tasks.subtitle')}
        extra={
          <Space wrap>
            {mayDo(user, 'task.write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="task-create">
                {t('tasks.form.create')}
              </Button>
            ) : null}
            <Button icon={<FileExcelOutlined />} href={taskExportUrl(exportQuery)} data-testid="task-export">
              {t('tasks.export')}
            </Button>
          </Space>
        }
      />
      <Tabs
        className="task-tabs"
        activeKey={mine ? 'mine' : 'all'}
        onChange={(key) => setParam({ tab: key === 'mine' ? 'mine' : null, leadUnit: null })}
        items={[
          { key: 'all', label: <span data-testid="tasks-tab-all">{t('tasks.tabAll')}</span> },
          { key: 'mine', label: <span data-testid="tasks-tab-mine">{t('tasks.tabMine')}{mineUnit && !isMobile ? ` · ${mineUnit.name}` : ''}</span> },
        ]}
      />
      <TaskStats plan={query.plan} leadUnit={query.leadUnit} onPick={(s) => setParam({ status: s, overdue: null })} />
      <Card className="table-card task-list-card">
        <div className="task-filters" data-testid="task-filters">
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('tasks.filters.allPlans')}
            aria-label={t('tasks.filters.plan')}
            value={query.plan}
            onChange={(v) => setParam({ plan: v ? String(v) : null })}
            options={planOptions}
            className="task-filter task-filter-wide"
            data-testid="task-plan-filter"
          />
          {mine ? null : (
            <div className="task-filter" data-testid="task-unit-filter">
              <UnitSelect value={query.leadUnit ?? null} onChange={(v) => setParam({ leadUnit: v ? String(v) : null })} placeholder={t('tasks.filters.leadUnit')} />
            </div>
          )}
          <Select<string>
            allowClear
            placeholder={t('tasks.filters.allStatuses')}
            aria-label={t('tasks.filters.status')}
            value={statusParam ?? undefined}
            onChange={(v) => setParam({ status: v ?? null })}
            options={[{ value: 'overdue', label: t('tasks.filters.overdueStatus') }, ...TASK_STATUSES.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))]}
            className="task-filter"
            data-testid="task-status-filter"
          />
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            placeholder={[t('tasks.filters.dueFrom'), t('tasks.filters.dueTo')]}
            allowEmpty={[true, true]}
            value={[query.dueFrom ? dayjs(query.dueFrom) : null, query.dueTo ? dayjs(query.dueTo) : null]}
            onChange={(range) => setParam({ dueFrom: range?.[0]?.format(API_DATE_FORMAT) ?? null, dueTo: range?.[1]?.format(API_DATE_FORMAT) ?? null })}
            className="task-filter task-filter-range"
            data-testid="task-due-filter"
          />
          <Checkbox checked={params.get('overdue') === '1'} onChange={(e) => setParam({ overdue: e.target.checked ? '1' : null })} data-testid="task-overdue-filter">
            {t('tasks.filters.overdueOnly')}
          </Checkbox>
          <Input.Search
            allowClear
            placeholder={t('tasks.filters.search')}
            aria-label={t('tasks.filters.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="task-filter task-filter-wide"
            data-testid="task-search"
          />
        </div>
        <div className="task-list-bar">
          <Typography.Text type="secondary" data-testid="task-count">
            {t('tasks.count', { count: items.length })}
            {list.hasNextPage ? ` (${t('tasks.countMore', { count: items.length })})` : ''}
          </Typography.Text>
          {filtered ? (
            <Typography.Link onClick={() => { setText(''); setParams(mine ? new URLSearchParams({ tab: 'mine' }) : new URLSearchParams()); }}>
              {t('tasks.filters.clear')}
            </Typography.Link>
          ) : null}
          <Segmented
            value={view}
            onChange={(v) => setParam({ view: v === 'board' ? 'board' : null })}
            options={[
              { value: 'list', label: t('tasks.viewList'), icon: <UnorderedListOutlined /> },
              { value: 'board', label: t('tasks.viewBoard'), icon: <AppstoreOutlined /> },
            ]}
            data-testid="task-view"
          />
        </div>
        {body}
        <LoadMore pager={list} testId="tasks-load-more" />
      </Card>
      {creating ? <TaskFormDialog planId={query.plan} onClose={() => setCreating(false)} onSaved={(task) => navigate(`/tasks/${task.id}`)} /> : null}
    </>
  );
}
