/**
 * Tasks (nhiệm vụ) with the "6 rõ": assignment by the plan's coordinators, progress and state
 * reported by the lead unit, comments by the lead and cooperating units, budgets, statistics.
 *
 * Scope: 'task.write' over the plan's issuer (a plan without an issuer: top-level grant) creates,
 * edits, budgets, cancels and reopens; 'task.report' over the lead unit reports progress and
 * state; 'task.comment' over the lead or a cooperating unit (or the issuer) comments. A task is
 * read by whoever sees its lead unit, a cooperating unit or the plan's issuer. A task whose lead
 * unit was merged hangs with that unit under the successor, so the successor's people see and
 * report it.
 */
import {
  BUDGET_SOURCES,
  acceptsProgress,
  addToCounts,
  checkStateChange,
  classifyTask,
  datesInOrder,
  disbursedWithinAllocated,
  emptyCounts,
  isOverdue,
  taskActions,
  transitionAction,
  type BudgetSource,
  type TaskClass,
  type TaskCounts,
  type TaskState,
  type TaskStatus,
} from '../../domain/tasks.ts';
import { cleanName } from '../../domain/text.ts';
import type { Db, Tx } from '../db/database.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../http/problem.ts';
import { decodeCursor, encodeCursor } from '../presenters/cursor.ts';
import { auditTask, presentTask, presentTimelineEntry } from '../presenters/tasks.ts';
import { filesOfUpdates } from '../store/files.ts';
import type { PlanRow, TaskRow } from '../store/schema.ts';
import * as store from '../store/tasks.ts';
import { audit, actorOf, type CommandContext } from './context.ts';
import { requireAttachable } from './files.ts';
import { holdsTopLevel, requireTopLevel } from './indicators.ts';
import { todayInVietnam } from './reportingClock.ts';

type Q = Db | Tx;

export interface TaskInput {
  planId: number;
  parentTaskId?: number | null;
  ref?: string | null;
  group?: string | null;
  title: string;
  description?: string | null;
  leadUnitId: number;
  cooperatingUnitIds?: number[];
  responsibleUserId?: number | null;
  responsibleName?: string | null;
  deliverable?: string | null;
  approvingAuthority?: string | null;
  startDate?: string | null;
  dueDate?: string | null;
  scheduleNote?: string | null;
  targetIds?: number[];
}

const text = (v: string | null | undefined) => (v == null ? null : v.trim() || null);

export async function findPlanOr404(q: Q, id: number): Promise<PlanRow> {
  const plan = await q.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!plan) throw notFound('plan.notFound', { id });
  return plan;
}

/** 'task.write' over the plan's issuer; a plan with no issuer belongs to the top of the tree. */
export async function requireTaskWrite(q: Q, ctx: CommandContext, plan: PlanRow): Promise<void> {
  if (plan.issuer_unit_id === null) return requireTopLevel(q, ctx, 'task.write');
  await ctx.access.requireUnit(q, 'task.write', plan.issuer_unit_id);
}

interface TaskScope {
  id: number;
  leadUnitId: number;
  issuerUnitId: number | null;
  cooperatingUnitIds: number[];
}
export interface TaskGrants {
  /** 'task.write' over the plan's issuer (top level for a plan without one): edit, budget, cancel, reopen. */
  write: boolean;
  /** 'task.report' over the lead unit (a merged lead hangs under its successor): progress and state. */
  report: boolean;
  /** 'task.comment' over the lead unit, a cooperating unit or the plan's issuer. */
  comment: boolean;
}

/**
 * The caller's grants on each task, a few queries for a whole page: the scope rules of the task
 * commands in one place (they check them through here, and the payload's `actions` come from here).
 */
async function grantsOn(q: Q, ctx: CommandContext, tasks: TaskScope[]): Promise<Map<number, TaskGrants>> {
  const issuers = tasks.flatMap((t) => (t.issuerUnitId === null ? [] : [t.issuerUnitId]));
  const leads = tasks.map((t) => t.leadUnitId);
  const involved = [...leads, ...issuers, ...tasks.flatMap((t) => t.cooperatingUnitIds)];
  const write = await ctx.access.unitsInScope(q, 'task.write', issuers);
  const report = await ctx.access.unitsInScope(q, 'task.report', leads);
  const comment = await ctx.access.unitsInScope(q, 'task.comment', involved);
  const top = tasks.some((t) => t.issuerUnitId === null) ? await holdsTopLevel(q, ctx, 'task.write') : false;
  return new Map(
    tasks.map((t) => [
      t.id,
      {
        write: t.issuerUnitId === null ? top : write.has(t.issuerUnitId),
        report: report.has(t.leadUnitId),
        comment: [t.leadUnitId, ...t.cooperatingUnitIds, ...(t.issuerUnitId === null ? [] : [t.issuerUnitId])].some((u) => comment.has(u)),
      },
    ]),
  );
}

