/**
 * Reads of the rollups: an indicator's figure for a unit's whole subtree in a period, the same for
 * each child (drill-down), a unit's series over time, and the overview of all indicators against
 * their targets. Each costs one indexed row per cell shown, whatever the volume of raw values.
 */
import { sql } from 'kysely';
import { comparePeriods, parsePeriod, periodsWithin, tryParsePeriod, type Period } from '../../domain/periods.ts';
import { LEVEL_KINDS, evaluateTarget, forecastLinear, type TargetRule, type TargetStatus } from '../../domain/targets.ts';
import type { Db } from '../db/database.ts';
import { badRequest, notFound } from '../http/problem.ts';
import type { IndicatorRow } from '../store/schema.ts';
import type { CommandContext } from './context.ts';

interface TargetRef {
  id: number;
  comparator: TargetRule['comparator'];
  value: number;
  valueMax: number | null;
}

export interface AnalyticsCell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  count: number;
  target: TargetRef | null;
  attainment: number | null;
  status: TargetStatus | null;
}

async function findIndicator(db: Db, code: string): Promise<IndicatorRow> {
  const indicator = await db.selectFrom('indicators').selectAll().where(sql`lower(code)`, '=', code.toLowerCase()).executeTakeFirst();
  if (!indicator) throw notFound('analytics.unknownIndicator', { code });
  return indicator;
}

async function findUnitInScope(ctx: CommandContext, code: string) {
  const unit = await ctx.db
    .selectFrom('org_units')
    .select(['id', 'code', 'name', 'kind', 'closed_on'])
    .where('code', '=', code)
    .orderBy(sql`closed_on IS NULL`, 'desc')
    .executeTakeFirst();
  if (!unit) throw notFound('analytics.unknownUnit', { code });
  await ctx.access.requireUnit(ctx.db, 'data.read', unit.id);
  return unit;
}

function period(id: string): Period {
  const p = tryParsePeriod(id);
  if (!p) throw badRequest('analytics.invalidPeriod', { period: id });
  return p;
}

const ruleOf = (indicator: IndicatorRow, t: TargetRef): TargetRule => ({ comparator: t.comparator, value: t.value, valueMax: t.valueMax, direction: indicator.direction });

function cell(indicator: IndicatorRow, r: { value: number | null; numerator: number; denominator: number; count: number } | undefined, target: TargetRef | null, forecast: number | null = null): AnalyticsCell {
  const value = r?.value ?? null;
  const evaluation = target ? evaluateTarget(ruleOf(indicator, target), value, forecast) : null;
  const ratio = indicator.space_aggregation === 'ratio';
  return {
    value,
    numerator: ratio ? (r?.numerator ?? null) : null,
    denominator: ratio ? (r?.denominator ?? null) : null,
    count: r?.count ?? 0,
    target,
    attainment: evaluation?.attainment ?? null,
    status: evaluation?.status ?? null,
  };
}

export async function analytics(ctx: CommandContext, input: { indicator: string; orgUnit: string; period: string; by?: 'children' }) {
  const indicator = await findIndicator(ctx.db, input.indicator);
  const p = period(input.period);
  const unit = await findUnitInScope(ctx, input.orgUnit);
  const units = await sql<{ id: number; code: string; name: string; kind: string; closed_on: string | null }>`
    SELECT id, code, name, kind, closed_on FROM org_units
    WHERE ${input.by === 'children' ? sql`parent_id = ${unit.id}::bigint` : sql`id = ${unit.id}::bigint`}
    ORDER BY search_key`.execute(ctx.db);
  const ids = units.rows.map((u) => u.id);
  const rollups = ids.length
    ? await ctx.db
        .selectFrom('rollups')
        .select(['org_unit_id', 'value', 'numerator', 'denominator', 'count'])
        .where('indicator_id', '=', indicator.id)
        .where('period_id', '=', p.id)
        .where('org_unit_id', 'in', ids)
        .execute()
    : [];
  const byUnit = new Map(rollups.map((r) => [r.org_unit_id, r]));
  const targets = await targetsFor(ctx.db, indicator.id, Number(p.start.slice(0, 4)), ids);
  const rows = units.rows
    // Former units appear in a drill-down only where they carry data.
    .filter((u) => input.by !== 'children' || u.closed_on === null || byUnit.has(u.id))
    .map((u) => ({
      orgUnit: { id: u.id, code: u.code, name: u.name, kind: u.kind, closedOn: u.closed_on },
      period: p.id,
      ...cell(indicator, byUnit.get(u.id), targets.get(u.id) ?? null),
    }));
  const head = { indicator: { id: indicator.id, code: indicator.code, name: indicator.name, unit: indicator.unit }, period: p.id };
  return input.by === 'children' ? { ...head, items: rows } : { ...head, ...rows[0]! };
}

