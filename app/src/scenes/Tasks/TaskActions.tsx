import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Slider, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedTransitions, transitionAction, transitionNeedsReason } from '../../../../domain/tasks';
import { tasksApi, useTaskUpdate } from '../../api/tasks';
import type { FileMeta, TaskDetail, TaskState } from '../../api/types';
import { errorMessage } from '../../lib/errors';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../lib/format';
import { EvidenceUpload } from './EvidenceUpload';

type Kind = 'report' | 'comment' | 'state';

/**
 * The state changes the task's `actions` allow: the lead unit's ('state': start, pause, complete),
 * the coordinator's 'cancel' (không thực hiện) and 'reopen'.
 */
export function allowedStates(task: Pick<TaskDetail, 'state' | 'actions'>): TaskState[] {
  return allowedTransitions(task.state).filter((to) =>
    transitionAction(task.state, to) === 'task.report' ? task.actions.includes('state') : to === 'cancelled' ? task.actions.includes('cancel') : task.actions.includes('reopen'),
  );
}

/**
 * What the user may do on the task, exactly as the payload's `actions` lists it (the server
 * computes them with the commands' own checks); a refusal (403, 404, 409, 422) that still comes,
 * say after someone else changed the task, is shown in the user's language.
 */
export function TaskActions({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const states = allowedStates(task);
  const kinds: Kind[] = [
    ...(task.actions.includes('report') ? (['report'] as const) : []),
    ...(task.actions.includes('comment') ? (['comment'] as const) : []),
    ...(states.length ? (['state'] as const) : []),
  ];
  const [active, setActive] = useState<Kind | undefined>(kinds[0]);
  if (!kinds.length)
    return (
      <Card size="small" className="task-actions" data-testid="task-actions">
        <Typography.Text type="secondary">{t('tasks.actions.noneAllowed')}</Typography.Text>
      </Card>
    );
  return (
    <Card size="small" className="task-actions" data-testid="task-actions">
      <Tabs
        activeKey={active && kinds.includes(active) ? active : kinds[0]}
        onChange={(k) => setActive(k as Kind)}
        items={kinds.map((k) => ({
          key: k,
          label: <span data-testid={`task-action-${k}`}>{t(k === 'report' ? 'tasks.actions.report' : k === 'comment' ? 'tasks.actions.comment' : 'tasks.actions.changeState')}</span>,
          children: k === 'report' ? <ReportForm task={task} /> : k === 'comment' ? <CommentForm task={task} /> : <StateForm task={task} states={states} />,
        }))}
      />
    </Card>
  );
}

function useSubmit(task: TaskDetail) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useTaskUpdate(task.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<TaskDetail | undefined>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await fn();
      await refresh(next);
      void message.success(done);
      return true;
    } catch (e) {
      setError(errorMessage(e, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function ReportForm({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ body: string; progress: number }>();
  const [files, setFiles] = useState<FileMeta[]>([]);
  const [uploading, setUploading] = useState(false);
  const [round, setRound] = useState(0);
  const { busy, error, run } = useSubmit(task);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ progress: task.progress }}
      data-testid="progress-form"
      onFinish={async (v) => {
        const ok = await run(() => tasksApi.progress(task.id, v.body.trim(), v.progress, files.map((f) => f.id)), t('tasks.actions.reported'));
        if (ok) {
          form.resetFields(['body']);
          setFiles([]);
          setRound((r) => r + 1);
        }
      }}
    >
      <Form.Item name="body" label={t('tasks.actions.body')} rules={[{ required: true, whitespace: true, message: t('tasks.actions.bodyRequired') }]}>
        <Input.TextArea rows={3} maxLength={20000} data-testid="progress-body" />
      </Form.Item>
      <Form.Item label={t('tasks.actions.percent')} required>
        <div className="progress-input">
          <Form.Item name="progress" noStyle>
            <Slider min={0} max={100} className="progress-slider" />
          </Form.Item>
          <Form.Item name="progress" noStyle>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 110 }} data-testid="progress-percent" aria-label={t('tasks.actions.percent')} />
          </Form.Item>
        </div>
      </Form.Item>
      <Form.Item label={t('tasks.actions.files')}>
        <EvidenceUpload key={round} onChange={setFiles} onBusy={setUploading} />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} className="task-action-error" data-testid="progress-error" /> : null}
      <Button type="primary" htmlType="submit" loading={busy} disabled={uploading} data-testid="progress-submit">
        {uploading ? t('tasks.actions.uploading') : t('tasks.actions.send')}
      </Button>
    </Form>
  );
}

function CommentForm({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ body: string }>();
  const [files, setFiles] = useState<FileMeta[]>([]);
  const [uploading, setUploading] = useState(false);
  const [round, setRound] = useState(0);
  const { busy, error, run } = useSubmit(task);
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="comment-form"
      onFinish={async (v) => {
        const ok = await run(async () => {
          await tasksApi.comment(task.id, v.body.trim(), files.map((f) => f.id));
          return undefined;
        }, t('tasks.actions.commented'));
        if (ok) {
          form.resetFields();
          setFiles([]);
          setRound((r) => r + 1);
        }
      }}
    >
      <Form.Item name="body" label={t('tasks.actions.body')} rules={[{ required: true, whitespace: true, message: t('tasks.actions.bodyRequired') }]}>
        <Input.TextArea rows={3} maxLength={20000} data-testid="comment-body" />
      </Form.Item>
      <Form.Item label={t('tasks.actions.files')}>
        <EvidenceUpload key={round} onChange={setFiles} onBusy={setUploading} />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} className="task-action-error" data-testid="comment-error" /> : null}
      <Button type="primary" htmlType="submit" loading={busy} disabled={uploading} data-testid="comment-submit">
        {t('tasks.actions.send')}
      </Button>
    </Form>
  );
}

function StateForm({ task, states }: { task: TaskDetail; states: readonly TaskState[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ state: TaskState; reason?: string; completedOn?: Dayjs }>();
  const { busy, error, run } = useSubmit(task);
  const to = Form.useWatch('state', form);
  const needsReason = !!to && transitionNeedsReason(task.state, to);
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="state-form"
      onFinish={async (v) => {
        const ok = await run(
          () => tasksApi.changeState(task.id, v.state, v.reason?.trim() || null, v.state === 'completed' ? (v.completedOn?.format(API_DATE_FORMAT) ?? null) : null),
          t('tasks.actions.stateChanged'),
        );
        if (ok) form.resetFields();
      }}
    >
      <Form.Item name="state" label={t('tasks.actions.newState')} rules={[{ required: true, message: t('tasks.actions.newState') }]}>
        <Select options={states.map((s) => ({ value: s, label: t(`taskState.${s}`) }))} data-testid="state-select" />
      </Form.Item>
      {to === 'completed' ? (
        <Form.Item name="completedOn" label={t('tasks.actions.completedOn')} initialValue={dayjs()}>
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="state-completed-on" />
        </Form.Item>
      ) : null}
      {needsReason || to === 'completed' || to === 'in_progress' ? (
        <Form.Item name="reason" label={t('tasks.actions.reason')} rules={needsReason ? [{ required: true, whitespace: true, message: t('tasks.actions.reasonRequired') }] : []}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="state-reason" />
        </Form.Item>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} className="task-action-error" data-testid="state-error" /> : null}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="state-submit">
        {t('tasks.actions.send')}
      </Button>
    </Form>
  );
}