async function grantsOnTask(q: Q, ctx: CommandContext, task: TaskRow): Promise<TaskGrants> {
  const plan = await findPlanOr404(q, task.plan_id);
  const coops = (await store.cooperatingUnits(q, [task.id])).get(task.id) ?? [];
  const grants = await grantsOn(q, ctx, [{ id: task.id, leadUnitId: task.lead_unit_id, issuerUnitId: plan.issuer_unit_id, cooperatingUnitIds: coops.map((u) => u.id) }]);
  return grants.get(task.id)!;
}

async function lockOr404(tx: Tx, ctx: CommandContext, id: number): Promise<TaskRow> {
  const task = await store.lockTask(tx, id);
  // Not found and not visible read the same: a task outside one's scope does not exist for one.
  if (!task || !(await store.findTaskView(tx, id, ctx.access.scopeRoots('task.read')))) throw notFound('task.notFound', { id });
  return task;
}

/** Units must exist (404) and be open (422): no new work for a dissolved unit. */
async function requireOpenUnits(q: Q, ids: number[]): Promise<void> {
  for (const id of ids) {
    const unit = await q.selectFrom('org_units').select(['name', 'closed_on']).where('id', '=', id).executeTakeFirst();
    if (!unit) throw notFound('orgUnit.notFound', { id });
    if (unit.closed_on) throw unprocessable('task.unitClosed', { name: unit.name });
  }
}

/** Every reference the input makes: dates in order, parent in the same plan, units, people, targets. */
async function checkInput(q: Q, input: Partial<TaskInput>, planId: number, selfId?: number): Promise<void> {
  if (!datesInOrder(input.startDate, input.dueDate)) throw unprocessable('task.datesOrder', { start: input.startDate ?? '', due: input.dueDate ?? '' });
  if (input.parentTaskId != null) {
    const parent = await store.findTask(q, input.parentTaskId);
    if (!parent) throw notFound('task.notFound', { id: input.parentTaskId });
    if (parent.plan_id !== planId) throw unprocessable('task.parentOtherPlan');
    if (selfId !== undefined) {
      // No cycles: walk up from the new parent.
      for (let p: TaskRow | undefined = parent; p; p = p.parent_task_id ? await store.findTask(q, p.parent_task_id) : undefined) {
        if (p.id === selfId) throw unprocessable('task.parentCycle');
      }
    }
  }
  if (input.leadUnitId !== undefined) await requireOpenUnits(q, [input.leadUnitId]);
  if (input.cooperatingUnitIds) {
    await requireOpenUnits(q, input.cooperatingUnitIds);
    if (input.leadUnitId !== undefined && input.cooperatingUnitIds.includes(input.leadUnitId)) throw unprocessable('task.leadCooperates');
  }
  if (input.responsibleUserId != null) {
    const user = await q.selectFrom('users').select('id').where('id', '=', input.responsibleUserId).executeTakeFirst();
    if (!user) throw notFound('user.notFound', { id: input.responsibleUserId });
  }
  for (const targetId of input.targetIds ?? []) {
    const target = await q.selectFrom('targets').select('id').where('id', '=', targetId).executeTakeFirst();
    if (!target) throw notFound('target.notFound', { id: targetId });
  }
}

async function present(q: Q, ctx: CommandContext, rows: store.TaskView[], today: string) {
  const ids = rows.map((r) => r.id);
  const [coops, targets] = await Promise.all([store.cooperatingUnits(q, ids), store.targetLinks(q, ids)]);
  const grants = await grantsOn(
    q,
    ctx,
    rows.map((r) => ({ id: r.id, leadUnitId: r.lead_unit_id, issuerUnitId: r.plan_issuer_unit_id, cooperatingUnitIds: (coops.get(r.id) ?? []).map((u) => u.id) })),
  );
  return rows.map((r) => ({
    ...presentTask(r, { cooperating: coops.get(r.id) ?? [], targetIds: targets.get(r.id) ?? [] }, today),
    actions: taskActions(r.state as TaskState, grants.get(r.id)!),
  }));
}

