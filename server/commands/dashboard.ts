/**
 * Tổng quan — the leaders' dashboard for a plan (and the plans implementing it), a year and a unit's
 * subtree, in one read with a fixed number of queries whatever the size of the tree:
 *
 * - target tiles by pillar: each target of the plan tree for the year that applies at the unit — its
 *   own unit targets, and level targets ("mỗi xã ≥ 80%") either at the unit itself (a ward under a
 *   commune-level target) or summarised over the level's units below it (share meeting, average) —
 *   with the actual (the yearly rollup, what GET /analytics says for the year), the gap, a forecast at
 *   the deadline and a status (domain/dashboard.ts);
 * - tasks of the plan tree led within the subtree, counted as GET /tasks/statistics counts them
 *   (domain/tasks.ts classifyTask), by status and by lead unit, and the most overdue ones;
 * - reporting compliance of the year: every active form × period of the year begun by today × unit
 *   assigned in the subtree, timed as GET /compliance times it, by child unit;
 * - the children with a summary each for drill-down, and the breadcrumb up to the user's root.
 *
 * Rankings come from their own endpoint (GET /rankings/top); the page reads it separately.
 */
import { sql } from 'kysely';
import {
  attainmentShare,
  comparePillars,
  complianceRate,
  daysOverdue,
  defaultPlan,
  forecastAtDeadline,
  gapOf,
  pillarOf,
  summariseLevel,
  tileStatus,
  type DashboardPillar,
  type Forecast,
  type LevelSummary,
  type TileStatus,
} from '../../domain/dashboard.ts';
import { dueDate, isReceived, reportingDate, timeliness, type InboxStatus, type Timeliness } from '../../domain/forms.ts';
import { ratioScale } from '../../domain/indicators.ts';
import { parsePeriod, periodsWithin, type Period } from '../../domain/periods.ts';
import { LEVEL_KINDS, attainmentOf, type TargetLevel, type TargetRule } from '../../domain/targets.ts';
import { addToCounts, classifyTask, emptyCounts, isOverdue, type TaskCounts, type TaskState } from '../../domain/tasks.ts';
import { forbidden, notFound } from '../http/problem.ts';
import * as formStore from '../store/forms.ts';
import type { IndicatorRow } from '../store/schema.ts';
import * as taskStore from '../store/tasks.ts';
import type { CommandContext } from './context.ts';
import { scheduleOf } from './submissions.ts';
import { todayInVietnam } from './reportingClock.ts';

export interface DashboardInput {
  planId?: number;
  year?: number;
  unitId?: number;
}

interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: string;
}

interface TargetRow {
  id: number;
  plan_id: number;
  indicator_id: number;
  scope: 'unit' | 'level';
  org_unit_id: number;
  level: TargetLevel | null;
  year: number;
  comparator: TargetRule['comparator'];
  value: number;
  value_max: number | null;
}

interface RollupRow {
  indicator_id: number;
  org_unit_id: number;
  period_id: string;
  period_type: string;
  value: number | null;
  numerator: number;
  denominator: number;
}

/** How many overdue tasks the list shows. */
export const OVERDUE_LIST_LIMIT = 10;

const unitRef = (u: UnitRow) => ({ id: Number(u.id), code: u.code, name: u.name, kind: u.kind });