/** A unit's figures for every period of the indicator's type between two periods (inclusive). */
export async function series(ctx: CommandContext, input: { indicator: string; orgUnit: string; from: string; to: string }) {
  const indicator = await findIndicator(ctx.db, input.indicator);
  const unit = await findUnitInScope(ctx, input.orgUnit);
  const from = period(input.from);
  const to = period(input.to);
  const periods = periodsBetween(from, to, indicator.period_type);
  if (periods.length > 400) throw badRequest('analytics.invalidPeriod', { period: `${input.from}..${input.to}` });
  const rows = periods.length
    ? await ctx.db
        .selectFrom('rollups')
        .select(['period_id', 'value', 'numerator', 'denominator', 'count'])
        .where('indicator_id', '=', indicator.id)
        .where('org_unit_id', '=', unit.id)
        .where('period_id', 'in', periods.map((x) => x.id))
        .execute()
    : [];
  const byPeriod = new Map(rows.map((r) => [r.period_id, r]));
  const ratio = indicator.space_aggregation === 'ratio';
  return {
    indicator: { id: indicator.id, code: indicator.code, name: indicator.name, unit: indicator.unit, periodType: indicator.period_type },
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    items: periods.map((x) => {
      const r = byPeriod.get(x.id);
      return { period: x.id, value: r?.value ?? null, numerator: ratio ? (r?.numerator ?? null) : null, denominator: ratio ? (r?.denominator ?? null) : null, count: r?.count ?? 0 };
    }),
  };
}

function periodsBetween(from: Period, to: Period, type: IndicatorRow['period_type']): Period[] {
  const years: Period[] = [];
  for (let y = Number(from.start.slice(0, 4)); y <= Number(to.end.slice(0, 4)); y++) years.push(parsePeriod(String(y)));
  return years
    .flatMap((y) => (type === 'year' ? [y] : periodsWithin(y, type)))
    .filter((x) => x.end >= from.start && x.start <= to.end)
    .sort(comparePeriods);
}

/**
 * Every active indicator at a unit for a year: the latest figure of the year, its target, and the
 * status with a linear forecast at the year's end from the figures so far.
 */
