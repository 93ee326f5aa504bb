/**
 * DTI-style index scoring (issue 6, point 2), as the provincial DTI computes it
 * (../shared/reference/vietnam-government.md §1.3): each component (sub-indicator) earns points out
 * of its maximum; a pillar's value (chỉ số chính) is its points earned ÷ its maximum points, in [0, 1];
 * the index is Σ wᵢ·vᵢ ÷ Σ wᵢ over the pillars (with the 922 weights that sum to 1 this is exactly
 * Σ wᵢ·vᵢ); values are published to 4 decimals and units with the same published value share a rank
 * ("15 Thanh Hóa, 15 Yên Bái, 17 Hậu Giang" — competition ranking).
 *
 * How a component's value becomes a share of its points (the rule type is per component, §1.3):
 * - target: attainment of a target, value ÷ target (target ÷ value when lower is better), capped at 1;
 * - minmax: (value − min) ÷ (max − min) across the units ranked (reversed when lower is better); when
 *   every unit has the same value each gets full points;
 * - thresholds: stepwise points — the points of the highest step whose `from` the value reaches, 0
 *   below the first step (the points encode the direction, so it is not used).
 * A unit without a value for a component scores 0 on it and the component is flagged `missing`.
 * No I/O here.
 */

export const NORMALISATIONS = ['target', 'minmax', 'thresholds'] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];
export type RankDirection = 'higher' | 'lower';

/** Decimals of published values (DTI publishes main-indicator and index values to 4). */
export const SCORE_DECIMALS = 4;

export interface ThresholdStep {
  from: number;
  points: number;
}

export type ComponentParams = { target?: number; steps?: ThresholdStep[] };

export interface ComponentDef {
  id: number;
  indicatorId: number;
  maxPoints: number;
  normalisation: Normalisation;
  params: ComponentParams;
  direction: RankDirection;
}

export interface PillarDef {
  id: number;
  name: string;
  weight: number;
  components: ComponentDef[];
}

export interface ModelDef {
  pillars: PillarDef[];
}

export interface ComponentScore {
  componentId: number;
  /** The indicator's figure for the year, or null when the unit has none. */
  value: number | null;
  /** Share of the component's points earned, in [0, 1]. */
  normalised: number;
  points: number;
  missing: boolean;
}

export interface PillarScore {
  pillarId: number;
  /** Points earned ÷ maximum points, rounded to SCORE_DECIMALS. */
  value: number;
  points: number;
}

export interface UnitScore {
  unitId: number;
  /** The index value in [0, 1], rounded to SCORE_DECIMALS. */
  score: number;
  rank: number;
  pillars: PillarScore[];
  components: ComponentScore[];
  /** How many components had no value (each scored 0). */
  missing: number;
}

export const roundScore = (x: number, decimals = SCORE_DECIMALS) => {
  const f = 10 ** decimals;
  return Math.round(x * f + Number.EPSILON * f) / f;
};

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** The share of a component's points a value earns, given the values of every unit ranked (for min–max). */
export function normalise(c: Pick<ComponentDef, 'normalisation' | 'params' | 'direction' | 'maxPoints'>, value: number | null, all: readonly (number | null)[]): number {
  if (value === null || !Number.isFinite(value)) return 0;
  switch (c.normalisation) {
    case 'target': {
      const target = c.params.target ?? 0;
      if (c.direction === 'lower') {
        if (value <= target) return 1;
        return value === 0 ? 1 : clamp01(target / value);
      }
      if (target <= 0) return 1;
      return clamp01(value / target);
    }
    case 'minmax': {
      const present = all.filter((v): v is number => v !== null && Number.isFinite(v));
      if (present.length === 0) return 0;
      const min = Math.min(...present);
      const max = Math.max(...present);
      if (max === min) return 1;
      return clamp01(c.direction === 'lower' ? (max - value) / (max - min) : (value - min) / (max - min));
    }
    case 'thresholds': {
      let points = 0;
      for (const step of c.params.steps ?? []) if (value >= step.from) points = step.points;
      return c.maxPoints > 0 ? clamp01(points / c.maxPoints) : 0;
    }
  }
}

/**
 * Competition ranking ("1224"): units whose scores are equal at the displayed precision share a
 * rank, and the next rank skips as many places as shared it. Returns ranks in the input's order.
 */
export function competitionRanks(scores: readonly number[], decimals = SCORE_DECIMALS): number[] {
  const rounded = scores.map((s) => roundScore(s, decimals));
  const order = rounded.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i);
  const ranks = new Array<number>(scores.length);
  order.forEach((x, k) => {
    ranks[x.i] = k > 0 && order[k - 1]!.s === x.s ? ranks[order[k - 1]!.i]! : k + 1;
  });
  return ranks;
}

/**
 * Score every unit: `values(unitId, indicatorId)` gives the unit's figure or null. Units come back
 * ranked (best first; ties by the order given, which callers make the units' names).
 */