/** The task with its budget lines, as the caller may see it. */
export async function getTask(ctx: CommandContext, id: number) {
  const view = await store.findTaskView(ctx.db, id, ctx.access.scopeRoots('task.read'));
  if (!view) throw notFound('task.notFound', { id });
  const [task] = await present(ctx.db, ctx, [view], todayInVietnam());
  const budget = await store.budgetLines(ctx.db, [id]);
  return { ...task!, budget: budget.map(presentBudgetLine) };
}

export async function createTask(ctx: CommandContext, input: TaskInput) {
  const id = await ctx.db.transaction().execute((tx) => createTaskIn(tx, ctx, input));
  return getTask(ctx, id);
}

/**
 * createTask inside the caller's transaction (the appendix import creates many tasks atomically);
 * `renumber: false` leaves the plan's reading order to the caller, who renumbers once at the end.
 */
export async function createTaskIn(tx: Tx, ctx: CommandContext, input: TaskInput, options: { renumber?: boolean } = {}): Promise<number> {
  const plan = await findPlanOr404(tx, input.planId);
  await requireTaskWrite(tx, ctx, plan);
  await checkInput(tx, input, plan.id);
  const row = await store.insertTask(tx, {
    plan_id: plan.id,
    parent_task_id: input.parentTaskId ?? null,
    ref: text(input.ref),
    group_name: text(input.group),
    title: cleanName(input.title),
    description: text(input.description),
    lead_unit_id: input.leadUnitId,
    responsible_user_id: input.responsibleUserId ?? null,
    responsible_name: text(input.responsibleName),
    deliverable: text(input.deliverable),
    approving_authority: text(input.approvingAuthority),
    start_date: input.startDate ?? null,
    due_date: input.dueDate ?? null,
    schedule_note: text(input.scheduleNote),
    created_by: actorOf(ctx).userId,
  });
  const coops = [...new Set(input.cooperatingUnitIds ?? [])];
  const targets = [...new Set(input.targetIds ?? [])];
  await store.setCooperatingUnits(tx, row.id, coops);
  await store.setTargetLinks(tx, row.id, targets);
  if (options.renumber !== false) await store.renumberPlan(tx, plan.id);
  await audit(tx, ctx, { action: 'task.create', entityType: 'task', entityId: row.id, orgUnitId: row.lead_unit_id, after: auditTask(row, { cooperatingUnitIds: coops, targetIds: targets }) });
  return row.id;
}

export async function updateTask(ctx: CommandContext, id: number, input: Partial<Omit<TaskInput, 'planId'>>) {
  await ctx.db.transaction().execute((tx) => updateTaskIn(tx, ctx, id, input));
  return getTask(ctx, id);
}

