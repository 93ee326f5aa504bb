import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averages, changeFrom, checkModel, competitionRanks, normalise, roundScore, scoreUnits, type ModelDef } from '../../domain/rankings.ts';

describe('rankings: normalisation', () => {
  const base = { maxPoints: 10, params: {}, direction: 'higher' as const };
  it('target attainment is capped at 1 and reversed when lower is better', () => {
    const c = { ...base, normalisation: 'target' as const, params: { target: 80 } };
    assert.equal(normalise(c, 40, []), 0.5);
    assert.equal(normalise(c, 96, []), 1);
    assert.equal(normalise({ ...c, direction: 'lower' }, 160, []), 0.5);
    assert.equal(normalise({ ...c, direction: 'lower' }, 20, []), 1);
    assert.equal(normalise(c, null, []), 0);
  });
  it('min–max runs across the units ranked, missing values left out', () => {
    const c = { ...base, normalisation: 'minmax' as const };
    const all = [50, 70, 90, null];
    assert.deepEqual(all.map((v) => normalise(c, v, all)), [0, 0.5, 1, 0]);
    assert.deepEqual(all.map((v) => normalise({ ...c, direction: 'lower' }, v, all)), [1, 0.5, 0, 0]);
    assert.equal(normalise(c, 5, [5, 5]), 1, 'all equal: full points');
  });
  it('thresholds give the points of the highest step reached', () => {
    const c = { ...base, normalisation: 'thresholds' as const, params: { steps: [{ from: 50, points: 5 }, { from: 80, points: 8 }, { from: 95, points: 10 }] } };
    assert.deepEqual([10, 50, 79.9, 80, 99].map((v) => normalise(c, v, [])), [0, 0.5, 0.5, 0.8, 1]);
  });
});

describe('rankings: competition ranks', () => {
  it('ties at the displayed precision share a rank and the next skips (15, 15, 17)', () => {
    assert.deepEqual(competitionRanks([0.9, 0.8, 0.80004, 0.7]), [1, 2, 2, 4]);
    assert.deepEqual(competitionRanks([0.5, 0.5, 0.5]), [1, 1, 1]);
    assert.deepEqual(competitionRanks([0.80006, 0.8]), [1, 2]);
  });
});

describe('rankings: scores', () => {
  const model: ModelDef = {
    pillars: [
      { id: 1, name: 'A', weight: 0.6, components: [
        { id: 11, indicatorId: 101, maxPoints: 60, normalisation: 'target', params: { target: 100 }, direction: 'higher' },
        { id: 12, indicatorId: 102, maxPoints: 40, normalisation: 'minmax', params: {}, direction: 'higher' },
      ] },
      { id: 2, name: 'B', weight: 0.4, components: [
        { id: 21, indicatorId: 103, maxPoints: 100, normalisation: 'thresholds', params: { steps: [{ from: 1, points: 50 }, { from: 2, points: 100 }] }, direction: 'higher' },
      ] },
    ],
  };
  const data: Record<number, Record<number, number | null>> = {
    1: { 101: 80, 102: 10, 103: 2 },
    2: { 101: 100, 102: 20, 103: 1 },
    3: { 101: 50, 102: 30, 103: null },
  };
  const rows = scoreUnits(model, [1, 2, 3], (u, i) => data[u]![i] ?? null);

  it('pillar values are points ÷ maximum, the score their weighted mean', () => {
    // Unit 1: A = (0.8·60 + 0·40)/100 = 0.48, B = 1 → 0.6·0.48 + 0.4·1 = 0.688
    // Unit 2: A = (60 + 0.5·40)/100 = 0.8, B = 0.5 → 0.48 + 0.2 = 0.68
    // Unit 3: A = (30 + 40)/100 = 0.7, B = 0 (missing) → 0.42
    assert.deepEqual(rows.map((r) => [r.unitId, r.score, r.rank]), [[1, 0.688, 1], [2, 0.68, 2], [3, 0.42, 3]]);
    assert.deepEqual(rows[0]!.pillars.map((p) => p.value), [0.48, 1]);
    assert.equal(rows[2]!.missing, 1);
    assert.equal(rows[2]!.components.find((c) => c.componentId === 21)!.missing, true);
  });
  it('averages per pillar', () => {
    const avg = averages(rows);
    assert.equal(avg.score, roundScore((0.688 + 0.68 + 0.42) / 3));
    assert.deepEqual(avg.pillars.map((p) => p.value), [roundScore((0.48 + 0.8 + 0.7) / 3), 0.5]);
  });
  it('change against the previous year', () => {
    const prev = new Map([[1, { score: 0.6, rank: 3 }]]);
    assert.deepEqual(changeFrom(rows[0]!, prev), { score: 0.088, rank: 2 });
    assert.equal(changeFrom(rows[1]!, prev), null);
  });
});

describe('rankings: model check', () => {
  it('lists every fault with its path', () => {
    const problems = checkModel({
      pillars: [
        { name: 'A', weight: 0, components: [{ indicatorId: 1, maxPoints: 0, normalisation: 'target', params: {} }] },
        { name: 'B', weight: 1, components: [{ indicatorId: 1, maxPoints: 10, normalisation: 'thresholds', params: { steps: [{ from: 5, points: 5 }, { from: 5, points: 20 }] } }] },
        { name: 'C', weight: 1, components: [] },
      ],
    });
    assert.deepEqual(problems.map((p) => [p.path, p.key]), [
      ['body.pillars.0.weight', 'rankings.weightPositive'],
      ['body.pillars.0.components.0.maxPoints', 'rankings.maxPointsPositive'],
      ['body.pillars.0.components.0.params.target', 'rankings.targetRequired'],
      ['body.pillars.1.components.0.indicatorId', 'rankings.duplicateIndicator'],
      ['body.pillars.1.components.0.params.steps.1.from', 'rankings.stepsAscending'],
      ['body.pillars.1.components.0.params.steps.1.points', 'rankings.stepPoints'],
      ['body.pillars.2.components', 'rankings.noComponents'],
    ]);
    assert.deepEqual(checkModel({ pillars: [] }).map((p) => p.key), ['rankings.noPillars']);
  });
});