export function scoreUnits(model: ModelDef, unitIds: readonly number[], values: (unitId: number, indicatorId: number) => number | null): UnitScore[] {
  const components = model.pillars.flatMap((p) => p.components);
  const column = new Map(components.map((c) => [c.id, unitIds.map((u) => values(u, c.indicatorId))]));
  const totalWeight = model.pillars.reduce((s, p) => s + p.weight, 0);
  const raw = unitIds.map((unitId, u) => {
    const scored: ComponentScore[] = [];
    const pillars: PillarScore[] = [];
    let total = 0;
    for (const pillar of model.pillars) {
      let points = 0;
      let max = 0;
      for (const c of pillar.components) {
        const all = column.get(c.id)!;
        const value = all[u]!;
        const normalised = normalise(c, value, all);
        const earned = normalised * c.maxPoints;
        scored.push({ componentId: c.id, value, normalised: roundScore(normalised), points: roundScore(earned, 2), missing: value === null });
        points += earned;
        max += c.maxPoints;
      }
      const v = max > 0 ? points / max : 0;
      total += pillar.weight * v;
      pillars.push({ pillarId: pillar.id, value: roundScore(v), points: roundScore(points, 2) });
    }
    const score = roundScore(totalWeight > 0 ? total / totalWeight : 0);
    return { unitId, score, rank: 0, pillars, components: scored, missing: scored.filter((c) => c.missing).length };
  });
  const ranks = competitionRanks(raw.map((r) => r.score));
  raw.forEach((r, i) => (r.rank = ranks[i]!));
  return raw.map((r, i) => ({ r, i })).sort((a, b) => a.r.rank - b.r.rank || a.i - b.i).map((x) => x.r);
}

export interface Change {
  /** score − previous score, rounded to SCORE_DECIMALS. */
  score: number;
  /** previous rank − rank: positive when the unit moved up. */
  rank: number;
}

/** Change against the previous year's ranking, or null for a unit not ranked then. */
export function changeFrom(current: Pick<UnitScore, 'unitId' | 'score' | 'rank'>, previous: ReadonlyMap<number, { score: number; rank: number }>): Change | null {
  const before = previous.get(current.unitId);
  if (!before) return null;
  return { score: roundScore(current.score - before.score), rank: before.rank - current.rank };
}

/** Mean of each pillar value and of the score over the units, rounded. */
export function averages(rows: readonly Pick<UnitScore, 'score' | 'pillars'>[]): { score: number; pillars: { pillarId: number; value: number }[] } {
  if (rows.length === 0) return { score: 0, pillars: [] };
  const mean = (xs: number[]) => roundScore(xs.reduce((s, x) => s + x, 0) / xs.length);
  return {
    score: mean(rows.map((r) => r.score)),
    pillars: rows[0]!.pillars.map((p, k) => ({ pillarId: p.pillarId, value: mean(rows.map((r) => r.pillars[k]!.value)) })),
  };
}

export type ModelProblem =
  | { path: string; key: 'rankings.weightPositive' | 'rankings.maxPointsPositive' | 'rankings.targetRequired' | 'rankings.stepsRequired' | 'rankings.stepsAscending' | 'rankings.stepPoints' | 'rankings.noPillars' | 'rankings.noComponents' | 'rankings.duplicateIndicator'; params: Record<string, string | number> };

export interface ModelDraft {
  pillars: { name: string; weight: number; components: { indicatorId: number; maxPoints: number; normalisation: Normalisation; params?: ComponentParams | null; direction?: RankDirection }[] }[];
}

/** Everything wrong with a model's definition, each with its path in the request body. */
export function checkModel(model: ModelDraft): ModelProblem[] {
  const problems: ModelProblem[] = [];
  if (model.pillars.length === 0) problems.push({ path: 'body.pillars', key: 'rankings.noPillars', params: {} });
  const seen = new Set<number>();
  model.pillars.forEach((p, i) => {
    const pillar = p.name.trim() || String(i + 1);
    if (!(Number.isFinite(p.weight) && p.weight > 0)) problems.push({ path: `body.pillars.${i}.weight`, key: 'rankings.weightPositive', params: { pillar } });
    if (p.components.length === 0) problems.push({ path: `body.pillars.${i}.components`, key: 'rankings.noComponents', params: { pillar } });
    p.components.forEach((c, j) => {
      const path = `body.pillars.${i}.components.${j}`;
      const n = j + 1;
      if (seen.has(c.indicatorId)) problems.push({ path: `${path}.indicatorId`, key: 'rankings.duplicateIndicator', params: { pillar, n } });
      seen.add(c.indicatorId);
      if (!(Number.isFinite(c.maxPoints) && c.maxPoints > 0)) problems.push({ path: `${path}.maxPoints`, key: 'rankings.maxPointsPositive', params: { pillar, n } });
      if (c.normalisation === 'target') {
        const t = c.params?.target;
        if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0) problems.push({ path: `${path}.params.target`, key: 'rankings.targetRequired', params: { pillar, n } });
      }
      if (c.normalisation === 'thresholds') {
        const steps = c.params?.steps ?? [];
        if (steps.length === 0) problems.push({ path: `${path}.params.steps`, key: 'rankings.stepsRequired', params: { pillar, n } });
        for (let k = 1; k < steps.length; k++) {
          if (!(steps[k]!.from > steps[k - 1]!.from)) {
            problems.push({ path: `${path}.params.steps.${k}.from`, key: 'rankings.stepsAscending', params: { pillar, n } });
            break;
          }
        }
        steps.forEach((s, k) => {
          if (!(Number.isFinite(s.points) && s.points >= 0 && s.points <= c.maxPoints))
            problems.push({ path: `${path}.params.steps.${k}.points`, key: 'rankings.stepPoints', params: { pillar, n, max: c.maxPoints } });
        });
      }
    });
  });
  return problems;
}
