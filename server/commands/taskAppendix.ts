/**
 * The task appendix (phụ lục danh mục nhiệm vụ) as XLSX: export of any task list the caller may
 * see (the filters and scope of GET /tasks), and import of such an appendix into a plan.
 *
 * Import rules (chosen and documented here):
 * - Who: 'task.write' over the plan's issuer, as for creating a task (a reporter gets 403).
 * - Agencies: "Cơ quan chủ trì" names one unit, "Cơ quan phối hợp" several (one a line, or
 *   separated by ";" or ","). A name matches an open unit of the issuer's subtree (the whole tree
 *   for a plan without issuer) by its folded name or short name (no case, no diacritics, "UBND
 *   phường X" = "Phường X") or by its code. Unknown or ambiguous names are row errors.
 * - Matching: a row whose STT equals the reference (ref) of a task of the plan updates that task —
 *   title, group, agencies, product and time, only the columns the file has; a start date the file
 *   does not give is kept — and any other row creates a task whose ref is the STT. Tasks not in the
 *   file are left alone; nothing is deleted. Re-importing the same file changes nothing.
 * - Kinh phí: written as one budget line (source "khác", whole task, nhu cầu) for a created task,
 *   or for an updated task that has no budget line yet; existing lines by source and year are kept
 *   (PUT /tasks/:id/budget edits them).
 * - Tình trạng is not imported: state is reported by the lead unit (progress, state changes).
 * - Atomic: every row is checked first; any problem gives 422 listing every row's problem in the
 *   caller's language and stores nothing. Otherwise every task is created or updated in one
 *   transaction through the ordinary task commands (checks, timeline, audit).
 */
import { sql } from 'kysely';
import { isOverdue, taskStatus, type BudgetSource, type TaskState } from '../../domain/tasks.ts';
import { agencyIndex, matchAgencies, parseAmount, parseSchedule, scheduleText, dmy, type AgencyMatch, type UnitCandidate } from '../../domain/taskAppendix.ts';
import { PLAN_KIND_LABEL_KEY, type PlanKind } from '../../domain/plans.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';
import { badRequest, unprocessable, type FieldProblem } from '../http/problem.ts';
import { readTaskAppendix, writeTaskAppendix, type AppendixLine } from '../reports/taskWorkbook.ts';
import type { PlanRow } from '../store/schema.ts';
import * as store from '../store/tasks.ts';
import { audit, type CommandContext } from './context.ts';
import { todayInVietnam } from './reportingClock.ts';
import { createTaskIn, findPlanOr404, requireTaskWrite, updateTaskIn, type ListTasksInput } from './tasks.ts';

const tr = (locale: Locale, key: string, params: Record<string, string | number> = {}) => translate(locale, key as MessageKey, params);

function planWords(locale: Locale, plan: PlanRow) {
  const kind = tr(locale, PLAN_KIND_LABEL_KEY[plan.kind as PlanKind] ?? 'planKind.KH');
  return { kind, number: plan.number };
}

/** The task's need (nhu cầu kinh phí): its whole-task lines, or failing those the sum of its yearly lines. */
function needOf(lines: { year: number | null; requested: string | number | null }[]): number | null {
  const whole = lines.filter((l) => l.year === null && l.requested !== null);
  const use = whole.length ? whole : lines.filter((l) => l.requested !== null);
  return use.length ? use.reduce((s, l) => s + Number(l.requested), 0) : null;
}