export async function overview(ctx: CommandContext, input: { orgUnit: string; year: number }) {
  const unit = await findUnitInScope(ctx, input.orgUnit);
  const year = parsePeriod(String(input.year));
  const indicators = await ctx.db.selectFrom('indicators').selectAll().where('archived_at', 'is', null).orderBy('code').execute();
  const rollups = await ctx.db
    .selectFrom('rollups')
    .select(['indicator_id', 'period_id', 'period_type', 'value', 'numerator', 'denominator', 'count'])
    .where('org_unit_id', '=', unit.id)
    .where('period_id', 'like', `${input.year}%`)
    .execute();
  const targets = await targetsByIndicator(ctx.db, unit.id, input.year);
  const today = new Date().toISOString().slice(0, 10);
  const items = indicators.map((indicator) => {
    const own = rollups
      .filter((r) => r.indicator_id === indicator.id && r.period_type === indicator.period_type && r.value !== null)
      .map((r) => ({ ...r, p: parsePeriod(r.period_id) }))
      .sort((a, b) => comparePeriods(a.p, b.p));
    const latest = own[own.length - 1];
    const target = targets.get(indicator.id) ?? null;
    // Stocks are read at their latest point; the trend of those points gives the year-end forecast.
    const yearEnd = Date.parse(year.end);
    const forecast = year.end >= today ? forecastLinear(own.map((r) => ({ t: Date.parse(r.p.end), value: r.value! })), yearEnd) : null;
    const yearly = rollups.find((r) => r.indicator_id === indicator.id && r.period_id === year.id);
    const actual = indicator.time_aggregation === 'sum' ? yearly : latest;
    return {
      indicator: {
        id: indicator.id,
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        pillar: indicator.pillar,
        direction: indicator.direction,
        periodType: indicator.period_type,
        decimals: indicator.decimals,
      },
      latestPeriod: latest?.period_id ?? null,
      forecast: indicator.time_aggregation === 'sum' ? null : forecast,
      ...cell(indicator, actual, target, indicator.time_aggregation === 'sum' ? null : forecast),
    };
  });
  return { orgUnit: { id: unit.id, code: unit.code, name: unit.name }, year: input.year, items };
}

async function targetsByIndicator(db: Db, unitId: number, year: number): Promise<Map<number, TargetRef>> {
  const rows = await sql<{ indicator_id: number; id: number; comparator: TargetRule['comparator']; value: number; value_max: number | null }>`
    SELECT DISTINCT ON (t.indicator_id) t.indicator_id, t.id, t.comparator, t.value, t.value_max
    FROM org_units u
    JOIN org_unit_closure c ON c.descendant_id = u.id
    JOIN targets t ON t.org_unit_id = c.ancestor_id AND t.year = ${year}::int
    WHERE u.id = ${unitId}::bigint AND ${applies}
    ORDER BY t.indicator_id, (t.scope = 'unit') DESC, c.depth ASC, t.id DESC`.execute(db);
  return new Map(rows.rows.map((r) => [r.indicator_id, { id: r.id, comparator: r.comparator, value: r.value, valueMax: r.value_max }]));
}

/** A unit target applies to its own unit; a level target to the units of that level under its anchor. */
const applies = sql<boolean>`((t.scope = 'unit' AND c.depth = 0) OR (t.scope = 'level' AND u.kind = ANY(CASE t.level ${sql.join(
  Object.entries(LEVEL_KINDS).map(([level, kinds]) => sql`WHEN ${level} THEN ${[...kinds]}::text[]`),
  sql` `,
)} END)))`;

/** The target that applies to each unit for the year: its own target first, else the nearest level target above it. */
async function targetsFor(db: Db, indicatorId: number, year: number, unitIds: number[]): Promise<Map<number, TargetRef>> {
  const result = new Map<number, TargetRef>();
  if (unitIds.length === 0) return result;
  const rows = await sql<{ unit_id: number; id: number; comparator: TargetRule['comparator']; value: number; value_max: number | null }>`
    SELECT DISTINCT ON (u.id) u.id AS unit_id, t.id, t.comparator, t.value, t.value_max
    FROM org_units u
    JOIN org_unit_closure c ON c.descendant_id = u.id
    JOIN targets t ON t.org_unit_id = c.ancestor_id AND t.indicator_id = ${indicatorId}::bigint AND t.year = ${year}::int
    WHERE u.id = ANY(${unitIds}::bigint[]) AND ${applies}
    ORDER BY u.id, (t.scope = 'unit') DESC, c.depth ASC, t.id DESC`.execute(db);
  for (const r of rows.rows) result.set(r.unit_id, { id: r.id, comparator: r.comparator, value: r.value, valueMax: r.value_max });
  return result;
}
