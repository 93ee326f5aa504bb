import { isOverdue, taskStatus, type TaskState } from '../../domain/tasks.ts';
import type { FileMeta } from '../store/files.ts';
import type { TaskRow } from '../store/schema.ts';
import type { TaskView, TimelineRow, UnitRef } from '../store/tasks.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const unit = (u: UnitRef) => ({ id: u.id, code: u.code, name: u.name, closedOn: u.closed_on });

export const presentFile = (f: FileMeta) => ({
  id: f.id,
  name: f.name,
  contentType: f.content_type,
  size: f.size,
  sha256: f.sha256,
  uploadedAt: iso(f.uploaded_at),
  url: `/api/v1/files/${f.id}`,
});

export function presentTask(t: TaskView, extra: { cooperating: UnitRef[]; targetIds: number[] }, today: string) {
  const dates = { state: t.state as TaskState, dueDate: t.due_date, completedOn: t.completed_on };
  return {
    id: t.id,
    plan: { id: t.plan_id, kind: t.plan_kind, number: t.plan_number, title: t.plan_title },
    parentTaskId: t.parent_task_id,
    ref: t.ref,
    group: t.group_name,
    title: t.title,
    description: t.description,
    leadUnit: unit({ id: t.lead_unit_id, code: t.lead_code, name: t.lead_name, closed_on: t.lead_closed_on }),
    currentLeadUnit: { id: t.current_lead_id, code: t.current_lead_code, name: t.current_lead_name },
    cooperatingUnits: extra.cooperating.map(unit),
    responsible: { userId: t.responsible_user_id, name: t.responsible_name ?? t.responsible_full_name },
    deliverable: t.deliverable,
    approvingAuthority: t.approving_authority,
    startDate: t.start_date,
    dueDate: t.due_date,
    scheduleNote: t.schedule_note,
    state: t.state,
    stateReason: t.state_reason,
    status: taskStatus(dates, today),
    overdue: isOverdue(dates, today),
    progress: t.progress,
    completedOn: t.completed_on,
    targetIds: extra.targetIds,
    subTaskCount: t.sub_task_count,
    createdAt: iso(t.created_at),
    updatedAt: iso(t.updated_at),
  };
}

/** The task fields the audit trail keeps. */
export const auditTask = (t: TaskRow, extra?: { cooperatingUnitIds?: number[]; targetIds?: number[] }) => ({
  planId: t.plan_id,
  parentTaskId: t.parent_task_id,
  ref: t.ref,
  group: t.group_name,
  title: t.title,
  description: t.description,
  leadUnitId: t.lead_unit_id,
  responsibleUserId: t.responsible_user_id,
  responsibleName: t.responsible_name,
  deliverable: t.deliverable,
  approvingAuthority: t.approving_authority,
  startDate: t.start_date,
  dueDate: t.due_date,
  scheduleNote: t.schedule_note,
  state: t.state,
  stateReason: t.state_reason,
  progress: t.progress,
  completedOn: t.completed_on,
  ...(extra ?? {}),
});

export const presentTimelineEntry = (u: TimelineRow, files: FileMeta[]) => ({
  id: u.id,
  kind: u.kind,
  body: u.body,
  progress: u.progress,
  stateFrom: u.state_from,
  stateTo: u.state_to,
  detail: u.detail ?? null,
  author: u.author_id === null ? null : { id: u.author_id, username: u.author_username ?? '', fullName: u.author_full_name ?? '' },
  at: iso(u.created_at),
  files: files.map(presentFile),
});
