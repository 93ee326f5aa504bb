/**
 * How indicator values combine — across units (space) and over time. Pure functions, no I/O.
 *
 * The rollup engine keeps one Summary per indicator × unit × period. A cell's summary is the merge
 * of the unit's own observation for the period (its values in the finer periods inside it, combined
 * over time by `timeCombine`) and its children's summaries. Summaries are mergeable: `mergeSummaries`
 * is associative and commutative, so a parent can be recomputed from its children in any order and
 * grouping (exactly so for integer data; for fractional values up to floating-point rounding in the
 * last bits — recompute from children rather than adding deltas, so no error accumulates).
 *
 * Space aggregation reads a figure off a summary (`valueOf`): sum, average, min, max of the units'
 * values, or a ratio of sums — scale × Σnumerator / Σdenominator, where scale is 100 for a `%`
 * indicator and 1 otherwise (seed 004: 3,658,476 / 3,670,241 → 99.68 %). A ratio is never the
 * average of the units' percentages.
 */

export const SPACE_AGGREGATIONS = ['sum', 'ratio', 'avg', 'min', 'max'] as const;
export type SpaceAggregation = (typeof SPACE_AGGREGATIONS)[number];

export const TIME_AGGREGATIONS = ['sum', 'latest', 'avg', 'min', 'max'] as const;
export type TimeAggregation = (typeof TIME_AGGREGATIONS)[number];

/**
 * One unit's value for one period. A ratio indicator carries numerator and denominator, and `value`
 * is then derived from them (scale × numerator / denominator); other indicators carry only `value`.
 */
