/** SQL for tasks (nhiệm vụ), their cooperating units, target links, timeline and budget lines. */
import { sql, type Insertable, type Updateable, type RawBuilder } from 'kysely';
import { compareRefs, type TaskStatus } from '../../domain/tasks.ts';
import { foldVietnamese } from '../../domain/text.ts';
import type { Db, Tx } from '../db/database.ts';
import type { BudgetLinesTable, TaskRow, TasksTable, TaskUpdatesTable } from './schema.ts';

type Q = Db | Tx;

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  closed_on: string | null;
}

export interface TaskView extends TaskRow {
  plan_kind: string;
  plan_number: string;
  plan_title: string;
  plan_issuer_unit_id: number | null;
  lead_code: string;
  lead_name: string;
  lead_closed_on: string | null;
  /** The open unit the lead unit's work belongs to now: itself, or the successor a merged unit hangs under. */
  current_lead_id: number;
  current_lead_code: string;
  current_lead_name: string;
  responsible_full_name: string | null;
  sub_task_count: number;
}

/**
 * The open unit a lead unit's work belongs to now, as a scalar SQL subquery: the unit itself, or —
 * a merged unit hangs under its successor (orgUnitChanges.ts) — the nearest open ancestor. `column`
 * picks what of that unit (alias `a`) to return, its id by default.
 */
export const currentLeadUnit = (unit: RawBuilder<unknown>, column: RawBuilder<unknown> = sql`a.id`): RawBuilder<unknown> =>
  sql`(SELECT ${column} FROM org_unit_closure c JOIN org_units a ON a.id = c.ancestor_id
    WHERE c.descendant_id = ${unit} AND a.closed_on IS NULL ORDER BY c.depth LIMIT 1)`;

