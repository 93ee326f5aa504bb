/**
 * The leaders' dashboard (Tổng quan): pure pieces — which pillar an indicator belongs to, the
 * forecast of a figure at a target's deadline, the tile's status colour, the gap, a level target
 * summarised over its units, and the default plan. No I/O here; server/commands/dashboard.ts reads.
 */
import { PILLARS, type Pillar } from './indicators.ts';
import { attainmentOf, effectiveDirection, forecastLinear, meetsTarget, type TargetRule } from './targets.ts';

// ---------------------------------------------------------------------------------------------
// Pillars

export type DashboardPillar = Pillar | 'other';

/** Code prefixes of the catalogue (server/seed/demoIndicators.ts) for indicators without a pillar. */
const PREFIX_PILLAR: Record<string, Pillar> = {
  CQS: 'chinh_quyen_so',
  DL: 'chinh_quyen_so',
  KTS: 'kinh_te_so',
  XHS: 'xa_hoi_so',
  HTS: 'ha_tang_so',
  NLS: 'nhan_luc_so',
  ATTT: 'an_toan_thong_tin',
  TCS: 'the_che_so',
};

/** The indicator's pillar column when set, else its code prefix ("CQS.…" chính quyền số), else 'other'. */
export function pillarOf(indicator: { pillar: string | null; code: string }): DashboardPillar {
  if (indicator.pillar && (PILLARS as readonly string[]).includes(indicator.pillar)) return indicator.pillar as Pillar;
  const prefix = indicator.code.split(/[._-]/)[0]!.toUpperCase();
  return PREFIX_PILLAR[prefix] ?? 'other';
}

/** Pillars in the programme's order (749/QĐ-TTg: chính quyền số, kinh tế số, xã hội số, …), 'other' last. */
export function comparePillars(a: DashboardPillar, b: DashboardPillar): number {
  const rank = (p: DashboardPillar) => (p === 'other' ? PILLARS.length : PILLARS.indexOf(p));
  return rank(a) - rank(b);
}

// ---------------------------------------------------------------------------------------------
// Forecast at the deadline

export type ForecastMethod = 'final' | 'trend' | 'last' | 'none';

export interface SeriesPoint {
  /** Any increasing time: the period's end as epoch ms. */
  t: number;
  value: number;
  numerator?: number | null;
  denominator?: number | null;
}

export interface ForecastInput {
  /** How the indicator adds up over time: 'sum' (flows: the year is the sum, or ratio of sums, of its periods) or a stock. */
  timeAggregation: 'sum' | 'latest' | 'avg' | 'min' | 'max';
  /** 'ratio': the year's figure is scale × Σnumerator / Σdenominator of its periods. */
  ratio: boolean;
  /** 100 for a percentage, 1 otherwise (domain/indicators.ts ratioScale). */
  scale: number;
  /** The year's figure so far (the yearly rollup). */
  actual: number | null;
  /** The figures of the indicator's own periods in the year, in time order. */
  points: readonly SeriesPoint[];
  /** Ends (epoch ms) of the periods still to come until the deadline (empty when the data reaches it). */
  remaining: readonly number[];
  /** The deadline (epoch ms): the end of the target's year. */
  deadline: number;
  /** Bounds of the figure (a percentage stays within 0–100). */
  min?: number | null;
  max?: number | null;
}

export interface Forecast {
  value: number | null;
  method: ForecastMethod;
}

const clamp = (x: number, min: number | null | undefined, max: number | null | undefined) => Math.min(max ?? Infinity, Math.max(min ?? -Infinity, x));

/**
 * The figure expected at the deadline:
 * - 'final' when the data already reaches the deadline (nothing left to forecast: the actual);
 * - a stock (latest, avg, min, max): the least-squares line through the year's points read at the
 *   deadline ('trend'), or the last point when there are fewer than two ('last');
 * - a flow ('sum'): what is in, plus each remaining period projected on the trend of the periods so
 *   far ('trend'; their average when fewer than two, 'last') — for a ratio of sums the projected
 *   numerators over the average denominator, so a year's share is not read off December's share.
 * 'none' without any figure. The result is kept within the indicator's bounds.
 */