export async function exportTaskAppendix(ctx: CommandContext, input: Omit<ListTasksInput, 'limit' | 'cursor' | 'parent'>, locale: Locale) {
  if (input.dueFrom && input.dueTo && input.dueFrom > input.dueTo) throw badRequest('task.rangeOrder');
  const today = todayInVietnam();
  const plan = input.plan !== undefined ? await findPlanOr404(ctx.db, input.plan) : null;
  const rows = await store.allTasks(ctx.db, {
    roots: ctx.access.scopeRoots('task.read'),
    planId: input.plan,
    leadUnitId: input.leadUnit,
    status: input.status,
    overdue: input.overdue,
    dueFrom: input.dueFrom,
    dueTo: input.dueTo,
    text: input.q?.trim() || undefined,
    today,
  });
  const ids = rows.map((r) => r.id);
  const [coops, budget] = await Promise.all([store.cooperatingUnits(ctx.db, ids), store.budgetLines(ctx.db, ids)]);
  const linesOf = new Map<number, typeof budget>();
  for (const b of budget) linesOf.set(b.task_id, [...(linesOf.get(b.task_id) ?? []), b]);

  const lines: AppendixLine[] = [];
  let planId: number | null = null;
  let group: string | null = null;
  let index = 0;
  for (const t of rows) {
    if (t.plan_id !== planId) {
      planId = t.plan_id;
      group = null;
      index = 0;
      if (!plan) lines.push({ kind: 'plan', text: `${tr(locale, PLAN_KIND_LABEL_KEY[t.plan_kind as PlanKind] ?? 'planKind.KH')} ${t.plan_number}: ${t.plan_title}` });
    }
    if (t.group_name && t.group_name !== group) lines.push({ kind: 'group', text: t.group_name });
    group = t.group_name;
    index++;
    const schedule = { startDate: t.start_date, dueDate: t.due_date, scheduleNote: t.schedule_note };
    const text = scheduleText(schedule);
    const status = taskStatus({ state: t.state as TaskState, dueDate: t.due_date, completedOn: t.completed_on }, today);
    lines.push({
      kind: 'task',
      stt: t.ref ?? String(index),
      title: t.title,
      lead: t.current_lead_name,
      cooperating: (coops.get(t.id) ?? []).map((u) => u.name),
      schedule: text ? { text } : t.due_date ? { date: t.due_date } : null,
      deliverable: t.deliverable,
      budget: needOf(linesOf.get(t.id) ?? []),
      status:
        tr(locale, `task.xlsx.status.${status}`) +
        (t.state === 'completed' && t.completed_on ? ` (${dmy(t.completed_on)})` : '') +
        (status === 'not_started' && isOverdue({ state: 'not_started', dueDate: t.due_date, completedOn: null }, today) ? ` – ${tr(locale, 'task.xlsx.overdue')}` : ''),
    });
  }

  let heading = tr(locale, 'task.xlsx.heading');
  let subheading = tr(locale, 'task.xlsx.extracted', { date: dmy(today) });
  if (plan) {
    const w = planWords(locale, plan);
    heading = tr(locale, 'task.xlsx.headingPlan', { kind: w.kind, number: plan.number });
    const issuer = plan.issuer_unit_id ? await ctx.db.selectFrom('org_units').select('name').where('id', '=', plan.issuer_unit_id).executeTakeFirst() : undefined;
    subheading = tr(locale, issuer ? 'task.xlsx.attachedIssuer' : 'task.xlsx.attached', {
      kind: w.kind,
      number: plan.number,
      date: plan.issued_on ? dmy(plan.issued_on) : '…',
      issuer: issuer?.name ?? '',
    });
  }
  const bytes = await writeTaskAppendix({ heading: heading.toLocaleUpperCase('vi'), subheading, lines }, locale);
  const name = plan ? plan.number.replace(/[^\p{L}\p{N}-]+/gu, '-') : todayInVietnam().replace(/-/g, '');
  return { bytes, filename: `Phu-luc-nhiem-vu_${name}.xlsx` };
}

// ---------------------------------------------------------------------------------------------
// Import

const MAX = { ref: 50, title: 2000, group: 500, deliverable: 4000, scheduleNote: 500 } as const;

interface PlannedRow {
  row: number;
  existingId: number | null;
  ref: string | null;
  group: string | null;
  title: string;
  leadUnitId: number;
  cooperatingUnitIds: number[] | undefined;
  deliverable: string | null | undefined;
  schedule: { startDate: string | null; dueDate: string | null; scheduleNote: string | null } | undefined;
  budget: number | null;
}