const selectTasks = (q: Q) =>
  q
    .selectFrom('tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .innerJoin('org_units as lu', 'lu.id', 't.lead_unit_id')
    .leftJoin('users as ru', 'ru.id', 't.responsible_user_id')
    .selectAll('t')
    .select([
      'p.kind as plan_kind',
      'p.number as plan_number',
      'p.title as plan_title',
      'p.issuer_unit_id as plan_issuer_unit_id',
      'lu.code as lead_code',
      'lu.name as lead_name',
      'lu.closed_on as lead_closed_on',
      'ru.full_name as responsible_full_name',
    ])
    .select(sql<number>`(SELECT count(*)::int FROM tasks s WHERE s.parent_task_id = t.id)`.as('sub_task_count'))
    .select(currentLeadUnit(sql.ref('t.lead_unit_id'), sql`a.id || '|' || a.code || '|' || a.name`).$castTo<string>().as('current_lead'));

function withCurrentLead(row: Record<string, unknown>): TaskView {
  const [id, code, ...name] = String(row.current_lead ?? '').split('|');
  const { current_lead: _drop, ...rest } = row;
  return {
    ...(rest as unknown as TaskView),
    current_lead_id: id ? Number(id) : (row.lead_unit_id as number),
    current_lead_code: code ?? (row.lead_code as string),
    current_lead_name: name.length ? name.join('|') : (row.lead_name as string),
  };
}

/** The roots' subtrees, as a SQL condition on a unit id column. */
const inSubtrees = (unit: RawBuilder<unknown>, roots: number[]) =>
  sql`EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.descendant_id = ${unit} AND c.ancestor_id IN (${sql.join(roots)}))`;

/**
 * A task is visible when its lead unit or one of its cooperating units lies in the reader's
 * subtrees, or the plan's issuer does (the coordinators of the plan see all of its tasks).
 */
export function visibleTo(roots: number[]): RawBuilder<boolean> {
  if (roots.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${inSubtrees(sql.ref('t.lead_unit_id'), roots)}
    OR EXISTS (SELECT 1 FROM task_cooperating_units cu JOIN org_unit_closure c ON c.descendant_id = cu.org_unit_id
               WHERE cu.task_id = t.id AND c.ancestor_id IN (${sql.join(roots)}))
    OR (p.issuer_unit_id IS NOT NULL AND ${inSubtrees(sql.ref('p.issuer_unit_id'), roots)}))`;
}

/** The status of domain/tasks.ts taskStatus, in SQL, for filtering. */
export const statusSql = (today: string) => sql<TaskStatus>`CASE t.state
  WHEN 'in_progress' THEN CASE WHEN t.due_date < ${today}::date THEN 'in_progress_overdue' ELSE 'in_progress_on_time' END
  WHEN 'completed' THEN CASE WHEN t.completed_on > t.due_date THEN 'completed_late' ELSE 'completed_on_time' END
  ELSE t.state END`;

export async function findTask(q: Q, id: number): Promise<TaskRow | undefined> {
  return q.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The task row locked for a write (two progress reports on one task go one after the other). */
export async function lockTask(q: Tx, id: number): Promise<TaskRow | undefined> {
  return q.selectFrom('tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findTaskView(q: Q, id: number, roots?: number[]): Promise<TaskView | undefined> {
  let s = selectTasks(q).where('t.id', '=', id);
  if (roots) s = s.where(visibleTo(roots));
  const row = await s.executeTakeFirst();
  return row ? withCurrentLead(row) : undefined;
}

export interface TaskListQuery {
  roots: number[];
  planId?: number;
  /** Any of these plans (the dashboard reads a plan and the plans implementing it at once). */
  planIds?: number[];
  leadUnitId?: number;
  parentTaskId?: number;
  status?: TaskStatus;
  overdue?: boolean;
  dueFrom?: string;
  dueTo?: string;
  text?: string;
  today: string;
  limit: number;
  /** Keyset: [plan id, sort order, id] of the last row of the previous page. */
  after?: [number, number, number];
}

function filtered(q: Q, query: Omit<TaskListQuery, 'limit' | 'after'>) {
  let s = selectTasks(q).where(visibleTo(query.roots));
  if (query.planId !== undefined) s = s.where('t.plan_id', '=', query.planId);
  if (query.planIds !== undefined) s = query.planIds.length ? s.where('t.plan_id', 'in', query.planIds) : s.where(sql<boolean>`false`);
  if (query.leadUnitId !== undefined) s = s.where(inSubtrees(sql.ref('t.lead_unit_id'), [query.leadUnitId]) as RawBuilder<boolean>);
  if (query.parentTaskId !== undefined) s = s.where('t.parent_task_id', '=', query.parentTaskId);
  if (query.status) s = s.where(statusSql(query.today), '=', query.status);
  if (query.overdue) s = s.where('t.state', 'in', ['not_started', 'in_progress']).where('t.due_date', '<', query.today);
  if (query.dueFrom) s = s.where('t.due_date', '>=', query.dueFrom);
  if (query.dueTo) s = s.where('t.due_date', '<=', query.dueTo);
  if (query.text) {
    // Every folded word in the folded reference, title, description or deliverable (0007_task_search.sql):
    // "ha tang so" finds "hạ tầng số".
    const words = foldVietnamese(query.text).split(' ').filter(Boolean);
    if (words.length === 0) s = s.where(sql<boolean>`false`);
    for (const word of words) s = s.where(sql<boolean>`t.search_key LIKE ${`%${word}%`}`);
  }
  return s;
}

/** In plan order: plan, then the plan's reading order of references, then id. */
export async function listTasks(q: Q, query: TaskListQuery): Promise<TaskView[]> {
  let s = filtered(q, query);
  if (query.after) {
    const [planId, order, id] = query.after;
    s = s.where(sql<boolean>`(t.plan_id, t.sort_order, t.id) > (${planId}::bigint, ${order}::int, ${id}::bigint)`);
  }
  const rows = await s.orderBy('t.plan_id').orderBy('t.sort_order').orderBy('t.id').limit(query.limit).execute();
  return rows.map(withCurrentLead);
}

/** Every matching task (statistics count them all). */
export async function allTasks(q: Q, query: Omit<TaskListQuery, 'limit' | 'after'>): Promise<TaskView[]> {
  const rows = await filtered(q, query).orderBy('t.plan_id').orderBy('t.sort_order').orderBy('t.id').execute();
  return rows.map(withCurrentLead);
}

export async function cooperatingUnits(q: Q, taskIds: number[]): Promise<Map<number, UnitRef[]>> {
  const out = new Map<number, UnitRef[]>();
  if (taskIds.length === 0) return out;
  const rows = await q
    .selectFrom('task_cooperating_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.org_unit_id')
    .select(['cu.task_id', 'u.id', 'u.code', 'u.name', 'u.closed_on'])
    .where('cu.task_id', 'in', taskIds)
    .orderBy('u.code')
    .execute();
  for (const { task_id, ...u } of rows) out.set(task_id, [...(out.get(task_id) ?? []), u]);
  return out;
}

export async function targetLinks(q: Q, taskIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (taskIds.length === 0) return out;
  const rows = await q.selectFrom('task_targets').select(['task_id', 'target_id']).where('task_id', 'in', taskIds).orderBy('target_id').execute();
  for (const r of rows) out.set(r.task_id, [...(out.get(r.task_id) ?? []), r.target_id]);
  return out;
}

export async function insertTask(q: Q, row: Omit<Insertable<TasksTable>, 'id' | 'created_at' | 'updated_at'>): Promise<TaskRow> {
  return q.insertInto('tasks').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateTask(q: Q, id: number, changes: Omit<Updateable<TasksTable>, 'id' | 'created_at' | 'updated_at'>): Promise<TaskRow> {
  return q.updateTable('tasks').set({ ...changes, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function setCooperatingUnits(q: Q, taskId: number, unitIds: number[]): Promise<void> {
  await q.deleteFrom('task_cooperating_units').where('task_id', '=', taskId).execute();
  if (unitIds.length) await q.insertInto('task_cooperating_units').values(unitIds.map((org_unit_id) => ({ task_id: taskId, org_unit_id }))).execute();
}

export async function setTargetLinks(q: Q, taskId: number, targetIds: number[]): Promise<void> {
  await q.deleteFrom('task_targets').where('task_id', '=', taskId).execute();
  if (targetIds.length) await q.insertInto('task_targets').values(targetIds.map((target_id) => ({ task_id: taskId, target_id }))).execute();
}

/** sort_order = the rank of each task of the plan in reading order of its reference ("II.1.c" < "II.1.đ"). */
export async function renumberPlan(q: Q, planId: number): Promise<void> {
  const rows = await q.selectFrom('tasks').select(['id', 'ref', 'sort_order']).where('plan_id', '=', planId).execute();
  rows.sort((a, b) => compareRefs(a.ref, b.ref) || a.id - b.id);
  const changed = rows.map((r, i) => ({ id: r.id, order: i + 1, was: r.sort_order })).filter((r) => r.order !== r.was);
  if (changed.length === 0) return;
  await sql`UPDATE tasks SET sort_order = v.o FROM unnest(${changed.map((r) => r.id)}::bigint[], ${changed.map((r) => r.order)}::int[]) AS v(id, o) WHERE tasks.id = v.id`.execute(q);
}

export async function insertUpdate(q: Q, row: Omit<Insertable<TaskUpdatesTable>, 'id' | 'created_at'>): Promise<number> {
  return (await q.insertInto('task_updates').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function attachFiles(q: Q, updateId: number, fileIds: number[]): Promise<void> {
  if (fileIds.length) await q.insertInto('task_update_files').values(fileIds.map((file_id) => ({ update_id: updateId, file_id }))).execute();
}

export interface TimelineRow {
  id: number;
  kind: TaskUpdatesTable['kind'];
  body: string | null;
  progress: number | null;
  state_from: string | null;
  state_to: string | null;
  detail: unknown;
  author_id: number | null;
  author_username: string | null;
  author_full_name: string | null;
  created_at: Date;
}

export async function timeline(q: Q, taskId: number): Promise<TimelineRow[]> {
  return q
    .selectFrom('task_updates as u')
    .leftJoin('users as a', 'a.id', 'u.author_id')
    .select(['u.id', 'u.kind', 'u.body', 'u.progress', 'u.state_from', 'u.state_to', 'u.detail', 'u.author_id', 'a.username as author_username', 'a.full_name as author_full_name', 'u.created_at'])
    .where('u.task_id', '=', taskId)
    .orderBy('u.id')
    .execute();
}

export type BudgetLine = Omit<Insertable<BudgetLinesTable>, 'id' | 'task_id'>;

export async function budgetLines(q: Q, taskIds: number[]) {
  if (taskIds.length === 0) return [];
  return q.selectFrom('budget_lines').selectAll().where('task_id', 'in', taskIds).orderBy('task_id').orderBy('source').orderBy(sql`coalesce(year, 0)`).execute();
}

export async function replaceBudget(q: Q, taskId: number, lines: BudgetLine[]): Promise<void> {
  await q.deleteFrom('budget_lines').where('task_id', '=', taskId).execute();
  if (lines.length) await q.insertInto('budget_lines').values(lines.map((l) => ({ ...l, task_id: taskId }))).execute();
}

/**
 * Money of a plan's tasks by a key (source or group): the task's whole need and approved estimate
 * (lines without a year), and the year's need, allocation and disbursement (lines of that year).
 */
export async function planBudget(q: Q, planId: number, year: number, by: 'source' | 'group' | 'all') {
  const key = by === 'source' ? sql`b.source` : by === 'group' ? sql`coalesce(t.group_name, '')` : sql`''`;
  const rows = await sql<{
    key: string;
    tasks: number;
    lead_units: number;
    requested: string | null;
    approved: string | null;
    requested_year: string | null;
    allocated_year: string | null;
    disbursed_year: string | null;
  }>`
    SELECT ${key} AS key,
      count(DISTINCT t.id)::int AS tasks,
      count(DISTINCT t.lead_unit_id)::int AS lead_units,
      sum(b.requested) FILTER (WHERE b.year IS NULL) AS requested,
      sum(b.approved) FILTER (WHERE b.year IS NULL) AS approved,
      sum(b.requested) FILTER (WHERE b.year = ${year}::int) AS requested_year,
      sum(b.allocated) FILTER (WHERE b.year = ${year}::int) AS allocated_year,
      sum(b.disbursed) FILTER (WHERE b.year = ${year}::int) AS disbursed_year
    FROM tasks t JOIN budget_lines b ON b.task_id = t.id
    WHERE t.plan_id = ${planId}::bigint
    GROUP BY 1 ORDER BY 1
  `.execute(q);
  const n = (v: string | number | null) => (v === null ? 0 : Number(v));
  return rows.rows.map((r) => ({
    key: r.key,
    tasks: r.tasks,
    leadUnits: r.lead_units,
    requested: n(r.requested),
    approved: n(r.approved),
    requestedYear: n(r.requested_year),
    allocatedYear: n(r.allocated_year),
    disbursedYear: n(r.disbursed_year),
  }));
}