export async function dashboard(ctx: CommandContext, input: DashboardInput) {
  const roots = ctx.access.scopeRoots('data.read');
  if (roots.length === 0) throw forbidden();
  const today = todayInVietnam();

  // 1. The unit (the user's highest root by default), its place under the user's roots, its children.
  const unit = await resolveUnit(ctx, roots, input.unitId);
  const [path, ancestors, children] = await Promise.all([
    sql<UnitRow & { depth: number }>`
      SELECT a.id, a.code, a.name, a.kind, c.depth FROM org_unit_closure c JOIN org_units a ON a.id = c.ancestor_id
       WHERE c.descendant_id = ${unit.id}::bigint
         AND a.id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ANY(${roots}::bigint[]))
       ORDER BY c.depth DESC`.execute(ctx.db),
    sql<{ id: number }>`SELECT ancestor_id AS id FROM org_unit_closure WHERE descendant_id = ${unit.id}::bigint`.execute(ctx.db),
    sql<UnitRow>`SELECT id, code, name, kind FROM org_units WHERE parent_id = ${unit.id}::bigint AND closed_on IS NULL ORDER BY search_key`.execute(ctx.db),
  ]);
  const ancestorIds = ancestors.rows.map((r) => Number(r.id));
  const childRows = children.rows.map((c) => ({ ...c, id: Number(c.id) }));
  const childIds = childRows.map((c) => c.id);

  // 2. The plan (default: domain/dashboard.ts defaultPlan) and its tree; the year.
  const plans = await planCandidates(ctx, roots);
  const planId = input.planId ?? defaultPlan(plans);
  const plan = planId === null ? undefined : plans.find((p) => p.id === planId);
  if (input.planId !== undefined && !plan) throw notFound('plan.notFound', { id: input.planId });
  const treeIds = plan ? planTree(plans, plan.id) : [];
  const yearRows = await sql<{ year: number }>`
    SELECT DISTINCT year FROM (
      SELECT t.year FROM targets t WHERE t.plan_id = ANY(${treeIds}::bigint[])
      UNION SELECT substr(r.period_id, 1, 4)::int FROM rollups r WHERE r.org_unit_id = ${unit.id}::bigint AND r.period_type = 'year'
    ) y ORDER BY year`.execute(ctx.db);
  const thisYear = Number(today.slice(0, 4));
  const years = yearRows.rows.map((r) => Number(r.year));
  const dataYears = years.filter((y) => y <= thisYear);
  const year = input.year ?? dataYears[dataYears.length - 1] ?? thisYear;
  if (!years.includes(year)) years.push(year), years.sort((a, b) => a - b);

  // 3. Targets, tiles and the children's attainment; 4. tasks; 5. compliance — independent reads.
  const [targets, tasks, compliance] = await Promise.all([
    targetTiles(ctx, { unit, ancestorIds, children: childRows, treeIds, year }),
    taskFigures(ctx, { unit, children: childRows, treeIds, today }),
    complianceFigures(ctx, { unit, childIds, year, today }),
  ]);

  return {
    asOf: today,
    year,
    years,
    plan: plan ? { id: plan.id, kind: plan.kind, number: plan.number, title: plan.title } : null,
    plans: plans
      .filter((p) => p.treeTargets > 0 || p.taskCount > 0)
      .map((p) => ({ id: p.id, kind: p.kind, number: p.number, title: p.title, parentPlanId: p.parentPlanId, targets: p.treeTargets })),
    planTree: treeIds,
    unit: unitRef(unit),
    path: path.rows.map(unitRef),
    pillars: targets.pillars,
    tasks: tasks.figures,
    compliance: compliance.figures,
    children: childRows.map((c) => {
      const statuses = targets.childStatuses.get(c.id) ?? [];
      const comp = compliance.byChild.get(c.id);
      return {
        ...unitRef(c),
        targets: statuses.length,
        attainmentShare: attainmentShare(statuses),
        overdueTasks: tasks.overdueByChild.get(c.id) ?? 0,
        complianceRate: comp ? complianceRate(comp) : null,
      };
    }),
  };
}

async function resolveUnit(ctx: CommandContext, roots: number[], unitId: number | undefined): Promise<UnitRow> {
  if (unitId === undefined) {
    // The highest of the user's roots (a user with grants at a ward and at the city opens on the city).
    const row = await sql<UnitRow>`
      SELECT u.id, u.code, u.name, u.kind FROM org_units u
       WHERE u.id = ANY(${roots}::bigint[])
       ORDER BY (SELECT count(*) FROM org_unit_closure c WHERE c.descendant_id = u.id), u.id LIMIT 1`.execute(ctx.db);
    const u = row.rows[0]!;
    return { ...u, id: Number(u.id) };
  }
  await ctx.access.requireUnit(ctx.db, 'data.read', unitId);
  const u = await ctx.db.selectFrom('org_units').select(['id', 'code', 'name', 'kind']).where('id', '=', unitId).executeTakeFirstOrThrow();
  return { ...u, id: Number(u.id) };
}

interface PlanCandidateRow {
  id: number;
  kind: string;
  number: string;
  title: string;
  parentPlanId: number | null;
  treeTargets: number;
  taskCount: number;
  ownIssuer: boolean;
  issuerDepth: number | null;
}