export async function importTaskAppendix(ctx: CommandContext, planId: number, bytes: Buffer, locale: Locale) {
  // Who and what first (404, 403), then the file (400), then its rows (422).
  const plan = await findPlanOr404(ctx.db, planId);
  await requireTaskWrite(ctx.db, ctx, plan);
  if (bytes.length === 0) throw badRequest('emptyBody');
  const read = await readTaskAppendix(bytes);
  if (!read.ok) throw badRequest(`task.import.${read.reason}`);
  if (read.rows.length === 0) throw unprocessable('task.import.empty');

  const candidates = await unitsUnder(ctx, plan.issuer_unit_id);
  const match = agencyIndex(candidates);
  const existing = await ctx.db.selectFrom('tasks').select(['id', 'ref', 'start_date']).where('plan_id', '=', plan.id).where('ref', 'is not', null).execute();
  const byRef = new Map<string, { id: number; start_date: string | null }[]>();
  for (const e of existing) byRef.set(e.ref!.trim(), [...(byRef.get(e.ref!.trim()) ?? []), e]);

  const problems: FieldProblem[] = [];
  const column = (c: string) => tr(locale, `task.xlsx.column.${c}`);
  const problem = (row: number, key: string, params: Record<string, string | number> = {}) =>
    problems.push({ path: `row ${row}`, message: tr(locale, `task.import.${key}`, { row, ...params }) });
  const agencyProblem = (row: number, c: string, m: AgencyMatch & { ok: false }) =>
    m.reason === 'unknown'
      ? problem(row, 'unknownUnit', { column: column(c), name: m.name })
      : problem(row, 'ambiguousUnit', { column: column(c), name: m.name, units: (m.candidates ?? []).map((u) => `${u.name} (${u.code})`).join(', ') });
  const seenRefs = new Map<string, number>();
  const planned: PlannedRow[] = [];

  for (const { row, group, cells } of read.rows) {
    const before = problems.length;
    const str = (v: string | number | null | undefined) => (v == null ? null : String(v).normalize('NFC').replace(/\s+/g, ' ').trim() || null);
    const title = str(cells.title);
    const ref = str(cells.stt);
    if (!title) problem(row, 'titleMissing');
    const long = (field: keyof typeof MAX, value: string | null) => value !== null && value.length > MAX[field] && problem(row, 'tooLong', { column: column(field === 'ref' ? 'stt' : field === 'scheduleNote' ? 'schedule' : field), max: MAX[field] });
    long('title', title);
    long('ref', ref);
    long('group', group);

    let leadUnitId = 0;
    const leadName = str(cells.lead);
    if (!leadName) problem(row, 'leadMissing');
    else {
      const m = match(leadName);
      if (m.ok) leadUnitId = m.unit.id;
      else agencyProblem(row, 'lead', m);
    }
    let cooperatingUnitIds: number[] | undefined;
    if ('cooperating' in cells) {
      cooperatingUnitIds = [];
      const text = cells.cooperating === null || cells.cooperating === undefined ? '' : String(cells.cooperating);
      for (const m of matchAgencies(text, match)) {
        if (m.ok) cooperatingUnitIds.includes(m.unit.id) || cooperatingUnitIds.push(m.unit.id);
        else agencyProblem(row, 'cooperating', m);
      }
      if (leadUnitId && cooperatingUnitIds.includes(leadUnitId)) problem(row, 'leadCooperates', { name: leadName ?? '' });
    }

    let schedule: PlannedRow['schedule'];
    if ('schedule' in cells) {
      const s = parseSchedule(cells.schedule ?? null);
      if (!s.ok) problem(row, s.reason === 'datesOrder' ? 'datesOrder' : 'badDate', { value: s.text });
      else {
        schedule = { startDate: s.startDate, dueDate: s.dueDate, scheduleNote: s.scheduleNote };
        long('scheduleNote', s.scheduleNote);
      }
    }
    let budget: number | null = null;
    if (cells.budget != null) {
      const amount = parseAmount(cells.budget);
      if (amount !== null && Number.isNaN(amount)) problem(row, 'badAmount', { value: String(cells.budget) });
      else budget = amount;
    }
    const deliverable = 'deliverable' in cells ? str(cells.deliverable) : undefined;
    long('deliverable', deliverable ?? null);

    let existingId: number | null = null;
    if (ref) {
      if (seenRefs.has(ref)) problem(row, 'duplicateRef', { ref, other: seenRefs.get(ref)! });
      seenRefs.set(ref, row);
      const hits = byRef.get(ref) ?? [];
      if (hits.length > 1) problem(row, 'refAmbiguous', { ref });
      else if (hits.length === 1) {
        existingId = hits[0]!.id;
        // A start date the file does not give is kept, so it must still come before the new due date.
        const start = schedule?.startDate ?? hits[0]!.start_date;
        if (schedule?.dueDate && start && start > schedule.dueDate) problem(row, 'datesOrder', { value: `${dmy(start)} > ${dmy(schedule.dueDate)}` });
      }
    }
    if (problems.length === before) {
      planned.push({ row, existingId, ref, group, title: title!, leadUnitId, cooperatingUnitIds, deliverable, schedule, budget });
    }
  }
  if (problems.length) throw unprocessable('task.import.invalid', { count: problems.length, rows: new Set(problems.map((p) => p.path)).size }, problems);

  const results = await ctx.db.transaction().execute(async (tx) => {
    const out: { row: number; id: number; ref: string | null; action: 'created' | 'updated' | 'unchanged' }[] = [];
    for (const p of planned) {
      const fields = {
        group: p.group,
        title: p.title,
        leadUnitId: p.leadUnitId,
        ...(p.cooperatingUnitIds !== undefined ? { cooperatingUnitIds: p.cooperatingUnitIds } : {}),
        ...(p.deliverable !== undefined ? { deliverable: p.deliverable } : {}),
        ...(p.schedule
          ? { dueDate: p.schedule.dueDate, scheduleNote: p.schedule.scheduleNote, ...(p.schedule.startDate || !p.existingId ? { startDate: p.schedule.startDate } : {}) }
          : {}),
      };
      let id: number;
      let action: 'created' | 'updated' | 'unchanged';
      if (p.existingId) {
        id = p.existingId;
        action = (await updateTaskIn(tx, ctx, id, fields, { renumber: false })) ? 'updated' : 'unchanged';
      } else {
        id = await createTaskIn(tx, ctx, { planId: plan.id, ref: p.ref, ...fields }, { renumber: false });
        action = 'created';
      }
      if (p.budget !== null && (action === 'created' || (await store.budgetLines(tx, [id])).length === 0)) {
        const line = { source: 'khac' as BudgetSource, year: null, requested: p.budget, approved: null, allocated: null, disbursed: null, note: null };
        await store.replaceBudget(tx, id, [line]);
        await audit(tx, ctx, { action: 'task.budget', entityType: 'task', entityId: id, orgUnitId: p.leadUnitId, before: [], after: [line] });
        if (action === 'unchanged') action = 'updated';
      }
      out.push({ row: p.row, id, ref: p.ref, action });
    }
    await store.renumberPlan(tx, plan.id);
    const count = (a: string) => out.filter((r) => r.action === a).length;
    await audit(tx, ctx, { action: 'task.import', entityType: 'plan', entityId: plan.id, orgUnitId: plan.issuer_unit_id, after: { created: count('created'), updated: count('updated'), unchanged: count('unchanged') } });
    return out;
  });
  const count = (a: string) => results.filter((r) => r.action === a).length;
  return { planId: plan.id, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rows: results };
}

/** Open units of the issuer's subtree (all open units for a plan without issuer). */
async function unitsUnder(ctx: CommandContext, issuerId: number | null): Promise<UnitCandidate[]> {
  let q = ctx.db.selectFrom('org_units as u').select(['u.id', 'u.code', 'u.name', 'u.short_name']).where('u.closed_on', 'is', null);
  if (issuerId !== null) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.descendant_id = u.id AND c.ancestor_id = ${issuerId})`);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, shortName: r.short_name }));
}
