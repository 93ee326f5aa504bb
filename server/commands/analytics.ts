/**
 * Reads of the rollups: an indicator's figure for a unit's whole subtree in a period, the same for
 * each child (drill-down), a table of many indicators × units × periods at once, a unit's series
 * over time, and the overview of all indicators against their targets. Each costs one indexed row
 * per cell shown, whatever the volume of raw values.
 *
 * The single read (`analytics`) and the table (`analyticsTable`) are one computation: resolve the
 * indicators, periods and units, list the units shown, then read every cell's rollup in one query
 * and every applicable target in one more, and evaluate each cell with `cell`. The single read is
 * the table of one indicator × one unit × one period, so the two cannot drift apart.
 */
import { sql } from 'kysely';
import { comparePeriods, parsePeriod, periodsWithin, tryParsePeriod, type Period } from '../../domain/periods.ts';
import { LEVEL_KINDS, evaluateTarget, forecastLinear, type TargetRule, type TargetStatus } from '../../domain/targets.ts';
import type { Db } from '../db/database.ts';
import { ProblemError, badRequest, forbidden, type FieldProblem } from '../http/problem.ts';
import { translate, type Locale, type MessageKey, type MessageParams } from '../http/messages.ts';
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

interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  closed_on: string | null;
}

interface RollupRow {
  value: number | null;
  numerator: number;
  denominator: number;
  count: number;
}

/** Bounds of one table read: what a dashboard needs with room to spare, and a response of a few MB at most. */
export const TABLE_LIMITS = { indicators: 100, periods: 120, orgUnits: 50, cells: 50_000 } as const;

/** The first offending input worded in `detail`; with several, each in `errors` too. */
function problemList(status: number, key: MessageKey, field: string, items: MessageParams[], locale: Locale): ProblemError {
  const errors: FieldProblem[] | undefined = items.length > 1 ? items.map((p) => ({ path: `querystring.${field}`, message: translate(locale, key, p) })) : undefined;
  return new ProblemError(status, key, items[0], errors);
}

/** Indicators by code (case-insensitive), in the order asked, without repeats; 404 naming every unknown code. */
async function findIndicators(db: Db, codes: readonly string[], locale: Locale = 'vi'): Promise<IndicatorRow[]> {
  const lower = [...new Set(codes.map((c) => c.toLowerCase()))];
  const rows = await db.selectFrom('indicators').selectAll().where(sql<boolean>`lower(code) = ANY(${lower}::text[])`).execute();
  const byCode = new Map(rows.map((r) => [r.code.toLowerCase(), r]));
  const unknown = [...new Set(codes.filter((c) => !byCode.has(c.toLowerCase())))];
  if (unknown.length) throw problemList(404, 'analytics.unknownIndicator', 'indicator', unknown.map((code) => ({ code })), locale);
  return lower.map((c) => byCode.get(c)!);
}

/**
 * Units by code — where a code names both an open unit and former units that reused it, the open
 * one — in the order asked, without repeats, each with whether it lies in the caller's read scope:
 * one query however many units. 404 for unknown codes, then 403 for units outside the scope.
 */
async function findUnitsInScope(ctx: CommandContext, codes: readonly string[], locale: Locale = 'vi'): Promise<UnitRow[]> {
  const wanted = [...new Set(codes)];
  const roots = ctx.access.scopeRoots('data.read');
  const rows = await sql<UnitRow & { in_scope: boolean }>`
    SELECT DISTINCT ON (u.code) u.id, u.code, u.name, u.kind, u.closed_on,
           EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.descendant_id = u.id AND c.ancestor_id = ANY(${roots}::bigint[])) AS in_scope
    FROM org_units u WHERE u.code = ANY(${wanted}::text[])
    ORDER BY u.code, (u.closed_on IS NULL) DESC`.execute(ctx.db);
  const byCode = new Map(rows.rows.map((u) => [u.code, u]));
  const unknown = wanted.filter((c) => !byCode.has(c));
  if (unknown.length) throw problemList(404, 'analytics.unknownUnit', 'orgUnit', unknown.map((code) => ({ code })), locale);
  const units = wanted.map((c) => byCode.get(c)!);
  const outside = units.find((u) => !u.in_scope);
  if (outside) throw forbidden('forbiddenUnit', { unit: outside.name });
  return units.map(({ in_scope: _, ...unit }) => unit);
}