/** updateTask inside the caller's transaction; true when something changed. */
export async function updateTaskIn(tx: Tx, ctx: CommandContext, id: number, input: Partial<Omit<TaskInput, 'planId'>>, options: { renumber?: boolean } = {}): Promise<boolean> {
  const before = await lockOr404(tx, ctx, id);
  const plan = await findPlanOr404(tx, before.plan_id);
  await requireTaskWrite(tx, ctx, plan);
  const merged = {
    ...input,
    startDate: input.startDate !== undefined ? input.startDate : before.start_date,
    dueDate: input.dueDate !== undefined ? input.dueDate : before.due_date,
    leadUnitId: input.leadUnitId,
  };
  if (merged.leadUnitId === undefined && input.cooperatingUnitIds?.includes(before.lead_unit_id)) throw unprocessable('task.leadCooperates');
  await checkInput(tx, merged, plan.id, id);
  const [coopsBefore, targetsBefore] = await Promise.all([store.cooperatingUnits(tx, [id]), store.targetLinks(tx, [id])]);
  type Input = typeof input;
  const set = <K extends keyof Input>(key: K, column: keyof TaskRow, map: (v: Input[K]) => unknown = (v) => v) =>
    input[key] !== undefined ? { [column]: map(input[key]) } : {};
  const after = await store.updateTask(tx, id, {
    ...set('parentTaskId', 'parent_task_id'),
    ...set('ref', 'ref', text),
    ...set('group', 'group_name', text),
    ...set('title', 'title', (v) => cleanName(v as string)),
    ...set('description', 'description', text),
    ...set('leadUnitId', 'lead_unit_id'),
    ...set('responsibleUserId', 'responsible_user_id'),
    ...set('responsibleName', 'responsible_name', text),
    ...set('deliverable', 'deliverable', text),
    ...set('approvingAuthority', 'approving_authority', text),
    ...set('startDate', 'start_date'),
    ...set('dueDate', 'due_date'),
    ...set('scheduleNote', 'schedule_note', text),
  });
  const coops = input.cooperatingUnitIds ? [...new Set(input.cooperatingUnitIds)] : (coopsBefore.get(id) ?? []).map((u) => u.id);
  const targets = input.targetIds ? [...new Set(input.targetIds)] : (targetsBefore.get(id) ?? []);
  if (input.cooperatingUnitIds) await store.setCooperatingUnits(tx, id, coops);
  if (input.targetIds) await store.setTargetLinks(tx, id, targets);
  if (input.ref !== undefined && options.renumber !== false) await store.renumberPlan(tx, plan.id);
  const b = auditTask(before, { cooperatingUnitIds: (coopsBefore.get(id) ?? []).map((u) => u.id), targetIds: targetsBefore.get(id) ?? [] });
  const a = auditTask(after, { cooperatingUnitIds: coops, targetIds: targets });
  if (JSON.stringify(b) === JSON.stringify(a)) return false;
  const changed = Object.keys(a).filter((k) => JSON.stringify(a[k as keyof typeof a]) !== JSON.stringify(b[k as keyof typeof b]));
  await store.insertUpdate(tx, { task_id: id, kind: 'edit', body: null, progress: null, state_from: null, state_to: null, detail: JSON.stringify({ changed }), author_id: actorOf(ctx).userId });
  await audit(tx, ctx, { action: 'task.update', entityType: 'task', entityId: id, orgUnitId: after.lead_unit_id, before: b, after: a });
  return true;
}

