/**
 * Reads of the rollups: the figure of an indicator for a unit's whole subtree in a period, and the
 * same for each child (drill-down). Cost is one indexed row per cell shown, whatever the raw volume.
 */
import { sql } from 'kysely';
import { tryParsePeriod } from '../../domain/periods.ts';
import { badRequest, notFound } from '../http/problem.ts';
import type { CommandContext } from './context.ts';

export interface AnalyticsRow {
  orgUnit: { id: number; code: string; name: string; kind: string; closedOn: string | null };
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  count: number;
  target: { id: number; comparator: string; value: number; valueMax: number | null } | null;
  attainment: number | null;
}

const LEVEL_KINDS: Record<string, string[]> = {
  province: ['province'],
  district: ['district'],
  commune: ['commune', 'ward', 'special_zone'],
  department: ['department'],
};

export async function analytics(ctx: CommandContext, input: { indicator: string; orgUnit: string; period: string; by?: 'children' }) {
  const indicator = await ctx.db
    .selectFrom('indicators')
    .select(['id', 'code', 'name', 'unit', 'direction', 'space_aggregation'])
    .where(sql`lower(code)`, '=', input.indicator.toLowerCase())
    .executeTakeFirst();
  if (!indicator) throw notFound('analytics.unknownIndicator', { code: input.indicator });
  const unit = await ctx.db
    .selectFrom('org_units')
    .select(['id'])
    .where('code', '=', input.orgUnit)
    .orderBy(sql`closed_on IS NULL`, 'desc')
    .executeTakeFirst();
  if (!unit) throw notFound('analytics.unknownUnit', { code: input.orgUnit });
  const period = tryParsePeriod(input.period);
  if (!period) throw badRequest('analytics.invalidPeriod', { period: input.period });
  await ctx.access.requireUnit(ctx.db, 'data.read', unit.id);

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
        .where('period_id', '=', period.id)
        .where('org_unit_id', 'in', ids)
        .execute()
    : [];
  const byUnit = new Map(rollups.map((r) => [r.org_unit_id, r]));
  const year = Number(period.start.slice(0, 4));
  const targets = await targetsFor(ctx, indicator.id, year, ids);
  const ratio = indicator.space_aggregation === 'ratio';

  const rows: AnalyticsRow[] = units.rows
    // Former units appear in a drill-down only where they carry data.
    .filter((u) => input.by !== 'children' || u.closed_on === null || byUnit.has(u.id))
    .map((u) => {
      const r = byUnit.get(u.id);
      const target = targets.get(u.id) ?? null;
      const value = r?.value ?? null;
      const attainment =
        target && value !== null && target.value !== 0
          ? indicator.direction === 'lower'
            ? value === 0 ? null : target.value / value
            : value / target.value
          : null;
      return {
        orgUnit: { id: u.id, code: u.code, name: u.name, kind: u.kind, closedOn: u.closed_on },
        period: period.id,
        value,
        numerator: ratio ? (r?.numerator ?? null) : null,
        denominator: ratio ? (r?.denominator ?? null) : null,
        count: r?.count ?? 0,
        target,
        attainment,
      };
    });
  const head = { indicator: { id: indicator.id, code: indicator.code, name: indicator.name, unit: indicator.unit }, period: period.id };
  return input.by === 'children' ? { ...head, items: rows } : { ...head, ...rows[0]! };
}

/** The target that applies to each unit for the year: its own target first, else one set for its level above it. */
async function targetsFor(ctx: CommandContext, indicatorId: number, year: number, unitIds: number[]) {
  const result = new Map<number, { id: number; comparator: string; value: number; valueMax: number | null }>();
  if (unitIds.length === 0) return result;
  const rows = await sql<{ unit_id: number; id: number; comparator: string; value: number; value_max: number | null; specific: boolean; depth: number }>`
    SELECT u.id AS unit_id, t.id, t.comparator, t.value, t.value_max, (t.scope = 'unit') AS specific, c.depth
    FROM org_units u
    JOIN org_unit_closure c ON c.descendant_id = u.id
    JOIN targets t ON t.org_unit_id = c.ancestor_id AND t.indicator_id = ${indicatorId}::bigint AND t.year = ${year}::int
    WHERE u.id = ANY(${unitIds}::bigint[])
      AND ((t.scope = 'unit' AND c.depth = 0)
        OR (t.scope = 'level' AND u.kind = ANY(CASE t.level ${sql.join(
          Object.entries(LEVEL_KINDS).map(([level, kinds]) => sql`WHEN ${level} THEN ${kinds}::text[]`),
          sql` `,
        )} END)))
    ORDER BY u.id, specific DESC, c.depth ASC, t.id DESC`.execute(ctx.db);
  for (const r of rows.rows) {
    if (!result.has(r.unit_id)) result.set(r.unit_id, { id: r.id, comparator: r.comparator, value: r.value, valueMax: r.value_max });
  }
  return result;
}