function parsePeriods(ids: readonly string[], locale: Locale = 'vi'): Period[] {
  const parsed = [...new Set(ids)].map((id) => ({ id, p: tryParsePeriod(id) }));
  const bad = parsed.filter((x) => !x.p);
  if (bad.length) throw problemList(400, 'analytics.invalidPeriod', 'period', bad.map((x) => ({ period: x.id })), locale);
  const seen = new Set<string>();
  return parsed.map((x) => x.p!).filter((p) => !seen.has(p.id) && (seen.add(p.id), true));
}

function period(id: string): Period {
  return parsePeriods([id])[0]!;
}

const ruleOf = (indicator: IndicatorRow, t: TargetRef): TargetRule => ({ comparator: t.comparator, value: t.value, valueMax: t.valueMax, direction: indicator.direction });

/** A cell as every analytics read shows it: the rollup's figure and parts, and its evaluation against the target. */
function cell(indicator: IndicatorRow, r: RollupRow | undefined, target: TargetRef | null, forecast: number | null = null): AnalyticsCell {
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

/**
 * The units a read shows: the units themselves, or with by=children each one's children by name —
 * the open ones, and the former ones that carry data for one of the indicators and periods asked
 * (hundreds of closed units may hang under a province; only those with figures belong on a dashboard).
 */
async function unitsShown(db: Db, units: UnitRow[], by: 'children' | undefined, indicators: IndicatorRow[], periods: Period[]): Promise<{ unit: UnitRow; former: boolean }[]> {
  if (by !== 'children') return units.map((unit) => ({ unit, former: false }));
  const parents = units.map((u) => u.id);
  const rows = await sql<UnitRow>`
    SELECT u.id, u.code, u.name, u.kind, u.closed_on FROM org_units u
    WHERE u.parent_id = ANY(${parents}::bigint[])
      AND (u.closed_on IS NULL OR EXISTS (
        SELECT 1 FROM rollups r WHERE r.org_unit_id = u.id AND r.period_id = ANY(${periods.map((p) => p.id)}::text[])
          AND r.indicator_id = ANY(${indicators.map((i) => i.id)}::bigint[])))
    ORDER BY array_position(${parents}::bigint[], u.parent_id), u.search_key`.execute(db);
  return rows.rows.map((unit) => ({ unit, former: unit.closed_on !== null }));
}

const yearOf = (p: Period) => Number(p.start.slice(0, 4));

interface Grid {
  indicators: IndicatorRow[];
  units: { unit: UnitRow; former: boolean }[];
  periods: Period[];
}

/**
 * Every cell of the grid, in indicator × unit × period order: one query for the rollups, one for
 * the targets. A former unit's cell is left out unless it carries data (a drill-down lists former
 * units only where something was reported under them).
 */
async function readGrid(db: Db, grid: Grid, emit: (indicator: number, unit: number, period: number, c: AnalyticsCell) => void): Promise<void> {
  const { indicators, units, periods } = grid;
  const nI = indicators.length;
  const nU = units.length;
  const nP = periods.length;
  if (!nI || !nU || !nP) return;
  const years = [...new Set(periods.map(yearOf))];
  const nY = years.length;
  const iIndex = new Map(indicators.map((x, k) => [x.id, k]));
  const uIndex = new Map(units.map((x, k) => [x.unit.id, k]));
  const pIndex = new Map(periods.map((x, k) => [x.id, k]));
  const yIndex = new Map(years.map((y, k) => [y, k]));
  const periodYear = periods.map((p) => yIndex.get(yearOf(p))!);
  const unitIds = units.map((u) => u.unit.id);
  const [rollups, targets] = await Promise.all([
    sql<RollupRow & { indicator_id: number; org_unit_id: number; period_id: string }>`
      SELECT indicator_id, org_unit_id, period_id, value, numerator, denominator, count FROM rollups
      WHERE indicator_id = ANY(${indicators.map((i) => i.id)}::bigint[]) AND org_unit_id = ANY(${unitIds}::bigint[])
        AND period_id = ANY(${periods.map((p) => p.id)}::text[])`.execute(db),
    targetsFor(db, indicators.map((i) => i.id), years, unitIds),
  ]);
  // Cells and targets by position in flat arrays, not by string keys: a dashboard has tens of thousands of cells.
  const found: (RollupRow | undefined)[] = new Array(nI * nU * nP);
  for (const r of rollups.rows) found[(iIndex.get(r.indicator_id)! * nU + uIndex.get(r.org_unit_id)!) * nP + pIndex.get(r.period_id)!] = r;
  const targetAt: (TargetRef | undefined)[] = new Array(nI * nU * nY);
  for (const t of targets) targetAt[(iIndex.get(t.indicatorId)! * nU + uIndex.get(t.unitId)!) * nY + yIndex.get(t.year)!] = t.target;
  for (let i = 0; i < nI; i++) {
    const indicator = indicators[i]!;
    for (let u = 0; u < nU; u++) {
      const former = units[u]!.former;
      const cellBase = (i * nU + u) * nP;
      const targetBase = (i * nU + u) * nY;
      for (let p = 0; p < nP; p++) {
        const r = found[cellBase + p];
        if (former && !r) continue;
        emit(i, u, p, cell(indicator, r, targetAt[targetBase + periodYear[p]!] ?? null));
      }
    }
  }
}

const unitRef = (u: UnitRow) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind, closedOn: u.closed_on });
const indicatorRef = (i: IndicatorRow) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit });

export async function analytics(ctx: CommandContext, input: { indicator: string; orgUnit: string; period: string; by?: 'children' }) {
  const [indicator] = await findIndicators(ctx.db, [input.indicator]);
  const p = period(input.period);
  const units = await unitsShown(ctx.db, await findUnitsInScope(ctx, [input.orgUnit]), input.by, [indicator!], [p]);
  const rows: ({ orgUnit: ReturnType<typeof unitRef>; period: string } & AnalyticsCell)[] = [];
  await readGrid(ctx.db, { indicators: [indicator!], units, periods: [p] }, (_i, u, _p, c) => rows.push({ orgUnit: unitRef(units[u]!.unit), period: p.id, ...c }));
  const head = { indicator: indicatorRef(indicator!), period: p.id };
  return input.by === 'children' ? { ...head, items: rows } : { ...head, ...rows[0]! };
}

export interface TableInput {
  indicator: readonly string[];
  orgUnit: readonly string[];
  period: readonly string[];
  by?: 'children';
}

/** The columns of a table row, in order. */
export const TABLE_COLUMNS = ['indicatorId', 'orgUnitId', 'period', 'value', 'numerator', 'denominator', 'count', 'targetId', 'attainment', 'status'] as const;

export type TableRow = [
  indicatorId: number,
  orgUnitId: number,
  period: string,
  value: number | null,
  numerator: number | null,
  denominator: number | null,
  count: number,
  targetId: number | null,
  attainment: number | null,
  status: TargetStatus | null,
];

/**
 * Many indicators × units (or their children) × periods in one read — a whole dashboard.
 *
 * The layout follows DHIS2's analytics API: each row is an array in the order of `columns`, and
 * names its indicator, unit and target by id, while the dictionaries `indicators`, `orgUnits` and
 * `targets` carry codes, names and rules once. A dashboard of 20 indicators × 168 wards × 12 months
 * is 40,320 rows; as objects repeating ten keys the JSON is three times larger, and writing,
 * sending and parsing it would cost more than reading the rollups. Unit ids, not codes, because a
 * former unit may share its code with the unit that replaced it.
 *
 * Rows come indicator by indicator (as asked), then unit by unit (as listed in `orgUnits`), then
 * period by period (as asked). Each cell says what GET /analytics says for it.
 */