/** Every plan with the targets of its tree and whether (and how high) its issuer lies within the user's units. One query. */
async function planCandidates(ctx: CommandContext, roots: number[]): Promise<PlanCandidateRow[]> {
  const rows = await sql<{
    id: number;
    kind: string;
    number: string;
    title: string;
    parent_plan_id: number | null;
    own_targets: number;
    task_count: number;
    issuer_depth: number | null;
  }>`
    SELECT p.id, p.kind, p.number, p.title, p.parent_plan_id,
           (SELECT count(*)::int FROM targets t WHERE t.plan_id = p.id) AS own_targets,
           (SELECT count(*)::int FROM tasks k WHERE k.plan_id = p.id) AS task_count,
           (SELECT min(c.depth)::int FROM org_unit_closure c WHERE c.descendant_id = p.issuer_unit_id AND c.ancestor_id = ANY(${roots}::bigint[])) AS issuer_depth
      FROM plans p ORDER BY p.id`.execute(ctx.db);
  const byParent = new Map<number, number[]>();
  for (const r of rows.rows) if (r.parent_plan_id !== null) byParent.set(Number(r.parent_plan_id), [...(byParent.get(Number(r.parent_plan_id)) ?? []), Number(r.id)]);
  const own = new Map(rows.rows.map((r) => [Number(r.id), r.own_targets]));
  const treeTargets = (id: number, seen = new Set<number>()): number => {
    if (seen.has(id)) return 0;
    seen.add(id);
    return (own.get(id) ?? 0) + (byParent.get(id) ?? []).reduce((s, c) => s + treeTargets(c, seen), 0);
  };
  return rows.rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    number: r.number,
    title: r.title,
    parentPlanId: r.parent_plan_id === null ? null : Number(r.parent_plan_id),
    treeTargets: treeTargets(Number(r.id)),
    taskCount: r.task_count,
    ownIssuer: r.issuer_depth !== null,
    issuerDepth: r.issuer_depth,
  }));
}

/** The plan and the plans implementing it, at any depth. */
function planTree(plans: readonly PlanCandidateRow[], id: number): number[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const p of plans) if (p.parentPlanId === out[i] && !out.includes(p.id)) out.push(p.id);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Targets

interface Figure {
  actual: number | null;
  numerator: number | null;
  denominator: number | null;
  forecast: Forecast;
  latestPeriod: string | null;
}

/**
 * Every figure the tiles need, from one read of the rollups: for each (indicator, unit) the yearly
 * rollup (the actual) and the indicator's own periods in the year (the forecast's points).
 */
function figureOf(indicator: IndicatorRow, year: Period, rows: readonly RollupRow[] | undefined): Figure {
  const yearly = rows?.find((r) => r.period_id === year.id);
  const own = (rows ?? [])
    .filter((r) => r.period_type === indicator.period_type && r.value !== null)
    .map((r) => ({ r, p: parsePeriod(r.period_id) }))
    .sort((a, b) => a.p.end.localeCompare(b.p.end));
  const last = own[own.length - 1];
  const periods = indicator.period_type === 'year' ? [year] : periodsWithin(year, indicator.period_type);
  const remaining = last ? periods.filter((p) => p.end > last.p.end).map((p) => Date.parse(p.end)) : periods.map((p) => Date.parse(p.end));
  const ratio = indicator.space_aggregation === 'ratio';
  const percent = indicator.unit === '%';
  const actual = yearly?.value ?? null;
  const forecast = forecastAtDeadline({
    timeAggregation: indicator.time_aggregation,
    ratio,
    scale: ratioScale(indicator.unit),
    actual,
    points: own.map(({ r, p }) => ({ t: Date.parse(p.end), value: r.value!, numerator: r.numerator, denominator: r.denominator })),
    remaining,
    deadline: Date.parse(year.end),
    min: indicator.min_value ?? (percent ? 0 : null),
    max: indicator.max_value ?? (percent ? 100 : null),
  });
  return {
    actual,
    numerator: ratio && yearly ? yearly.numerator : null,
    denominator: ratio && yearly ? yearly.denominator : null,
    forecast,
    latestPeriod: last?.r.period_id ?? null,
  };
}

