import { Alert, Input, InputNumber, Select, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ReportedTaskState, Submission, SubmissionTaskInput, SubmissionTaskRow } from '../../api/types';
import { formatDate } from '../../lib/format';
import { TaskProgress, TaskStatusTag } from '../Tasks/widgets';

export interface TaskDraft {
  progress: number | null;
  state: ReportedTaskState | null;
  note: string;
}

export const REPORTED_STATES: ReportedTaskState[] = ['in_progress', 'completed', 'paused'];

export function taskDraftsOf(s: Submission): Record<number, TaskDraft> {
  const out: Record<number, TaskDraft> = {};
  for (const r of s.tasks ?? []) {
    out[r.task.id] = { progress: r.progress, state: (REPORTED_STATES as string[]).includes(r.state ?? '') ? (r.state as ReportedTaskState) : null, note: r.note ?? '' };
  }
  return out;
}

export function isTaskDirty(r: SubmissionTaskRow, d: TaskDraft): boolean {
  return d.progress !== r.progress || (d.state ?? null) !== (r.state ?? null) || d.note.trim() !== (r.note ?? '');
}

export function taskInput(r: SubmissionTaskRow, d: TaskDraft): SubmissionTaskInput {
  const note = d.note.trim();
  return { task: r.task.id, progress: d.progress, state: d.state, note: note ? note : null };
}

/** The checks of the server, worded inline: progress 0–100 and not below the task's own; a pause needs a reason. */
export function taskProblems(t: TFunction, r: SubmissionTaskRow, d: TaskDraft): { progress?: string; note?: string } {
  const out: { progress?: string; note?: string } = {};
  if (d.progress !== null) {
    if (!Number.isInteger(d.progress) || d.progress < 0 || d.progress > 100) out.progress = t('reports.tasks.progressRange');
    else if (d.progress < r.task.progress) out.progress = t('reports.tasks.belowCurrent', { value: d.progress, current: r.task.progress });
  }
  if (d.state === 'paused' && !d.note.trim()) out.note = t('reports.tasks.pauseNeedsNote');
  if (d.note.length > 4000) out.note = t('reports.tasks.noteTooLong');
  return out;
}

interface Props {
  rows: SubmissionTaskRow[];
  drafts: Record<number, TaskDraft>;
  readOnly: boolean;
  isMobile: boolean;
  onChange: (id: number, patch: Partial<TaskDraft>) => void;
}

/** "Tiến độ nhiệm vụ": one row (a card on a phone) per task of the report's task sets. */
export function TaskReportSection({ rows, drafts, readOnly, isMobile, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <section className={isMobile ? 'task-report task-report-mobile' : 'task-report'} data-testid="task-report">
      <Typography.Title level={5} className="task-report-title">
        {t('reports.tasks.title', { count: rows.length })}
      </Typography.Title>
      {rows.length === 0 ? <Typography.Text type="secondary">{t('reports.tasks.empty')}</Typography.Text> : null}
      {!isMobile && rows.length > 0 ? (
        <div className="task-report-head" aria-hidden>
          <span>{t('reports.tasks.task')}</span>
          <span>{t('reports.tasks.current')}</span>
          <span>{t('reports.tasks.progress')}</span>
          <span>{t('reports.tasks.state')}</span>
          <span>{t('reports.tasks.note')}</span>
        </div>
      ) : null}
      {rows.map((r) => {
        const d = drafts[r.task.id] ?? { progress: r.progress, state: null, note: r.note ?? '' };
        const p = readOnly ? {} : taskProblems(t, r, d);
        return (
          <div key={r.task.id} className="task-report-row" data-testid="task-report-row" data-task={r.task.id}>
            <div className="task-report-task">
              <div>
                {r.task.ref ? <Tag className="task-report-ref">{r.task.ref}</Tag> : null}
                <Link to={`/tasks/${r.task.id}`} data-testid="task-report-link">
                  {r.task.title}
                </Link>
              </div>
              <Typography.Text type="secondary" className="task-report-meta">
                {r.task.plan.number}
                {r.task.dueDate ? ` · ${t('reports.tasks.due')}: ${formatDate(r.task.dueDate)}` : ''}
              </Typography.Text>
            </div>
            <div className="task-report-current">
              <TaskStatusTag status={r.task.status} />
              <TaskProgress status={r.task.status} progress={r.task.progress} />
            </div>
            <div className="task-report-field">
              {isMobile ? <label className="task-report-label">{t('reports.tasks.progress')}</label> : null}
              <InputNumber
                min={0}
                max={100}
                precision={0}
                suffix="%"
                value={d.progress}
                disabled={readOnly}
                status={p.progress ? 'error' : undefined}
                placeholder={String(r.task.progress)}
                aria-label={t('reports.tasks.progress')}
                data-testid="task-report-progress"
                style={{ width: '100%' }}
                onChange={(v) => onChange(r.task.id, { progress: typeof v === 'number' ? v : null })}
              />
              {p.progress ? (
                <div className="task-report-error" data-testid="task-report-progress-error">
                  {p.progress}
                </div>
              ) : null}
            </div>
            <div className="task-report-field">
              {isMobile ? <label className="task-report-label">{t('reports.tasks.state')}</label> : null}
              <Select
                allowClear
                value={d.state ?? undefined}
                disabled={readOnly}
                placeholder={t('reports.tasks.keepState')}
                aria-label={t('reports.tasks.state')}
                data-testid="task-report-state"
                style={{ width: '100%' }}
                options={REPORTED_STATES.map((s) => ({ value: s, label: t(`reports.tasks.states.${s}`) }))}
                onChange={(v) => onChange(r.task.id, { state: (v as ReportedTaskState | undefined) ?? null })}
              />
            </div>
            <div className="task-report-field">
              {isMobile ? <label className="task-report-label">{t('reports.tasks.note')}</label> : null}
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                value={d.note}
                disabled={readOnly}
                status={p.note ? 'error' : undefined}
                aria-label={t('reports.tasks.note')}
                data-testid="task-report-note"
                onChange={(e) => onChange(r.task.id, { note: e.target.value })}
              />
              {p.note ? (
                <div className="task-report-error" data-testid="task-report-note-error">
                  {p.note}
                </div>
              ) : null}
            </div>
            {r.problems.length > 0 ? (
              <Alert
                className="task-report-problems"
                type="warning"
                showIcon
                data-testid="task-report-problems"
                title={
                  <ul className="entry-problem-list">
                    {r.problems.map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                  </ul>
                }
              />
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
