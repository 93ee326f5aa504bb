/**
 * Task progress through report forms (issue 4, item 3): a form's task sets name the plans whose open
 * tasks a reporting unit reports on; a submission (form × unit × period) stages one row per task —
 * progress, a state change, a note — as a draft with its values, submits them with its values, and
 * its approval applies them through the task commands (reportProgressIn / changeStateIn), in the
 * approving transaction, so the task's timeline and the audit trail say they came from submission N.
 *
 * Rules of a row (checked when saving, again when submitting and approving, every problem listed):
 * - the task must be one the unit leads now, open, in a plan of the form's task sets;
 * - progress 0–100 and never below the task's current progress (a report does not take work back);
 * - a state change must be one the lead unit may make (in progress, completed, paused with the note
 *   as reason); cancelling and reopening stay the coordinator's decision on the task itself;
 * - a row holding nothing clears the task's row.
 */
import { checkStateChange, transitionAction, taskStatus, type TaskState } from '../../domain/tasks.ts';
import { reportingDate } from '../../domain/forms.ts';
import type { Db, Tx } from '../db/database.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';
import { forbidden, type FieldProblem } from '../http/problem.ts';
import type { SubmissionRow } from '../store/schema.ts';
import * as store from '../store/taskReports.ts';
import type { CommandContext } from './context.ts';
import { changeStateIn, reportProgressIn } from './tasks.ts';

export const REPORTED_STATES = ['in_progress', 'completed', 'paused'] as const satisfies readonly store.ReportedState[];

export interface TaskRowInput {
  task: number;
  progress?: number | null;
  state?: store.ReportedState | null;
  note?: string | null;
}

/** What a submission knows of its tasks. */
export interface TaskReport {
  tasks: store.ReportTask[];
  staged: Map<number, store.StagedTask>;
}

export async function loadTaskReport(q: Db | Tx, formId: number, unitId: number, submission: SubmissionRow | undefined, extraIds: number[] = []): Promise<TaskReport> {
  const tasks = await store.reportTasks(q, formId, unitId, submission?.id ?? null, extraIds);
  const staged = submission ? await store.stagedTasks(q, submission.id) : new Map<number, store.StagedTask>();
  return { tasks, staged };
}

/** The date a completion reported by the submission counts from: the day it was submitted (today while a draft). */
export const completionDate = (submission: SubmissionRow | undefined, today: string) => (submission?.submitted_at ? reportingDate(new Date(submission.submitted_at)) : today);

const isEmpty = (r: store.StagedTask) => r.progress === null && r.state === null && !(r.note ?? '').trim();

/** The state a row leads from: a progress report starts a task not yet started. */
const stateAfterProgress = (task: store.ReportTask, row: store.StagedTask): TaskState =>
  task.state === 'not_started' && row.progress !== null && row.state !== 'completed' ? 'in_progress' : task.state;

/** The problems of one row against the task as it is now, worded. */
function rowProblems(task: store.ReportTask | undefined, taskId: number, row: store.StagedTask, unitName: string, completedOn: string, locale: Locale): string[] {
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  if (!task || !task.in_sets) {
    if (task && (task.state === 'completed' || task.state === 'cancelled')) return [say('submissionTask.closed', { task: label(task), state: stateWord(locale, task.state) })];
    return [say('submissionTask.notInReport', { id: taskId, unit: unitName })];
  }
  const out: string[] = [];
  if (row.progress !== null && row.progress < task.progress && row.state !== 'completed')
    out.push(say('submissionTask.progressRegress', { task: label(task), progress: row.progress, current: task.progress }));
  const from = stateAfterProgress(task, row);
  if (row.state !== null && row.state !== from) {
    const problem =
      transitionAction(from, row.state) !== 'task.report'
        ? 'notAllowed'
        : checkStateChange({ state: from, startDate: task.start_date }, { to: row.state, reason: row.note, completedOn: row.state === 'completed' ? completedOn : null }, completedOn);
    if (problem === 'notAllowed') out.push(say('submissionTask.transition', { task: label(task), from: stateWord(locale, from), to: stateWord(locale, row.state) }));
    else if (problem === 'reasonRequired') out.push(say('submissionTask.reasonRequired', { task: label(task) }));
    else if (problem === 'completedBeforeStart') out.push(say('submissionTask.completedBeforeStart', { task: label(task), start: task.start_date ?? '' }));
    else if (problem && problem !== 'sameState') out.push(say(`task.${problem}` as MessageKey, { today: completedOn, start: task.start_date ?? '' }));
  }
  return out;
}

const stateWord = (locale: Locale, state: string) => translate(locale, `submissionTask.state.${state}` as MessageKey);

const label = (t: { ref: string | null; title: string; plan_number: string }) => `${t.plan_number}${t.ref ? ` ${t.ref}` : ''} «${t.title}»`;

/** Every problem of the staged rows (for the view, submit and approval), with `tasks.<id>` as path. */
export function stagedTaskProblems(report: TaskReport, unitName: string, completedOn: string, locale: Locale): FieldProblem[] {
  const byId = new Map(report.tasks.map((t) => [t.id, t]));
  return [...report.staged.entries()].flatMap(([id, row]) => rowProblems(byId.get(id), id, row, unitName, completedOn, locale).map((message) => ({ path: `tasks.${id}`, message })));
}

export interface TaskPlan {
  problems: FieldProblem[];
  upserts: ({ taskId: number } & store.StagedTask)[];
  deletes: number[];
  /** The staged rows after the change. */
  next: Map<number, store.StagedTask>;
}