const ruleOf = (indicator: IndicatorRow, t: TargetRow): TargetRule => ({ comparator: t.comparator, value: t.value, valueMax: t.value_max, direction: indicator.direction });

async function targetTiles(
  ctx: CommandContext,
  input: { unit: UnitRow; ancestorIds: number[]; children: UnitRow[]; treeIds: number[]; year: number },
) {
  const { unit, ancestorIds, children, treeIds } = input;
  const year = parsePeriod(String(input.year));
  const childIds = children.map((c) => c.id);
  const empty = { pillars: [] as never[], childStatuses: new Map<number, TileStatus[]>() };
  if (treeIds.length === 0) return empty;
  const targetRows = await sql<TargetRow>`
    SELECT t.id, t.plan_id, t.indicator_id, t.scope, t.org_unit_id, t.level, t.year, t.comparator, t.value, t.value_max
      FROM targets t JOIN indicators i ON i.id = t.indicator_id AND i.archived_at IS NULL
     WHERE t.plan_id = ANY(${treeIds}::bigint[]) AND t.year = ${input.year}::int
       AND ((t.scope = 'unit' AND t.org_unit_id = ANY(${[unit.id, ...childIds]}::bigint[]))
         OR (t.scope = 'level' AND t.org_unit_id = ANY(${[...ancestorIds, ...childIds]}::bigint[])))
     ORDER BY array_position(${treeIds}::bigint[], t.plan_id), t.id`.execute(ctx.db);
  const targets = targetRows.rows.map((t) => ({ ...t, id: Number(t.id), plan_id: Number(t.plan_id), indicator_id: Number(t.indicator_id), org_unit_id: Number(t.org_unit_id) }));
  if (targets.length === 0) return empty;
  const ancestorSet = new Set(ancestorIds);
  const kindsOf = (t: TargetRow) => LEVEL_KINDS[t.level!] as readonly string[];

  // Which targets the tiles show, and which each child is measured against.
  type Mode = 'unit' | 'level';
  const tiles: { target: TargetRow; mode: Mode }[] = [];
  const levelKinds = new Set<string>();
  // A target repeated by a plan implementing another (same indicator, scope and figure) is shown once, from the higher plan.
  const seen = new Set<string>();
  for (const t of targets) {
    const key = `${t.indicator_id}|${t.scope}|${t.level}|${t.comparator}|${t.value}|${t.value_max}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (t.scope === 'unit' && t.org_unit_id === unit.id) tiles.push({ target: t, mode: 'unit' });
    else if (t.scope === 'level' && ancestorSet.has(t.org_unit_id)) {
      if (kindsOf(t).includes(unit.kind)) tiles.push({ target: t, mode: 'unit' });
      else {
        tiles.push({ target: t, mode: 'level' });
        for (const k of kindsOf(t)) levelKinds.add(k);
      }
    }
  }
  const childTargets = new Map<number, TargetRow[]>();
  for (const c of children) {
    const own = targets.filter(
      (t) => (t.scope === 'unit' && t.org_unit_id === c.id) || (t.scope === 'level' && (ancestorSet.has(t.org_unit_id) || t.org_unit_id === c.id) && kindsOf(t).includes(c.kind)),
    );
    if (own.length) childTargets.set(c.id, own);
  }

  // The units of the levels below the unit (for level tiles), and every figure in one read.
  const levelUnits = levelKinds.size
    ? (
        await sql<{ id: number; kind: string }>`
          SELECT u.id, u.kind FROM org_unit_closure c JOIN org_units u ON u.id = c.descendant_id
           WHERE c.ancestor_id = ${unit.id}::bigint AND c.depth > 0 AND u.closed_on IS NULL AND u.kind = ANY(${[...levelKinds]}::text[])`.execute(ctx.db)
      ).rows.map((r) => ({ id: Number(r.id), kind: r.kind }))
    : [];
  const indicatorIds = [...new Set(targets.map((t) => t.indicator_id))];
  const unitIds = [...new Set([unit.id, ...childTargets.keys(), ...levelUnits.map((u) => u.id)])];
  const [indicators, rollups] = await Promise.all([
    ctx.db.selectFrom('indicators').selectAll().where('id', 'in', indicatorIds).execute(),
    sql<RollupRow>`
      SELECT r.indicator_id, r.org_unit_id, r.period_id, r.period_type, r.value, r.numerator, r.denominator
        FROM rollups r JOIN indicators i ON i.id = r.indicator_id
       WHERE r.indicator_id = ANY(${indicatorIds}::bigint[]) AND r.org_unit_id = ANY(${unitIds}::bigint[])
         AND r.period_id LIKE ${`${input.year}%`} AND (r.period_type = i.period_type OR r.period_id = ${year.id})`.execute(ctx.db),
  ]);
  const indicatorById = new Map(indicators.map((i) => [Number(i.id), i]));
  const rollupsOf = new Map<string, RollupRow[]>();
  for (const r of rollups.rows) {
    const key = `${r.indicator_id}:${r.org_unit_id}`;
    const list = rollupsOf.get(key);
    if (list) list.push(r);
    else rollupsOf.set(key, [r]);
  }
  const figures = new Map<string, Figure>();
  const figure = (indicator: IndicatorRow, unitId: number) => {
    const key = `${indicator.id}:${unitId}`;
    let f = figures.get(key);
    if (!f) figures.set(key, (f = figureOf(indicator, year, rollupsOf.get(key))));
    return f;
  };

  const tileOut = tiles
    .filter(({ target, mode }) => mode === 'unit' || levelUnits.some((u) => kindsOf(target).includes(u.kind)))
    .map(({ target, mode }) => {
    const indicator = indicatorById.get(target.indicator_id)!;
    const rule = ruleOf(indicator, target);
    const base = {
      id: target.id,
      planId: target.plan_id,
      pillar: pillarOf(indicator),
      indicator: { id: Number(indicator.id), code: indicator.code, name: indicator.name, unit: indicator.unit, decimals: indicator.decimals, direction: indicator.direction },
      target: { comparator: target.comparator, value: target.value, valueMax: target.value_max, year: target.year, scope: target.scope, level: target.level, deadline: year.end },
    };
    if (mode === 'unit') {
      const f = figure(indicator, unit.id);
      return {
        ...base,
        mode,
        actual: f.actual,
        numerator: f.numerator,
        denominator: f.denominator,
        latestPeriod: f.latestPeriod,
        gap: gapOf(rule, f.actual),
        attainment: attainmentOf(rule, f.actual),
        forecast: f.forecast.value,
        forecastMethod: f.forecast.method,
        status: tileStatus(rule, f.actual, f.forecast),
        level: null as LevelSummary | null,
      };
    }
    const units = levelUnits.filter((u) => kindsOf(target).includes(u.kind));
    const perUnit = units.map((u) => {
      const f = figure(indicator, u.id);
      return { actual: f.actual, status: tileStatus(rule, f.actual, f.forecast) };
    });
    const summary = summariseLevel(rule, perUnit);
    return {
      ...base,
      mode,
      actual: summary.average,
      numerator: null,
      denominator: null,
      latestPeriod: null,
      gap: gapOf(rule, summary.average),
      attainment: attainmentOf(rule, summary.average),
      forecast: null,
      forecastMethod: 'none' as const,
      status: summary.status,
      level: summary,
    };
  });

  const childStatuses = new Map<number, TileStatus[]>();
  for (const [childId, list] of childTargets) {
    childStatuses.set(
      childId,
      list.map((t) => {
        const indicator = indicatorById.get(t.indicator_id)!;
        const f = figure(indicator, childId);
        return tileStatus(ruleOf(indicator, t), f.actual, f.forecast);
      }),
    );
  }
  return { pillars: groupTiles(tileOut), childStatuses };
}

function groupTiles<T extends { pillar: DashboardPillar; status: TileStatus; indicator: { code: string } }>(tiles: T[]) {
  const by = new Map<DashboardPillar, T[]>();
  for (const t of tiles) by.set(t.pillar, [...(by.get(t.pillar) ?? []), t]);
  return [...by.entries()]
    .sort(([a], [b]) => comparePillars(a, b))
    .map(([pillar, list]) => ({
      pillar,
      counts: Object.fromEntries((['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'] as const).map((s) => [s, list.filter((t) => t.status === s).length])) as Record<TileStatus, number>,
      tiles: list.sort((a, b) => a.indicator.code.localeCompare(b.indicator.code)),
    }));
}

// ---------------------------------------------------------------------------------------------
// Tasks

const withoutIds = (c: TaskCounts) => c;

async function taskFigures(ctx: CommandContext, input: { unit: UnitRow; children: UnitRow[]; treeIds: number[]; today: string }) {
  const { unit, treeIds, today } = input;
  const rows = treeIds.length
    ? await taskStore.allTasks(ctx.db, { roots: ctx.access.scopeRoots('task.read'), planIds: treeIds, leadUnitId: unit.id, today })
    : [];
  const total = emptyCounts();
  const byUnit = new Map<number, { unit: { id: number; code: string; name: string }; counts: TaskCounts }>();
  const overdue: { task: (typeof rows)[number]; days: number }[] = [];
  for (const t of rows) {
    const facts = { state: t.state as TaskState, dueDate: t.due_date, completedOn: t.completed_on, createdOn: todayInVietnam(new Date(t.created_at)) };
    const cls = classifyTask(facts, today);
    if (!cls) continue;
    const lateStart = cls === 'not_started' && isOverdue(facts, today);
    const u = byUnit.get(t.current_lead_id) ?? { unit: { id: Number(t.current_lead_id), code: t.current_lead_code, name: t.current_lead_name }, counts: emptyCounts() };
    byUnit.set(t.current_lead_id, u);
    addToCounts(total, cls, lateStart);
    addToCounts(u.counts, cls, lateStart);
    if (cls === 'in_progress_overdue' || lateStart) overdue.push({ task: t, days: daysOverdue(t.due_date!, today) });
  }
  // Overdue tasks per child: the child whose subtree holds the task's lead unit (one query).
  const overdueByChild = new Map<number, number>();
  const childIds = input.children.map((c) => c.id);
  if (overdue.length && childIds.length) {
    const leads = [...new Set(overdue.map((o) => Number(o.task.lead_unit_id)))];
    const links = await sql<{ child: number; lead: number }>`
      SELECT ancestor_id AS child, descendant_id AS lead FROM org_unit_closure
       WHERE ancestor_id = ANY(${childIds}::bigint[]) AND descendant_id = ANY(${leads}::bigint[])`.execute(ctx.db);
    const childOf = new Map(links.rows.map((r) => [Number(r.lead), Number(r.child)]));
    for (const o of overdue) {
      const child = childOf.get(Number(o.task.lead_unit_id));
      if (child !== undefined) overdueByChild.set(child, (overdueByChild.get(child) ?? 0) + 1);
    }
  }
  overdue.sort((a, b) => b.days - a.days || Number(a.task.id) - Number(b.task.id));
  return {
    figures: {
      total: withoutIds(total),
      byLeadUnit: [...byUnit.values()]
        .sort((a, b) => b.counts.assigned - a.counts.assigned || a.unit.name.localeCompare(b.unit.name, 'vi'))
        .map((u) => ({ unit: u.unit, ...u.counts })),
      overdueCount: overdue.length,
      overdue: overdue.slice(0, OVERDUE_LIST_LIMIT).map(({ task: t, days }) => ({
        id: Number(t.id),
        ref: t.ref,
        title: t.title,
        plan: { id: Number(t.plan_id), number: t.plan_number },
        leadUnit: { id: Number(t.current_lead_id), code: t.current_lead_code, name: t.current_lead_name },
        dueDate: t.due_date!,
        daysOverdue: days,
        state: t.state,
      })),
    },
    overdueByChild,
  };
}

// ---------------------------------------------------------------------------------------------
// Reporting compliance

type ComplianceCounts = { expected: number; onTime: number; late: number; missing: number; pending: number };
const emptyCompliance = (): ComplianceCounts => ({ expected: 0, onTime: 0, late: 0, missing: 0, pending: 0 });
const KEY: Record<Timeliness, 'onTime' | 'late' | 'missing' | 'pending'> = { on_time: 'onTime', late: 'late', missing: 'missing', pending: 'pending' };

async function complianceFigures(ctx: CommandContext, input: { unit: UnitRow; childIds: number[]; year: number; today: string }) {
  const { unit, childIds, today } = input;
  const yearPeriod = parsePeriod(String(input.year));
  const forms = await formStore.listForms(ctx.db, { includeInactive: false, limit: 10_000 });
  // Each active form's periods of the year that have begun by today (and not before the form's first period).
  const periodsOf = new Map<number, Period[]>();
  for (const f of forms) {
    const first = f.first_period ? parsePeriod(f.first_period) : null;
    const ps = (f.period_type === 'year' ? [yearPeriod] : periodsWithin(yearPeriod, f.period_type)).filter((p) => p.start <= today && (!first || p.start >= first.start));
    if (ps.length) periodsOf.set(Number(f.id), ps);
  }
  const formIds = [...periodsOf.keys()];
  const byChild = new Map<number, ComplianceCounts>();
  const totals = emptyCompliance();
  const perForm = new Map<number, ComplianceCounts>();
  if (formIds.length) {
    const [assigned, submitted, links] = await Promise.all([
      sql<{ form_id: number; org_unit_id: number }>`
        SELECT a.form_id, a.org_unit_id FROM (${formStore.assignedUnits({ formIds })}) a
         WHERE a.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${unit.id}::bigint)`.execute(ctx.db),
      sql<{ form_id: number; org_unit_id: number; period_id: string; status: InboxStatus; first_submitted_at: Date | null }>`
        SELECT s.form_id, s.org_unit_id, s.period_id, s.status, s.first_submitted_at FROM submissions s
         WHERE s.form_id = ANY(${formIds}::bigint[]) AND s.period_id LIKE ${`${input.year}%`}
           AND s.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${unit.id}::bigint)`.execute(ctx.db),
      childIds.length
        ? sql<{ child: number; unit: number }>`
            SELECT ancestor_id AS child, descendant_id AS unit FROM org_unit_closure WHERE ancestor_id = ANY(${childIds}::bigint[])`.execute(ctx.db)
        : Promise.resolve({ rows: [] as { child: number; unit: number }[] }),
    ]);
    const childOf = new Map(links.rows.map((r) => [Number(r.unit), Number(r.child)]));
    const sub = new Map(submitted.rows.map((s) => [`${s.form_id}:${s.org_unit_id}:${s.period_id}`, s]));
    const formById = new Map(forms.map((f) => [Number(f.id), f]));
    for (const a of assigned.rows) {
      const formId = Number(a.form_id);
      const unitId = Number(a.org_unit_id);
      const form = formById.get(formId)!;
      // The unit itself when it reports (a ward's own reports), else the child it lies under.
      const row = unitId === unit.id ? unit.id : (childOf.get(unitId) ?? unit.id);
      const counts = byChild.get(row) ?? emptyCompliance();
      byChild.set(row, counts);
      const fc = perForm.get(formId) ?? emptyCompliance();
      perForm.set(formId, fc);
      for (const p of periodsOf.get(formId)!) {
        const s = sub.get(`${formId}:${unitId}:${p.id}`);
        const status: InboxStatus = s?.status ?? 'not_started';
        const firstOn = isReceived(status) && s?.first_submitted_at ? reportingDate(new Date(s.first_submitted_at)) : null;
        const k = KEY[timeliness(firstOn, dueDate(scheduleOf(form), p), today)];
        for (const c of [counts, totals, fc]) c.expected++, c[k]++;
      }
    }
  }
  const names = new Map<number, UnitRow>();
  if (byChild.size) {
    const rows = await ctx.db.selectFrom('org_units').select(['id', 'code', 'name', 'kind', 'search_key']).where('id', 'in', [...byChild.keys()]).orderBy('search_key').execute();
    for (const r of rows) names.set(Number(r.id), { id: Number(r.id), code: r.code, name: r.name, kind: r.kind });
  }
  return {
    figures: {
      asOf: today,
      totals: { ...totals, rate: complianceRate(totals) },
      forms: forms
        .filter((f) => perForm.get(Number(f.id))?.expected)
        .map((f) => ({ id: Number(f.id), code: f.code, name: f.name, periods: periodsOf.get(Number(f.id))!.map((p) => p.id), ...perForm.get(Number(f.id))! })),
      units: [...names.values()].map((u) => ({ unit: unitRef(u), ...byChild.get(u.id)!, rate: complianceRate(byChild.get(u.id)!) })),
    },
    byChild,
  };
}