export async function analyticsTable(ctx: CommandContext, input: TableInput, locale: Locale = 'vi') {
  const indicators = await findIndicators(ctx.db, input.indicator, locale);
  const periods = parsePeriods(input.period, locale);
  const requested = await findUnitsInScope(ctx, input.orgUnit, locale);
  const units = await unitsShown(ctx.db, requested, input.by, indicators, periods);
  const cells = indicators.length * units.length * periods.length;
  if (cells > TABLE_LIMITS.cells) {
    const n = (x: number) => x.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US');
    throw badRequest('analytics.tooManyCells', { cells: n(cells), max: n(TABLE_LIMITS.cells) });
  }
  const rows: TableRow[] = [];
  const shown = new Uint8Array(units.length);
  const targets = new Map<number, TargetRef>();
  await readGrid(ctx.db, { indicators, units, periods }, (i, u, p, c) => {
    shown[u] = 1;
    if (c.target) targets.set(c.target.id, c.target);
    rows.push([indicators[i]!.id, units[u]!.unit.id, periods[p]!.id, c.value, c.numerator, c.denominator, c.count, c.target?.id ?? null, c.attainment, c.status]);
  });
  return {
    indicators: indicators.map(indicatorRef),
    orgUnits: units.filter((_, u) => shown[u]).map((x) => unitRef(x.unit)),
    periods: periods.map((p) => p.id),
    targets: [...targets.values()],
    columns: [...TABLE_COLUMNS],
    rows,
  };
}

/** A unit's figures for every period of the indicator's type between two periods (inclusive). */
export async function series(ctx: CommandContext, input: { indicator: string; orgUnit: string; from: string; to: string }) {
  const [indicator] = (await findIndicators(ctx.db, [input.indicator])) as [IndicatorRow];
  const [unit] = (await findUnitsInScope(ctx, [input.orgUnit])) as [UnitRow];
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
  const [unit] = (await findUnitsInScope(ctx, [input.orgUnit])) as [UnitRow];
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

/**
 * The target that applies to each unit, for each indicator and year asked: the unit's own target
 * first, else the nearest level target above it (newest first among equals). One query.
 */
async function targetsFor(
  db: Db,
  indicatorIds: readonly number[],
  years: readonly number[],
  unitIds: readonly number[],
): Promise<{ unitId: number; indicatorId: number; year: number; target: TargetRef }[]> {
  if (unitIds.length === 0 || indicatorIds.length === 0 || years.length === 0) return [];
  const rows = await sql<{ unit_id: number; indicator_id: number; year: number; id: number; comparator: TargetRule['comparator']; value: number; value_max: number | null }>`
    SELECT DISTINCT ON (u.id, t.indicator_id, t.year) u.id AS unit_id, t.indicator_id, t.year, t.id, t.comparator, t.value, t.value_max
    FROM org_units u
    JOIN org_unit_closure c ON c.descendant_id = u.id
    JOIN targets t ON t.org_unit_id = c.ancestor_id AND t.indicator_id = ANY(${[...indicatorIds]}::bigint[]) AND t.year = ANY(${[...years]}::int[])
    WHERE u.id = ANY(${[...unitIds]}::bigint[]) AND ${applies}
    ORDER BY u.id, t.indicator_id, t.year, (t.scope = 'unit') DESC, c.depth ASC, t.id DESC`.execute(db);
  return rows.rows.map((r) => ({ unitId: r.unit_id, indicatorId: r.indicator_id, year: r.year, target: { id: r.id, comparator: r.comparator, value: r.value, valueMax: r.value_max } }));
}
