import { ArrowLeftOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Row, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { usePlanTargets, useSubTasks, useTask, useTaskTimeline } from '../../api/tasks';
import type { BudgetLine, TaskDetail, TimelineEntry } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { formatTarget, langOf } from '../../lib/indicators';
import { TaskActions } from './TaskActions';
import { BudgetDialog, TaskFormDialog } from './TaskForms';
import { TaskProgress, TaskStatusTag } from './widgets';

const fileSize = (bytes: number, lang: string) => (bytes >= 1024 * 1024 ? `${formatNumber(bytes / 1024 / 1024, lang, 1)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB`);

/**
 * A task: the 6 rõ, its plan and reference, sub-tasks, the targets it serves, budget lines, status
 * and progress, the timeline (progress reports, comments, state changes, evidence files) and the
 * actions the user may take.
 */
export default function TaskPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const taskId = Number(id);
  const task = useTask(taskId);
  const [dialog, setDialog] = useState<'edit' | 'budget' | null>(null);
  const timeline = useTaskTimeline(taskId);
  const sub = useSubTasks(taskId, !!task.data?.subTaskCount);
  const targets = usePlanTargets(task.data?.targetIds.length ? task.data.plan.id : undefined);

  if (task.error && !task.data) return <LoadError error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const d = task.data;

  return (
    <>
      <Link to="/tasks" className="task-back" data-testid="task-back">
        <ArrowLeftOutlined /> {t('tasks.detail.back')}
      </Link>
      <PageHeader
        title={d.title}
        subtitle={<TaskHeaderLine task={d} />}
        extra={
          d.actions.includes('edit') ? (
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="task-edit">
              {t('tasks.form.edit')}
            </Button>
          ) : null
        }
      />
      {dialog === 'edit' ? <TaskFormDialog task={d} onClose={() => setDialog(null)} /> : null}
      {dialog === 'budget' ? <BudgetDialog task={d} onClose={() => setDialog(null)} /> : null}
      <div className="task-header-status" data-testid="task-header">
        <TaskStatusTag status={d.status} />
        <div className="task-header-progress">
          <TaskProgress status={d.status} progress={d.progress} size="default" />
        </div>
        {d.stateReason ? (
          <Typography.Text type="secondary" data-testid="task-reason">
            {t('tasks.detail.reason')}: {d.stateReason}
          </Typography.Text>
        ) : null}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <SixClear task={d} />
          {d.subTaskCount ? (
            <Card size="small" title={t('tasks.detail.subTasks')} className="task-section" data-testid="task-subtasks">
              {sub.data ? (
                <ul className="task-sublist">
                  {sub.data.items.map((s) => (
                    <li key={s.id}>
                      <Link to={`/tasks/${s.id}`}>
                        {s.ref ? `${s.ref} ` : ''}
                        {s.title}
                      </Link>{' '}
                      <TaskStatusTag status={s.status} />
                    </li>
                  ))}
                </ul>
              ) : (
                <Skeleton active paragraph={{ rows: 2 }} />
              )}
            </Card>
          ) : null}
          <TaskTargets task={d} targets={targets.data?.items} />
          <BudgetTable lines={d.budget} onEdit={d.actions.includes('budget') ? () => setDialog('budget') : undefined} />
        </Col>
        <Col xs={24} lg={10}>
          <TaskActions task={d} />
          <Card size="small" title={t('tasks.detail.timeline')} className="task-section" data-testid="task-timeline">
            {timeline.error && !timeline.data ? <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} /> : null}
            {!timeline.data && !timeline.error ? <Skeleton active /> : null}
            {timeline.data && timeline.data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.detail.noTimeline')} /> : null}
            {timeline.data?.items.length ? <TaskTimeline items={timeline.data.items} /> : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function TaskHeaderLine({ task }: { task: TaskDetail }) {
  return (
    <span>
      {task.ref ? <Tag data-testid="task-ref">{task.ref}</Tag> : null}
      <Link to={`/plans/${task.plan.id}`} data-testid="task-plan-link">
        {task.plan.kind} {task.plan.number}
      </Link>
      {' — '}
      {task.plan.title}
    </span>
  );
}

function SixClear({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const unit = (u: { name: string; closedOn: string | null }) => (
    <span>
      {u.name}
      {u.closedOn ? <Typography.Text type="secondary"> ({t('tasks.detail.closedUnit')})</Typography.Text> : null}
    </span>
  );
  const dash = t('common.none');
  return (
    <Card size="small" title={t('tasks.detail.sixClear')} className="task-section" data-testid="task-six">
      <Descriptions column={1} size="small" bordered className="task-six" styles={{ label: { width: 170 } }}>
        <Descriptions.Item label={t('tasks.detail.who')}>{task.responsible.name ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.detail.what')}>
          <div data-testid="task-what">
            {task.group ? <Typography.Text type="secondary">{task.group}</Typography.Text> : null}
            <div>{task.title}</div>
            {task.description ? <Typography.Paragraph className="task-description">{task.description}</Typography.Paragraph> : null}
            {task.parentTaskId ? (
              <Link to={`/tasks/${task.parentTaskId}`}>{t('tasks.detail.parent')}</Link>
            ) : null}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.detail.when')}>
          <div data-testid="task-when">
            {t('tasks.detail.start')}: {formatDate(task.startDate) || dash} · {t('tasks.detail.due')}: <strong>{formatDate(task.dueDate) || dash}</strong>
            {task.completedOn ? ` · ${t('tasks.detail.completedOn')}: ${formatDate(task.completedOn)}` : ''}
            {task.scheduleNote ? <div><Typography.Text type="secondary">{task.scheduleNote}</Typography.Text></div> : null}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.detail.responsibility')}>
          <div data-testid="task-units">
            <div>
              {t('tasks.detail.lead')}: {unit(task.leadUnit)}
              {task.currentLeadUnit.id !== task.leadUnit.id ? <Typography.Text type="secondary"> — {t('tasks.detail.leadNow', { name: task.currentLeadUnit.name })}</Typography.Text> : null}
            </div>
            {task.cooperatingUnits.length ? (
              <div>
                {t('tasks.detail.cooperating')}:{' '}
                {task.cooperatingUnits.map((u, i) => (
                  <span key={u.id}>
                    {i ? '; ' : ''}
                    {unit(u)}
                  </span>
                ))}
              </div>
            ) : null}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.detail.deliverable')}>{task.deliverable ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.detail.authority')}>{task.approvingAuthority ?? dash}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function TaskTargets({ task, targets }: { task: TaskDetail; targets: import('../../api/types').Target[] | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const linked = useMemo(() => (targets ?? []).filter((x) => task.targetIds.includes(x.id)), [targets, task.targetIds]);
  return (
    <Card size="small" title={t('tasks.detail.targets')} className="task-section" data-testid="task-targets">
      {task.targetIds.length === 0 ? (
        <Typography.Text type="secondary">{t('tasks.detail.noTargets')}</Typography.Text>
      ) : !targets ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <ul className="task-sublist">
          {linked.map((x) => (
            <li key={x.id}>
              <Link to={`/indicators/${encodeURIComponent(x.indicator.code)}?year=${x.year}`}>{x.indicator.name}</Link>{' '}
              <Typography.Text type="secondary">
                {x.year} · {x.orgUnit.name} · {formatTarget(t, x, x.indicator.unit, lang)}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function BudgetTable({ lines, onEdit }: { lines: BudgetLine[]; onEdit?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'vi';
  const money = (v: number | null) => (v === null ? '' : formatNumber(v, lang, 0));
  return (
    <Card
      size="small"
      title={t('tasks.detail.budget')}
      className="task-section"
      data-testid="task-budget"
      extra={
        onEdit ? (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="task-budget-edit">
            {t('tasks.budgetForm.button')}
          </Button>
        ) : null
      }
    >
      {lines.length === 0 ? (
        <Typography.Text type="secondary">{t('tasks.detail.noBudget')}</Typography.Text>
      ) : (
        <Table<BudgetLine>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 640 }}
          dataSource={lines}
          columns={[
            { key: 'source', title: t('tasks.detail.source'), render: (_v, l) => t(`budgetSource.${l.source}`, { defaultValue: l.source }) },
            { key: 'year', title: t('tasks.detail.year'), width: 90, render: (_v, l) => l.year ?? t('tasks.detail.wholeTask') },
            { key: 'requested', title: t('tasks.detail.requested'), align: 'right', render: (_v, l) => money(l.requested) },
            { key: 'approved', title: t('tasks.detail.approved'), align: 'right', render: (_v, l) => money(l.approved) },
            { key: 'allocated', title: t('tasks.detail.allocated'), align: 'right', render: (_v, l) => money(l.allocated) },
            { key: 'disbursed', title: t('tasks.detail.disbursed'), align: 'right', render: (_v, l) => money(l.disbursed) },
            { key: 'note', title: t('tasks.detail.note'), render: (_v, l) => l.note },
          ]}
        />
      )}
    </Card>
  );
}

function TaskTimeline({ items }: { items: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'vi';
  const what = (e: TimelineEntry) =>
    e.kind === 'progress'
      ? t('tasks.timeline.progress', { progress: e.progress ?? 0 })
      : e.kind === 'state'
        ? t('tasks.timeline.state', { from: e.stateFrom ? t(`taskState.${e.stateFrom}`) : '—', to: e.stateTo ? t(`taskState.${e.stateTo}`) : '—' })
        : e.kind === 'comment'
          ? t('tasks.timeline.comment')
          : t('tasks.timeline.edit');
  const color = (e: TimelineEntry) => (e.kind === 'progress' ? 'blue' : e.kind === 'state' ? 'green' : e.kind === 'comment' ? 'gray' : 'orange');
  return (
    <Timeline
      className="task-timeline"
      items={items.map((e) => ({
        key: e.id,
        color: color(e),
        content: (
          <div className="timeline-entry" data-testid="timeline-entry" data-kind={e.kind}>
            <div>
              <strong>{e.author?.fullName ?? t('tasks.timeline.system')}</strong> {what(e)}
            </div>
            <Typography.Text type="secondary" className="timeline-at">
              {formatDateTime(e.at)}
            </Typography.Text>
            {e.body ? <Typography.Paragraph className="timeline-body">{e.body}</Typography.Paragraph> : null}
            {e.files.length ? (
              <ul className="timeline-files">
                {e.files.map((f) => (
                  <li key={f.id}>
                    <a href={f.url} download={f.name} data-testid="timeline-file">
                      <DownloadOutlined /> {f.name}
                    </a>{' '}
                    <Typography.Text type="secondary">({fileSize(f.size, lang)})</Typography.Text>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
