import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACTIONS, type Action } from '../../../../domain/roles';
import type { TaskStatus, User } from '../../api/types';
import './tasks.css';

export const TASK_STATUS_COLORS: Record<TaskStatus, string> = {
  not_started: 'default',
  in_progress_on_time: 'processing',
  in_progress_overdue: 'error',
  completed_on_time: 'success',
  completed_late: 'warning',
  paused: 'purple',
  cancelled: 'default',
};

export const TASK_STATUS_HEX: Record<TaskStatus, string> = {
  not_started: '#bfbfbf',
  in_progress_on_time: '#1677ff',
  in_progress_overdue: '#cf1322',
  completed_on_time: '#389e0d',
  completed_late: '#d46b08',
  paused: '#722ed1',
  cancelled: '#595959',
};

/** Whether any of the user's grants allows the action somewhere (the server still checks the task's units). */
export function mayDo(user: User, action: Action): boolean {
  const roles: readonly string[] = ACTIONS[action];
  return user.memberships.some((m) => roles.includes(m.role));
}

/** The status everyone sees: the state refined by the dates (computed by the server). */
export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={TASK_STATUS_COLORS[status]} className="task-status" data-status={status} data-testid="task-status">
      {t(`taskStatus.${status}`)}
    </Tag>
  );
}

export function TaskProgress({ status, progress, size = 'small' }: { status: TaskStatus; progress: number; size?: 'small' | 'default' }) {
  const exception = status === 'in_progress_overdue';
  return (
    <Progress
      percent={progress}
      size={size}
      status={exception ? 'exception' : status.startsWith('completed') ? 'success' : 'normal'}
      strokeColor={TASK_STATUS_HEX[status]}
      data-testid="task-progress"
    />
  );
}

/** Days between two YYYY-MM-DD dates. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Today in Vietnam (UTC+7) as YYYY-MM-DD. */
export const todayInVietnam = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