export interface Observation {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * What a set of observations adds up to. `count` is the number of observations that carried
 * anything (a value, or both parts of a ratio); `sum`, `min` and `max` are over the values;
 * `numerator` and `denominator` are sums over the observations that carried both parts.
 */
export interface Summary {
  sum: number;
  count: number;
  min: number | null;
  max: number | null;
  numerator: number;
  denominator: number;
}

export const EMPTY_SUMMARY: Readonly<Summary> = Object.freeze({ sum: 0, count: 0, min: null, max: null, numerator: 0, denominator: 0 });

/** A number, or null for null, undefined, NaN and ±Infinity (which validation refuses anyway). */
const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Both parts of a ratio, or undefined unless both are present. */
function parts(obs: Observation): [number, number] | undefined {
  const n = num(obs.numerator);
  const d = num(obs.denominator);
  return n !== null && d !== null ? [n, d] : undefined;
}

/** Whether an observation carries anything at all. */
const hasData = (obs: Observation) => num(obs.value) !== null || parts(obs) !== undefined;

/** The summary of one observation (EMPTY_SUMMARY's values when it carries nothing). */
export function summarize(obs: Observation): Summary {
  const value = num(obs.value);
  const p = parts(obs);
  if (value === null && !p) return { ...EMPTY_SUMMARY };
  return {
    sum: value ?? 0,
    count: 1,
    min: value,
    max: value,
    numerator: p ? p[0] : 0,
    denominator: p ? p[1] : 0,
  };
}

const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * The summary of the union of the summarised sets. Reads only the Summary fields, so rows that
 * extend Summary (with keys) can be passed as they are. No arguments → an empty summary.
 */
export function mergeSummaries(...summaries: readonly Readonly<Summary>[]): Summary {
  const out: Summary = { ...EMPTY_SUMMARY };
  for (const s of summaries) {
    out.sum += s.sum;
    out.count += s.count;
    out.min = minOf(out.min, s.min);
    out.max = maxOf(out.max, s.max);
    out.numerator += s.numerator;
    out.denominator += s.denominator;
  }
  return out;
}

/**
 * The figure of a set of units, read off their merged summary; null when the summary is empty.
 * sum → Σvalue; avg → Σvalue / count; min, max → the extreme value (all four null when no
 * observation carried a value); ratio → scale × Σnumerator / Σdenominator (null when Σdenominator
 * is 0). `scale` is 100 for a `%` indicator, 1 otherwise. avg divides by every counted observation,
 * so it assumes the observations are of one kind — all values, or all ratios with their values —
 * as they are for one indicator.
 */
export function valueOf(space: SpaceAggregation, s: Readonly<Summary>, scale = 100): number | null {
  if (s.count === 0) return null;
  switch (space) {
    // min is null exactly when no observation carried a value (only ratio parts): no sum, no mean.
    case 'sum':
      return s.min === null ? null : s.sum;
    case 'avg':
      return s.min === null ? null : s.sum / s.count;
    case 'min':
      return s.min;
    case 'max':
      return s.max;
    case 'ratio':
      return s.denominator === 0 ? null : (scale * s.numerator) / s.denominator;
  }
}

/**
 * The figure of a single observation: for a ratio, scale × numerator / denominator (null without
 * both parts or with a zero denominator — the stored `value` is not trusted for a ratio); otherwise
 * the value. Always equal to `valueOf(space, summarize(obs), scale)`.
 */
export function observationValue(space: SpaceAggregation, obs: Observation, scale = 100): number | null {
  if (space === 'ratio') {
    const p = parts(obs);
    return p && p[1] !== 0 ? (scale * p[0]) / p[1] : null;
  }
  return num(obs.value);
}

/** One observation of a unit in one (finer) period, with the period's first day `YYYY-MM-DD`. */
export interface TimePoint {
  periodId: string;
  start: string;
  obs: Observation;
}

/**
 * A unit's own observation for a coarser period, from its observations in the finer periods inside
 * it (a quarter from its months). Points that carry nothing (no value, and not both ratio parts) are
 * ignored; null when no point is left. The caller passes only points inside the period and of one
 * granularity (a month's figure and its days' figures together would be counted twice by `sum`).
 *
 * - sum: adds the values, and adds the numerators and denominators;
 * - avg: the mean of the values, and the means of the numerators and of the denominators (so the
 *   ratio of the means is Σnumerator / Σdenominator);
 * - latest: the point with the latest start (ties: the later period id);
 * - min / max: the point with the smallest / largest value — for a ratio point, its ratio
 *   numerator / denominator (ties: the latest point).
 * Each of value, numerator and denominator is combined over the points that carry it, and is null
 * when none does. With `scale`, a result that has both ratio parts gets its value re-derived as
 * scale × numerator / denominator, since a sum or mean of percentages means nothing.
 */
export function timeCombine(agg: TimeAggregation, points: readonly TimePoint[], scale?: number): Observation | null {
  const live = points.filter((p) => hasData(p.obs));
  if (live.length === 0) return null;
  let out: Observation;
  switch (agg) {
    case 'sum':
    case 'avg': {
      const values = live.map((p) => num(p.obs.value)).filter((v): v is number => v !== null);
      const ratios = live.map((p) => parts(p.obs)).filter((p): p is [number, number] => p !== undefined);
      const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const combine = (xs: number[]) => (xs.length === 0 ? null : agg === 'sum' ? total(xs) : total(xs) / xs.length);
      out = { value: combine(values), numerator: combine(ratios.map((r) => r[0])), denominator: combine(ratios.map((r) => r[1])) };
      break;
    }
    case 'latest': {
      let best = live[0]!;
      for (const p of live) if (p.start > best.start || (p.start === best.start && p.periodId > best.periodId)) best = p;
      out = copy(best.obs);
      break;
    }
    case 'min':
    case 'max': {
      const sign = agg === 'min' ? -1 : 1;
      let best: { point: TimePoint; key: number } | undefined;
      for (const point of live) {
        const key = compareKey(point.obs);
        if (key === null) continue;
        const later = best !== undefined && (point.start > best.point.start || (point.start === best.point.start && point.periodId > best.point.periodId));
        if (!best || sign * (key - best.key) > 0 || (key === best.key && later)) best = { point, key };
      }
      if (!best) return null;
      out = copy(best.point.obs);
      break;
    }
  }
  if (scale !== undefined && out.numerator !== null && out.denominator !== null)
    out.value = out.denominator === 0 ? null : (scale * out.numerator) / out.denominator;
  return out;
}

/** What min and max compare: a ratio point's numerator / denominator, otherwise its value. */
function compareKey(obs: Observation): number | null {
  const p = parts(obs);
  if (p) return p[1] === 0 ? null : p[0] / p[1];
  return num(obs.value);
}

const copy = (obs: Observation): Observation => ({ value: num(obs.value), numerator: num(obs.numerator), denominator: num(obs.denominator) });