export function forecastAtDeadline(input: ForecastInput): Forecast {
  const { points, remaining } = input;
  if (input.actual === null || points.length === 0) return { value: null, method: 'none' };
  if (remaining.length === 0) return { value: input.actual, method: 'final' };
  const bound = (x: number) => clamp(x, input.min, input.max);
  const trendAt = (ps: readonly { t: number; value: number }[], t: number) => forecastLinear(ps, t);
  if (input.timeAggregation !== 'sum') {
    const trend = trendAt(points, input.deadline);
    if (trend !== null) return { value: bound(trend), method: 'trend' };
    return { value: bound(points[points.length - 1]!.value), method: 'last' };
  }
  const enough = points.length >= 2;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const project = (t: number) => (enough ? (trendAt(points, t) ?? mean(points.map((p) => p.value))) : mean(points.map((p) => p.value)));
  if (input.ratio) {
    const parts = points.filter((p) => p.numerator != null && p.denominator != null);
    const num = parts.reduce((s, p) => s + p.numerator!, 0);
    const den = parts.reduce((s, p) => s + p.denominator!, 0);
    if (parts.length === 0 || den <= 0) return { value: bound(input.actual), method: 'last' };
    const avgDen = den / parts.length;
    let n = num;
    let d = den;
    for (const t of remaining) {
      const share = clamp(project(t), input.min, input.max) / input.scale;
      n += share * avgDen;
      d += avgDen;
    }
    return { value: bound((input.scale * n) / d), method: enough ? 'trend' : 'last' };
  }
  const projected = remaining.reduce((s, t) => s + Math.max(0, project(t)), 0);
  return { value: bound(input.actual + projected), method: enough ? 'trend' : 'last' };
}

// ---------------------------------------------------------------------------------------------
// Status and gap

export const TILE_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type TileStatus = (typeof TILE_STATUSES)[number];

/** A forecast within this share of the goal is "at risk" rather than "off track". */
export const AT_RISK_ATTAINMENT = 0.9;

/**
 * The tile's colour:
 * - no figure → no_data;
 * - final (the data reaches the deadline): met → achieved, else off_track;
 * - met now: achieved while the forecast still meets it (or there is none), at_risk when it falls out;
 * - not met now: on_track when the forecast meets it, at_risk when the forecast comes within 90 %,
 *   off_track otherwise (or with no forecast).
 */
export function tileStatus(rule: TargetRule, actual: number | null, forecast: Forecast): TileStatus {
  if (actual === null || !Number.isFinite(actual)) return 'no_data';
  const metNow = meetsTarget(rule, actual);
  if (forecast.method === 'final' || forecast.value === null) return metNow ? 'achieved' : 'off_track';
  const metLater = meetsTarget(rule, forecast.value);
  if (metNow) return metLater ? 'achieved' : 'at_risk';
  if (metLater) return 'on_track';
  const reach = attainmentOf(rule, forecast.value);
  return reach !== null && reach >= AT_RISK_ATTAINMENT ? 'at_risk' : 'off_track';
}

/** The figure the target asks to reach: the bound that matters for a range (the lower one when higher is better). */
export function goalOf(rule: TargetRule): number {
  return rule.comparator === 'between' && effectiveDirection(rule) === 'lower' ? (rule.valueMax ?? rule.value) : rule.value;
}

/**
 * How far the actual is from the goal in the good direction: positive = still short by that much,
 * zero or negative = reached (or exceeded by its absolute value). Null without an actual.
 */
export function gapOf(rule: TargetRule, actual: number | null): number | null {
  if (actual === null || !Number.isFinite(actual)) return null;
  const goal = goalOf(rule);
  return effectiveDirection(rule) === 'higher' ? goal - actual : actual - goal;
}