/**
 * What a save of `rows` does to the staged task rows: each row names a task of the report; a row
 * holding nothing clears it; the others are checked (`tasks[i]` in problems). Rows need the
 * caller's 'task.report' over the unit, as reporting on the task itself does.
 */
export async function planTaskRows(q: Db | Tx, ctx: CommandContext, unit: { id: number; name: string }, report: TaskReport, rows: TaskRowInput[], completedOn: string, locale: Locale): Promise<TaskPlan> {
  const next = new Map(report.staged);
  const plan: TaskPlan = { problems: [], upserts: [], deletes: [], next };
  if (rows.length === 0) return plan;
  if (!(await ctx.access.unitInScope(q, 'task.report', unit.id))) throw forbidden('task.notLead');
  const byId = new Map(report.tasks.map((t) => [t.id, t]));
  const seen = new Map<number, number>();
  rows.forEach((input, index) => {
    const path = `tasks[${index}]`;
    const first = seen.get(input.task);
    if (first !== undefined) return plan.problems.push({ path, message: translate(locale, 'submissionTask.duplicate', { id: input.task, other: first + 1 }) });
    seen.set(input.task, index);
    const row: store.StagedTask = { progress: input.progress ?? null, state: input.state ?? null, note: input.note?.normalize('NFC').trim() || null };
    const task = byId.get(input.task);
    if (isEmpty(row)) {
      if (!task) return plan.problems.push({ path, message: translate(locale, 'submissionTask.notInReport', { id: input.task, unit: unit.name }) });
      next.delete(input.task);
      if (report.staged.has(input.task)) plan.deletes.push(input.task);
      return;
    }
    const found = rowProblems(task, input.task, row, unit.name, completedOn, locale);
    for (const message of found) plan.problems.push({ path, message });
    if (found.length) return;
    next.set(input.task, row);
    plan.upserts.push({ taskId: input.task, ...row });
  });
  return plan;
}

export const writeTaskPlan = (tx: Tx, submissionId: number, plan: TaskPlan, actorId: number) => store.writeStagedTasks(tx, submissionId, plan.upserts, plan.deletes, actorId);

/** The rows as the submission payload shows them: every task of the report, with its staged row. */
export function presentTaskRows(report: TaskReport, problems: FieldProblem[], today: string) {
  return report.tasks
    .filter((t) => t.in_sets || report.staged.has(t.id))
    .map((t) => {
      const row = report.staged.get(t.id);
      return {
        task: {
          id: t.id,
          ref: t.ref,
          title: t.title,
          plan: { id: t.plan_id, number: t.plan_number },
          dueDate: t.due_date,
          status: taskStatus({ state: t.state, dueDate: t.due_date, completedOn: t.completed_on }, today),
          progress: t.progress,
        },
        progress: row?.progress ?? null,
        state: row?.state ?? null,
        note: row?.note ?? null,
        problems: problems.filter((p) => p.path === `tasks.${t.id}`).map((p) => p.message),
      };
    });
}

/**
 * Apply the approved rows to their tasks, in the approving transaction: a changed progress (or a
 * note alone) is a progress report, a state change goes through changeState with the note as its
 * reason; the reporter who submitted is the author, the submission the origin. Returns how many
 * tasks changed.
 */
export async function applyTaskRows(tx: Tx, ctx: CommandContext, submission: SubmissionRow, report: TaskReport, defaultNote: string, completedOn: string): Promise<number> {
  const via = { submissionId: submission.id, authorId: submission.submitted_by ?? ctx.access.signedIn.userId };
  let applied = 0;
  for (const task of report.tasks) {
    const row = report.staged.get(task.id);
    if (!row || isEmpty(row)) continue;
    const from = stateAfterProgress(task, row);
    const stateChange = row.state !== null && row.state !== from;
    const progressChange = row.progress !== null && row.progress !== task.progress && row.state !== 'completed';
    if (progressChange || (!stateChange && row.note)) {
      await reportProgressIn(tx, ctx, task.id, { body: (stateChange ? null : row.note) ?? defaultNote, progress: row.progress ?? task.progress }, via);
    }
    if (stateChange) await changeStateIn(tx, ctx, task.id, { state: row.state!, reason: row.note, completedOn: row.state === 'completed' ? completedOn : null }, via);
    applied++;
  }
  return applied;
}

// ---------------------------------------------------------------------------------------------
// Task sets of a form

/** Resolve `taskSets` of a form definition: every plan must exist; each plan (or "all plans") once. */
export async function resolveTaskSets(q: Db | Tx, sets: { plan: number | null }[], locale: Locale, problems: FieldProblem[]): Promise<(number | null)[]> {
  const ids = sets.flatMap((s) => (s.plan === null ? [] : [s.plan]));
  const known = new Set(ids.length ? (await q.selectFrom('plans').select('id').where('id', 'in', ids).execute()).map((p) => p.id) : []);
  const seen = new Map<number | null, number>();
  const out: (number | null)[] = [];
  sets.forEach((s, index) => {
    const path = `body.taskSets[${index}]`;
    if (s.plan !== null && !known.has(s.plan)) return problems.push({ path, message: translate(locale, 'plan.notFound', { id: s.plan }) });
    const first = seen.get(s.plan);
    if (first !== undefined) return problems.push({ path, message: translate(locale, 'form.duplicateTaskSet', { other: first + 1 }) });
    seen.set(s.plan, index);
    out.push(s.plan);
  });
  return out;
}

export async function presentTaskSets(q: Db | Tx, formId: number) {
  return (await store.taskSetsOf(q, [formId])).map((s) => ({ plan: s.plan_id === null ? null : { id: s.plan_id, number: s.plan_number!, title: s.plan_title! } }));
}
