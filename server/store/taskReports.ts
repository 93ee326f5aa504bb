/**
 * SQL for task progress through report forms (0008_task_report_items.sql): a form's task sets, the
 * tasks a submission reports on, and the staged task rows of a submission.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { SubmissionTaskValuesTable } from './schema.ts';

type Q = Db | Tx;

export type ReportedState = NonNullable<SubmissionTaskValuesTable['state']>;

export interface TaskSetRow {
  form_id: number;
  plan_id: number | null;
  plan_number: string | null;
  plan_title: string | null;
  position: number;
}

export async function taskSetsOf(q: Q, formIds: number[]): Promise<TaskSetRow[]> {
  if (formIds.length === 0) return [];
  return q
    .selectFrom('report_form_task_sets as s')
    .leftJoin('plans as p', 'p.id', 's.plan_id')
    .select(['s.form_id', 's.plan_id', 'p.number as plan_number', 'p.title as plan_title', 's.position'])
    .where('s.form_id', 'in', formIds)
    .orderBy('s.form_id')
    .orderBy('s.position')
    .execute();
}

export async function replaceTaskSets(tx: Tx, formId: number, planIds: (number | null)[]): Promise<void> {
  await tx.deleteFrom('report_form_task_sets').where('form_id', '=', formId).execute();
  if (planIds.length === 0) return;
  await tx
    .insertInto('report_form_task_sets')
    .values(planIds.map((planId, position) => ({ form_id: formId, plan_id: planId, position })))
    .execute();
}

/** A task as a report on it needs it. */
export interface ReportTask {
  id: number;
  plan_id: number;
  plan_number: string;
  ref: string | null;
  title: string;
  state: 'not_started' | 'in_progress' | 'completed' | 'paused' | 'cancelled';
  progress: number;
  start_date: string | null;
  due_date: string | null;
  completed_on: string | null;
  /** Whether the unit leads the task now (its lead unit, or a merged lead that hangs under it) and a task set of the form holds it. */
  in_sets: boolean;
}

/** The open unit a task's work belongs to now: its lead unit, or the successor a merged lead hangs under (as store/tasks.ts). */
const currentLead = sql`(SELECT a.id FROM org_unit_closure c JOIN org_units a ON a.id = c.ancestor_id
  WHERE c.descendant_id = t.lead_unit_id AND a.closed_on IS NULL ORDER BY c.depth LIMIT 1)`;

/**
 * The tasks of a report: the open tasks (not started, in progress, paused) the unit leads in the
 * plans of the form's task sets (a set's plan and the plans implementing it, at any depth; a set
 * without a plan: every plan), and whatever the submission already staged rows for (a task completed
 * since stays visible in its report). `extraIds`: tasks a request names, looked up to word refusals.
 */
export async function reportTasks(q: Q, formId: number, unitId: number, submissionId: number | null, extraIds: number[] = []): Promise<ReportTask[]> {
  const result = await sql<ReportTask>`
    WITH RECURSIVE set_plans AS (
      SELECT plan_id FROM report_form_task_sets WHERE form_id = ${formId}::bigint AND plan_id IS NOT NULL
      UNION
      SELECT p.id FROM plans p JOIN set_plans s ON p.parent_plan_id = s.plan_id
    ), all_plans AS (
      SELECT EXISTS (SELECT 1 FROM report_form_task_sets WHERE form_id = ${formId}::bigint AND plan_id IS NULL) AS yes
    ), candidates AS (
      SELECT t.id,
             ${currentLead} = ${unitId}::bigint
               AND t.state IN ('not_started', 'in_progress', 'paused')
               AND ((SELECT yes FROM all_plans) OR t.plan_id IN (SELECT plan_id FROM set_plans)) AS in_sets
        FROM tasks t
       WHERE t.id IN (SELECT task_id FROM submission_task_values WHERE submission_id = ${submissionId ?? 0}::bigint)
          OR t.id = ANY(${extraIds}::bigint[])
          OR (t.state IN ('not_started', 'in_progress', 'paused')
              AND ((SELECT yes FROM all_plans) OR t.plan_id IN (SELECT plan_id FROM set_plans))
              AND t.lead_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${unitId}::bigint)
              AND ${currentLead} = ${unitId}::bigint)
    )
    SELECT t.id, t.plan_id, p.number AS plan_number, t.ref, t.title, t.state, t.progress,
           to_char(t.start_date, 'YYYY-MM-DD') AS start_date, to_char(t.due_date, 'YYYY-MM-DD') AS due_date,
           to_char(t.completed_on, 'YYYY-MM-DD') AS completed_on, c.in_sets
      FROM candidates c JOIN tasks t ON t.id = c.id JOIN plans p ON p.id = t.plan_id
     ORDER BY p.number, t.plan_id, t.sort_order, t.id`.execute(q);
  return result.rows.map((r) => ({ ...r, in_sets: r.in_sets === true }));
}

export interface StagedTask {
  progress: number | null;
  state: ReportedState | null;
  note: string | null;
}

export async function stagedTasks(q: Q, submissionId: number): Promise<Map<number, StagedTask>> {
  const rows = await q.selectFrom('submission_task_values').select(['task_id', 'progress', 'state', 'note']).where('submission_id', '=', submissionId).execute();
  return new Map(rows.map((r) => [r.task_id, { progress: r.progress, state: r.state, note: r.note }]));
}

/** Upsert and delete staged task rows; the number of rows that really changed. */
export async function writeStagedTasks(tx: Tx, submissionId: number, upserts: ({ taskId: number } & StagedTask)[], deletes: number[], actorId: number): Promise<number> {
  let changed = 0;
  if (upserts.length) {
    const col = <T,>(f: (r: (typeof upserts)[number]) => T) => upserts.map(f);
    const result = await sql<{ task_id: number }>`
      INSERT INTO submission_task_values AS s (submission_id, task_id, progress, state, note, updated_by)
      SELECT ${submissionId}::bigint, k.*, ${actorId}::bigint FROM unnest(
        ${col((r) => r.taskId)}::bigint[], ${col((r) => r.progress)}::int[], ${col((r) => r.state)}::text[], ${col((r) => r.note)}::text[]) AS k
      ON CONFLICT (submission_id, task_id) DO UPDATE SET
        progress = EXCLUDED.progress, state = EXCLUDED.state, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = clock_timestamp()
      WHERE (s.progress, s.state, s.note) IS DISTINCT FROM (EXCLUDED.progress, EXCLUDED.state, EXCLUDED.note)
      RETURNING s.task_id`.execute(tx);
    changed += result.rows.length;
  }
  if (deletes.length) {
    const result = await tx.deleteFrom('submission_task_values').where('submission_id', '=', submissionId).where('task_id', 'in', deletes).returning('task_id').execute();
    changed += result.length;
  }
  return changed;
}