// ---------------------------------------------------------------------------------------------
// A level target ("mỗi xã ≥ 80%") over the units of its level

export interface UnitFigure {
  actual: number | null;
  status: TileStatus;
}

export interface LevelSummary {
  /** Units of the level under the dashboard's unit. */
  units: number;
  withData: number;
  /** Units meeting the target now. */
  meeting: number;
  /** meeting / units (0–1), null with no units. */
  share: number | null;
  /** Mean of the actuals of the units with data. */
  average: number | null;
  counts: Record<TileStatus, number>;
  /**
   * no_data when no unit has a figure; achieved when every unit of the level meets the target;
   * otherwise by the share of units that meet it or are forecast to (achieved or on track):
   * ≥ 80 % on_track, ≥ 50 % at_risk, else off_track.
   */
  status: TileStatus;
}

export function summariseLevel(rule: TargetRule, figures: readonly UnitFigure[]): LevelSummary {
  const counts = Object.fromEntries(TILE_STATUSES.map((s) => [s, 0])) as Record<TileStatus, number>;
  let meeting = 0;
  let sum = 0;
  let withData = 0;
  for (const f of figures) {
    counts[f.status]++;
    if (f.actual === null || !Number.isFinite(f.actual)) continue;
    withData++;
    sum += f.actual;
    if (meetsTarget(rule, f.actual)) meeting++;
  }
  const n = figures.length;
  const onCourse = n ? (counts.achieved + counts.on_track) / n : 0;
  const status: TileStatus = withData === 0 ? 'no_data' : meeting === n ? 'achieved' : onCourse >= 0.8 ? 'on_track' : onCourse >= 0.5 ? 'at_risk' : 'off_track';
  return {
    units: figures.length,
    withData,
    meeting,
    share: figures.length ? meeting / figures.length : null,
    average: withData ? sum / withData : null,
    counts,
    status,
  };
}

// ---------------------------------------------------------------------------------------------
// Defaults and small figures

export interface PlanCandidate {
  id: number;
  /** Targets of the plan and of the plans implementing it (its tree). */
  treeTargets: number;
  /** Whether the plan's issuer lies within the user's units (the user's own plans come first). */
  ownIssuer: boolean;
  /** Depth of the issuer under the user's root (0: the root itself). */
  issuerDepth: number | null;
}

/**
 * The plan a dashboard opens on: among the plans issued within the user's units, the one issued
 * highest (the city's own plan for a city user, the ward's for a ward user) whose tree carries the
 * most targets; else any plan with the most targets in its tree; ties to the older plan.
 */
export function defaultPlan(plans: readonly PlanCandidate[]): number | null {
  const key = (p: PlanCandidate): [number, number, number, number] => [p.ownIssuer ? 0 : 1, p.issuerDepth ?? 99, -p.treeTargets, p.id];
  const sorted = [...plans].filter((p) => p.treeTargets > 0 || plans.every((q) => q.treeTargets === 0)).sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return 0;
  });
  return sorted[0]?.id ?? null;
}

/** Whole days from the due date to today (positive when overdue). */
export function daysOverdue(dueDate: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
}

/** On-time reports over the reports due, in % with two decimals; null when none was due. */
export function complianceRate(c: { onTime: number; late: number; missing: number }): number | null {
  const due = c.onTime + c.late + c.missing;
  return due === 0 ? null : Math.round((10_000 * c.onTime) / due) / 100;
}

/** Share of the targets evaluated that are achieved, in % (two decimals); null when none has data. */
export function attainmentShare(statuses: readonly TileStatus[]): number | null {
  const evaluated = statuses.filter((s) => s !== 'no_data');
  if (evaluated.length === 0) return null;
  return Math.round((10_000 * evaluated.filter((s) => s === 'achieved').length) / evaluated.length) / 100;
}
