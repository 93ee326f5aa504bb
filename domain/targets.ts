/**
 * Targets (chỉ tiêu kế hoạch) and their evaluation against actuals: pure functions, no I/O.
 *
 * A target applies to one unit, or to every unit of a level under an anchor unit ("cấp xã" of the
 * city). Its value is compared with the comparator; `between` is a range such as "80% - 90%".
 */
import type { OrgUnitKind } from './orgUnits.ts';

export const COMPARATORS = ['>=', '>', '<=', '<', '=', 'between'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const TARGET_SCOPES = ['unit', 'level'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

export const TARGET_LEVELS = ['province', 'district', 'commune', 'department'] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

/** The unit kinds a level covers: "cấp xã" is every commune, ward and special zone. */
export const LEVEL_KINDS: Record<TargetLevel, readonly OrgUnitKind[]> = {
  province: ['province'],
  district: ['district'],
  commune: ['commune', 'ward', 'special_zone'],
  department: ['department'],
};

export const TARGET_STATUSES = ['achieved', 'not_achieved', 'at_risk', 'no_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export interface TargetRule {
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  direction: 'higher' | 'lower';
}

/** Attainment is capped at 200 %: beyond that the figure says nothing more and would swamp averages. */
export const ATTAINMENT_CAP = 2;

/** Relative tolerance of '=' (and of the bounds), so that 99.68 computed as 3658476/3670241×100 equals 99.68. */
const EPSILON = 1e-9;
const near = (a: number, b: number) => Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

/** Whether a figure meets the target. */
export function meetsTarget(rule: Pick<TargetRule, 'comparator' | 'value' | 'valueMax'>, x: number): boolean {
  const { value } = rule;
  switch (rule.comparator) {
    case '>=':
      return x >= value || near(x, value);
    case '>':
      return x > value && !near(x, value);
    case '<=':
      return x <= value || near(x, value);
    case '<':
      return x < value && !near(x, value);
    case '=':
      return near(x, value);
    case 'between': {
      const max = rule.valueMax ?? value;
      return (x >= value || near(x, value)) && (x <= max || near(x, max));
    }
  }
}

/**
 * Which way is better for this target. The comparator says it when it is one-sided (≥ and > mean
 * higher is better, ≤ and < lower), so attainment reaches 100 % exactly when the target is met even
 * if the indicator's own direction says otherwise; '=' and 'between' follow the indicator.
 */
export function effectiveDirection(rule: Pick<TargetRule, 'comparator' | 'direction'>): 'higher' | 'lower' {
  if (rule.comparator === '>=' || rule.comparator === '>') return 'higher';
  if (rule.comparator === '<=' || rule.comparator === '<') return 'lower';
  return rule.direction;
}

/**
 * Attainment as a fraction (1 = 100 %), in [0, ATTAINMENT_CAP]:
 * - higher is better: actual / target;
 * - lower is better: target / actual (an actual of 0 under a positive target is the cap);
 * - 'between': the bound that must be reached — the lower bound when higher is better (80 of
 *   "80–90"), the upper one when lower is better;
 * - a target of 0 (higher is better) is reached (1) or not (0); negative ratios count as 0.
 * Null when there is no actual.
 */
export function attainmentOf(rule: TargetRule, actual: number | null): number | null {
  if (actual === null || !Number.isFinite(actual)) return null;
  const direction = effectiveDirection(rule);
  const goal = rule.comparator === 'between' && direction === 'lower' ? (rule.valueMax ?? rule.value) : rule.value;
  let ratio: number;
  if (direction === 'higher') {
    if (goal === 0) ratio = actual >= 0 ? 1 : 0;
    else ratio = actual / goal;
  } else if (actual === 0) {
    ratio = goal > 0 ? ATTAINMENT_CAP : goal === 0 ? 1 : 0;
  } else {
    ratio = goal / actual;
  }
  if (!Number.isFinite(ratio) || ratio < 0) return 0;
  return Math.min(ratio, ATTAINMENT_CAP);
}

export interface TargetEvaluation {
  attainment: number | null;
  status: TargetStatus;
}

/**
 * Evaluate a target with the actual to date and the forecast at the deadline.
 * Pass `forecast` = null once the deadline has passed (the actual is final) or when there is no trend
 * to forecast from; a number means the deadline is still ahead. Then:
 * - no actual → 'no_data';
 * - met now: 'at_risk' when the forecast falls out of the target, otherwise 'achieved';
 * - not met: 'at_risk' when the deadline is ahead and the forecast misses too, otherwise
 *   'not_achieved' (final, or not yet reached but on course).
 */
export function evaluateTarget(rule: TargetRule, actual: number | null, forecast: number | null): TargetEvaluation {
  if (actual === null || !Number.isFinite(actual)) return { attainment: null, status: 'no_data' };
  const attainment = attainmentOf(rule, actual);
  const hasForecast = forecast !== null && Number.isFinite(forecast);
  const forecastMisses = hasForecast && !meetsTarget(rule, forecast);
  if (meetsTarget(rule, actual)) return { attainment, status: forecastMisses ? 'at_risk' : 'achieved' };
  return { attainment, status: forecastMisses ? 'at_risk' : 'not_achieved' };
}

/**
 * Least-squares linear trend through the points, read at `atT` (t is any numeric time: a month
 * index, days since an epoch). Null with fewer than two distinct times (no trend to draw);
 * non-finite points are ignored.
 */
export function forecastLinear(points: readonly { t: number; value: number }[], atT: number): number | null {
  const usable = points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.value));
  if (usable.length < 2 || !Number.isFinite(atT)) return null;
  const n = usable.length;
  const meanT = usable.reduce((s, p) => s + p.t, 0) / n;
  const meanV = usable.reduce((s, p) => s + p.value, 0) / n;
  let sTT = 0;
  let sTV = 0;
  for (const p of usable) {
    sTT += (p.t - meanT) ** 2;
    sTV += (p.t - meanT) * (p.value - meanV);
  }
  if (sTT === 0) return null;
  const slope = sTV / sTT;
  return meanV + slope * (atT - meanT);
}