export interface ListTasksInput {
  plan?: number;
  leadUnit?: number;
  parent?: number;
  status?: TaskStatus;
  overdue?: boolean;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

const isCursorTriple = (v: unknown): v is [number, number, number] => Array.isArray(v) && v.length === 3 && v.every((x) => Number.isSafeInteger(x));

export async function listTasks(ctx: CommandContext, input: ListTasksInput) {
  if (input.dueFrom && input.dueTo && input.dueFrom > input.dueTo) throw badRequest('task.rangeOrder');
  const limit = input.limit ?? 50;
  const today = todayInVietnam();
  const rows = await store.listTasks(ctx.db, {
    roots: ctx.access.scopeRoots('task.read'),
    planId: input.plan,
    leadUnitId: input.leadUnit,
    parentTaskId: input.parent,
    status: input.status,
    overdue: input.overdue,
    dueFrom: input.dueFrom,
    dueTo: input.dueTo,
    text: input.q?.trim() || undefined,
    today,
    limit: limit + 1,
    after: decodeCursor(input.cursor, isCursorTriple),
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: await present(ctx.db, ctx, page, today), nextCursor: rows.length > limit && last ? encodeCursor([last.plan_id, last.sort_order, last.id]) : null };
}

// ---------------------------------------------------------------------------------------------
// Progress, comments, state

async function requireLeadScope(tx: Tx, ctx: CommandContext, task: TaskRow) {
  if ((await grantsOnTask(tx, ctx, task)).report) return;
  throw forbidden('task.notLead');
}

/**
 * A report that reaches a task through an approved submission (server/commands/taskReports.ts):
 * the approval checked the rights (the reporter's 'task.report' when saving, the approver's
 * 'submission.approve'), the reporter who submitted is the author, and the timeline entry and the
 * audit event name the submission.
 */
export interface ViaSubmission {
  submissionId: number;
  authorId: number;
}

export async function reportProgress(ctx: CommandContext, id: number, input: { body: string; progress: number; fileIds?: number[] }) {
  await ctx.db.transaction().execute((tx) => reportProgressIn(tx, ctx, id, input));
  return getTask(ctx, id);
}

/** reportProgress inside the caller's transaction; `via` when it comes from an approved submission. */
export async function reportProgressIn(tx: Tx, ctx: CommandContext, id: number, input: { body: string; progress: number; fileIds?: number[] }, via?: ViaSubmission): Promise<void> {
  const task = await lockOr404(tx, ctx, id);
  if (!via) await requireLeadScope(tx, ctx, task);
  if (!acceptsProgress(task.state as TaskState)) throw conflict('task.closedForProgress', { state: task.state });
  const files = await requireAttachable(tx, ctx, input.fileIds ?? []);
  const author = via?.authorId ?? actorOf(ctx).userId;
  const origin = via ? { submissionId: via.submissionId } : null;
  // The first report of work starts the task.
  const state: TaskState = task.state === 'not_started' ? 'in_progress' : task.state;
  if (state !== task.state) {
    await store.insertUpdate(tx, { task_id: id, kind: 'state', body: null, progress: null, state_from: task.state, state_to: state, detail: JSON.stringify({ auto: 'progress', ...origin }), author_id: author });
  }
  const updateId = await store.insertUpdate(tx, { task_id: id, kind: 'progress', body: input.body.trim(), progress: input.progress, state_from: null, state_to: null, detail: origin ? JSON.stringify(origin) : null, author_id: author });
  await store.attachFiles(tx, updateId, files);
  await store.updateTask(tx, id, { progress: input.progress, state });
  await audit(tx, ctx, {
    action: 'task.progress',
    entityType: 'task',
    entityId: id,
    orgUnitId: task.lead_unit_id,
    before: { progress: task.progress, state: task.state },
    after: { progress: input.progress, state, updateId, fileIds: files, ...origin },
  });
}

export async function addComment(ctx: CommandContext, id: number, input: { body: string; fileIds?: number[] }) {
  const updateId = await ctx.db.transaction().execute(async (tx) => {
    const task = await lockOr404(tx, ctx, id);
    // Lead, cooperating unit or the plan's issuer: the visibility rule, on the comment grant.
    if (!(await grantsOnTask(tx, ctx, task)).comment) throw forbidden('task.notInvolved');
    const files = await requireAttachable(tx, ctx, input.fileIds ?? []);
    const updateId = await store.insertUpdate(tx, { task_id: id, kind: 'comment', body: input.body.trim(), progress: null, state_from: null, state_to: null, detail: null, author_id: actorOf(ctx).userId });
    await store.attachFiles(tx, updateId, files);
    await audit(tx, ctx, { action: 'task.comment', entityType: 'task', entityId: id, orgUnitId: task.lead_unit_id, after: { updateId, fileIds: files } });
    return updateId;
  });
  const entries = await getTimeline(ctx, id);
  return entries.items.find((e) => e.id === updateId)!;
}

export async function changeState(ctx: CommandContext, id: number, input: { state: TaskState; reason?: string | null; completedOn?: string | null }) {
  await ctx.db.transaction().execute((tx) => changeStateIn(tx, ctx, id, input));
  return getTask(ctx, id);
}

/**
 * changeState inside the caller's transaction; `via` when it comes from an approved submission,
 * which may only carry the lead unit's own changes (never a cancel or a reopen).
 */
export async function changeStateIn(tx: Tx, ctx: CommandContext, id: number, input: { state: TaskState; reason?: string | null; completedOn?: string | null }, via?: ViaSubmission): Promise<void> {
  {
    const task = await lockOr404(tx, ctx, id);
    const action = transitionAction(task.state, input.state);
    if (via && action !== 'task.report') throw unprocessable('task.transition', { from: task.state, to: input.state });
    if (via) {
      // Checked by the submission's workflow.
    } else if (action === 'task.report') await requireLeadScope(tx, ctx, task);
    else await requireTaskWrite(tx, ctx, await findPlanOr404(tx, task.plan_id));
    const today = todayInVietnam();
    const problem = checkStateChange({ state: task.state, startDate: task.start_date }, { to: input.state, reason: input.reason, completedOn: input.completedOn }, today);
    if (problem === 'sameState') throw conflict('task.sameState', { state: input.state });
    if (problem === 'notAllowed') throw unprocessable('task.transition', { from: task.state, to: input.state });
    if (problem) throw unprocessable(`task.${problem}`, { today, start: task.start_date ?? '' });
    const completedOn = input.state === 'completed' ? (input.completedOn ?? today) : null;
    const reason = input.reason?.trim() || null;
    const after = await store.updateTask(tx, id, {
      state: input.state,
      state_reason: input.state === 'paused' || input.state === 'cancelled' ? reason : null,
      completed_on: completedOn,
      ...(input.state === 'completed' ? { progress: 100 } : {}),
    });
    await store.insertUpdate(tx, {
      task_id: id,
      kind: 'state',
      body: reason,
      progress: input.state === 'completed' ? 100 : null,
      state_from: task.state,
      state_to: input.state,
      detail: completedOn || via ? JSON.stringify({ ...(completedOn ? { completedOn } : {}), ...(via ? { submissionId: via.submissionId } : {}) }) : null,
      author_id: via?.authorId ?? actorOf(ctx).userId,
    });
    await audit(tx, ctx, {
      action: 'task.state',
      entityType: 'task',
      entityId: id,
      orgUnitId: task.lead_unit_id,
      before: { state: task.state, stateReason: task.state_reason, completedOn: task.completed_on },
      after: { state: after.state, stateReason: after.state_reason, completedOn: after.completed_on, ...(via ? { submissionId: via.submissionId } : {}) },
    });
  }
}

/** Progress reports, comments, state changes and edits, oldest first, with their files. */
export async function getTimeline(ctx: CommandContext, id: number) {
  const view = await store.findTaskView(ctx.db, id, ctx.access.scopeRoots('task.read'));
  if (!view) throw notFound('task.notFound', { id });
  const rows = await store.timeline(ctx.db, id);
  const files = await filesOfUpdates(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => presentTimelineEntry(r, files.get(r.id) ?? [])) };
}

// ---------------------------------------------------------------------------------------------
// Budgets

export interface BudgetLineInput {
  source: BudgetSource;
  year?: number | null;
  requested?: number | null;
  approved?: number | null;
  allocated?: number | null;
  disbursed?: number | null;
  note?: string | null;
}

const presentBudgetLine = (b: { id: number; source: string; year: number | null; requested: number | null; approved: number | null; allocated: number | null; disbursed: number | null; note: string | null }) => ({
  id: b.id,
  source: b.source,
  year: b.year,
  requested: b.requested === null ? null : Number(b.requested),
  approved: b.approved === null ? null : Number(b.approved),
  allocated: b.allocated === null ? null : Number(b.allocated),
  disbursed: b.disbursed === null ? null : Number(b.disbursed),
  note: b.note,
});

/** Replaces the task's budget lines (one per source and year; year null is the task's whole need). */
export async function setBudget(ctx: CommandContext, id: number, lines: BudgetLineInput[]) {
  await ctx.db.transaction().execute(async (tx) => {
    const task = await lockOr404(tx, ctx, id);
    await requireTaskWrite(tx, ctx, await findPlanOr404(tx, task.plan_id));
    const seen = new Map<string, number>();
    const problems = lines.flatMap((l, i) => {
      const out: { path: string; message: string }[] = [];
      const key = `${l.source}/${l.year ?? ''}`;
      if (!BUDGET_SOURCES.includes(l.source)) out.push({ path: `lines.${i}.source`, message: l.source });
      if (seen.has(key)) out.push({ path: `lines.${i}`, message: `= lines.${seen.get(key)}` });
      seen.set(key, i);
      if (!disbursedWithinAllocated(l)) out.push({ path: `lines.${i}.disbursed`, message: '> allocated' });
      return out;
    });
    if (problems.length) throw unprocessable('task.budgetInvalid', { count: problems.length }, problems);
    const before = (await store.budgetLines(tx, [id])).map(presentBudgetLine).map(({ id: _id, ...l }) => l);
    const rows = lines.map((l) => ({ source: l.source, year: l.year ?? null, requested: l.requested ?? null, approved: l.approved ?? null, allocated: l.allocated ?? null, disbursed: l.disbursed ?? null, note: text(l.note) }));
    await store.replaceBudget(tx, id, rows);
    await audit(tx, ctx, { action: 'task.budget', entityType: 'task', entityId: id, orgUnitId: task.lead_unit_id, before, after: rows });
  });
  return getTask(ctx, id);
}

/** Seed 004's paragraph: per funding source and per group, tasks, lead units, need, approved estimate, the year's need and allocation. */
export async function planBudget(ctx: CommandContext, planId: number, year?: number) {
  await findPlanOr404(ctx.db, planId);
  const y = year ?? Number(todayInVietnam().slice(0, 4));
  const [total, bySource, byGroup] = await Promise.all([
    store.planBudget(ctx.db, planId, y, 'all'),
    store.planBudget(ctx.db, planId, y, 'source'),
    store.planBudget(ctx.db, planId, y, 'group'),
  ]);
  const zero = { tasks: 0, leadUnits: 0, requested: 0, approved: 0, requestedYear: 0, allocatedYear: 0, disbursedYear: 0 };
  const strip = ({ key: _k, ...rest }: { key: string } & typeof zero) => rest;
  return {
    planId,
    year: y,
    total: total[0] ? strip(total[0]) : zero,
    bySource: bySource.map((r) => ({ source: r.key, ...strip(r) })),
    byGroup: byGroup.map((r) => ({ group: r.key || null, ...strip(r) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics

const CLASS_KEYS: Record<TaskClass, string> = {
  completed_on_time: 'completedOnTime',
  completed_late: 'completedLate',
  in_progress_on_time: 'inProgressOnTime',
  in_progress_overdue: 'inProgressOverdue',
  not_started: 'notStarted',
  paused: 'paused',
  not_carried_out: 'notCarriedOut',
};

interface Bucket {
  counts: TaskCounts;
  taskIds: Record<string, number[]>;
}
const bucket = (): Bucket => ({ counts: emptyCounts(), taskIds: Object.fromEntries(Object.values(CLASS_KEYS).map((k) => [k, []])) });

/**
 * The numbers of seed 004's sentences ("được giao 25 nhiệm vụ, đã hoàn thành 17, đang thực hiện 8
 * trong hạn …") per plan and per lead unit (the unit the work belongs to now), as of a date, with the
 * task ids of every number for drill-down.
 */
export async function taskStatistics(ctx: CommandContext, input: { plan?: number; leadUnit?: number; asOf?: string }) {
  const today = todayInVietnam();
  const asOf = input.asOf ?? today;
  if (input.plan !== undefined) await findPlanOr404(ctx.db, input.plan);
  if (input.leadUnit !== undefined) {
    const unit = await ctx.db.selectFrom('org_units').select('id').where('id', '=', input.leadUnit).executeTakeFirst();
    if (!unit) throw notFound('orgUnit.notFound', { id: input.leadUnit });
  }
  const rows = await store.allTasks(ctx.db, { roots: ctx.access.scopeRoots('task.read'), planId: input.plan, leadUnitId: input.leadUnit, today });
  const total = bucket();
  const plans = new Map<number, Bucket & { plan: { id: number; kind: string; number: string; title: string } }>();
  const units = new Map<number, Bucket & { unit: { id: number; code: string; name: string } }>();
  for (const t of rows) {
    const facts = { state: t.state as TaskState, dueDate: t.due_date, completedOn: t.completed_on, createdOn: todayInVietnam(new Date(t.created_at)) };
    const cls = classifyTask(facts, asOf);
    if (!cls) continue;
    const lateStart = cls === 'not_started' && isOverdue(facts, asOf);
    const p = plans.get(t.plan_id) ?? { ...bucket(), plan: { id: t.plan_id, kind: t.plan_kind, number: t.plan_number, title: t.plan_title } };
    const u = units.get(t.current_lead_id) ?? { ...bucket(), unit: { id: t.current_lead_id, code: t.current_lead_code, name: t.current_lead_name } };
    plans.set(t.plan_id, p);
    units.set(t.current_lead_id, u);
    for (const b of [total, p, u]) {
      addToCounts(b.counts, cls, lateStart);
      b.taskIds[CLASS_KEYS[cls]]!.push(t.id);
    }
  }
  return {
    asOf,
    total: { ...total.counts, taskIds: total.taskIds },
    byPlan: [...plans.values()].map((p) => ({ plan: p.plan, ...p.counts, taskIds: p.taskIds })),
    byLeadUnit: [...units.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code)).map((u) => ({ unit: u.unit, ...u.counts, taskIds: u.taskIds })),
  };
}

/** The plan page's task list: every visible task of the plan in reading order. */
export async function tasksOfPlan(ctx: CommandContext, planId: number) {
  const today = todayInVietnam();
  const rows = await store.allTasks(ctx.db, { roots: ctx.access.scopeRoots('task.read'), planId, today });
  return present(ctx.db, ctx, rows, today);
}
