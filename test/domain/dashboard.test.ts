/** The dashboard's pure pieces: pillars, forecast at the deadline, tile status, gap, level summaries, defaults. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
  type ForecastInput,
} from '../../domain/dashboard.ts';
import type { TargetRule } from '../../domain/targets.ts';

const atLeast = (value: number): TargetRule => ({ comparator: '>=', value, valueMax: null, direction: 'higher' });
const atMost = (value: number): TargetRule => ({ comparator: '<=', value, valueMax: null, direction: 'lower' });
const monthEnd = (m: number) => Date.parse(new Date(Date.UTC(2025, m, 0)).toISOString().slice(0, 10));
const close = (actual: number | null, expected: number, eps = 1e-6) => {
  assert.ok(actual !== null, 'expected a number');
  assert.ok(Math.abs(actual - expected) < eps, `${actual} ≈ ${expected}`);
};
const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => monthEnd(from + k));

describe('pillarOf', () => {
  it('takes the pillar column, else the code prefix, else other', () => {
    assert.equal(pillarOf({ pillar: 'kinh_te_so', code: 'CQS.X' }), 'kinh_te_so');
    assert.equal(pillarOf({ pillar: null, code: 'CQS.DVCTT_TOAN_TRINH' }), 'chinh_quyen_so');
    assert.equal(pillarOf({ pillar: null, code: 'KTS.TY_TRONG_GRDP' }), 'kinh_te_so');
    assert.equal(pillarOf({ pillar: null, code: 'XHS.TK_THANH_TOAN' }), 'xa_hoi_so');
    assert.equal(pillarOf({ pillar: 'unknown', code: 'ZZ.1' }), 'other');
  });
  it('orders pillars as the programme does, other last', () => {
    const sorted = (['other', 'xa_hoi_so', 'chinh_quyen_so', 'kinh_te_so'] as const).slice().sort(comparePillars);
    assert.deepEqual(sorted, ['chinh_quyen_so', 'kinh_te_so', 'xa_hoi_so', 'other']);
  });
});

describe('forecastAtDeadline', () => {
  const stock = (values: number[], extra: Partial<ForecastInput> = {}): ForecastInput => ({
    timeAggregation: 'latest',
    ratio: true,
    scale: 100,
    actual: values[values.length - 1] ?? null,
    points: values.map((value, k) => ({ t: monthEnd(k + 1), value })),
    remaining: months(values.length + 1, 12),
    deadline: monthEnd(12),
    min: 0,
    max: 100,
    ...extra,
  });
  it('reads a stock on its linear trend at the deadline', () => {
    const f = forecastAtDeadline(stock([50, 55, 60]));
    assert.equal(f.method, 'trend');
    assert.ok(f.value! > 95 && f.value! <= 100, String(f.value));
  });
  it('keeps a percentage within 0–100', () => {
    assert.equal(forecastAtDeadline(stock([70, 80, 90])).value, 100);
  });
  it('uses the last value with a single point, and says it', () => {
    assert.deepEqual(forecastAtDeadline(stock([42])), { value: 42, method: 'last' });
  });
  it('is the actual once the data reaches the deadline', () => {
    assert.deepEqual(forecastAtDeadline(stock([1, 2, 3], { remaining: [] })), { value: 3, method: 'final' });
  });
  it('has nothing to say without figures', () => {
    assert.deepEqual(forecastAtDeadline(stock([])), { value: null, method: 'none' });
  });
  it('adds the remaining periods of a count flow on their trend', () => {
    // 10, 10, 10 a month: 30 so far, 9 more months of 10 → 120.
    const f = forecastAtDeadline({
      timeAggregation: 'sum',
      ratio: false,
      scale: 1,
      actual: 30,
      points: [10, 10, 10].map((value, k) => ({ t: monthEnd(k + 1), value })),
      remaining: months(4, 12),
      deadline: monthEnd(12),
    });
    close(f.value, 120);
    assert.equal(f.method, 'trend');
  });
  it("forecasts a year's ratio of sums from projected months, not from December's share", () => {
    // Months at 50 %, 60 %, 70 % of 100 files each; the trend gives 80…140 → capped at 100 %.
    const points = [50, 60, 70].map((value, k) => ({ t: monthEnd(k + 1), value, numerator: value, denominator: 100 }));
    const f = forecastAtDeadline({ timeAggregation: 'sum', ratio: true, scale: 100, actual: 60, points, remaining: months(4, 12), deadline: monthEnd(12), min: 0, max: 100 });
    assert.ok(f.value! > 70 && f.value! < 100, `${f.value}`);
  });
});

describe('tileStatus and gap', () => {
  const trend = (value: number) => ({ value, method: 'trend' as const });
  it('no figure → no_data', () => assert.equal(tileStatus(atLeast(80), null, { value: null, method: 'none' }), 'no_data'));
  it('met and staying met → achieved; met but falling out → at_risk', () => {
    assert.equal(tileStatus(atLeast(80), 85, trend(90)), 'achieved');
    assert.equal(tileStatus(atLeast(80), 85, trend(75)), 'at_risk');
  });
  it('not met yet but forecast to → on_track; close → at_risk; far → off_track', () => {
    assert.equal(tileStatus(atLeast(80), 70, trend(82)), 'on_track');
    assert.equal(tileStatus(atLeast(80), 70, trend(75)), 'at_risk');
    assert.equal(tileStatus(atLeast(80), 50, trend(60)), 'off_track');
  });
  it('final figures are achieved or off track', () => {
    assert.equal(tileStatus(atLeast(80), 80, { value: 80, method: 'final' }), 'achieved');
    assert.equal(tileStatus(atLeast(80), 79, { value: 79, method: 'final' }), 'off_track');
  });
  it('lower-is-better targets', () => {
    assert.equal(tileStatus(atMost(5), 4, trend(4.5)), 'achieved');
    assert.equal(gapOf(atMost(5), 7), 2);
  });
  it('gap: positive when short, negative when exceeded; ranges use the bound that matters', () => {
    assert.equal(gapOf(atLeast(80), 70), 10);
    assert.equal(gapOf(atLeast(80), 90), -10);
    assert.equal(gapOf({ comparator: 'between', value: 80, valueMax: 90, direction: 'higher' }, 75), 5);
    assert.equal(gapOf(atLeast(80), null), null);
  });
});

describe('summariseLevel', () => {
  it('share meeting, average of units with data, and the status by units on course', () => {
    const s = summariseLevel(atLeast(80), [
      { actual: 90, status: 'achieved' },
      { actual: 85, status: 'achieved' },
      { actual: 70, status: 'on_track' },
      { actual: null, status: 'no_data' },
    ]);
    assert.equal(s.units, 4);
    assert.equal(s.withData, 3);
    assert.equal(s.meeting, 2);
    assert.equal(s.share, 0.5);
    close(s.average, 245 / 3);
    assert.equal(s.status, 'at_risk'); // 3 of 4 on course (75 %)
  });
  it('achieved only when every unit meets it; no_data when none has a figure', () => {
    assert.equal(summariseLevel(atLeast(80), [{ actual: 90, status: 'achieved' }]).status, 'achieved');
    assert.equal(summariseLevel(atLeast(80), [{ actual: null, status: 'no_data' }]).status, 'no_data');
    assert.equal(summariseLevel(atLeast(80), [{ actual: 10, status: 'off_track' }, { actual: 90, status: 'achieved' }, { actual: 20, status: 'off_track' }]).status, 'off_track');
  });
});

describe('defaults and small figures', () => {
  it('opens on the highest own plan with the most targets in its tree', () => {
    const plans = [
      { id: 6, treeTargets: 48, ownIssuer: false, issuerDepth: null }, // national decision: not the user's
      { id: 1, treeTargets: 31, ownIssuer: true, issuerDepth: 0 }, // the city's plan and the plans under it
      { id: 3, treeTargets: 18, ownIssuer: true, issuerDepth: 0 },
      { id: 4, treeTargets: 9, ownIssuer: true, issuerDepth: 1 }, // a ward's plan
    ];
    assert.equal(defaultPlan(plans), 1);
    assert.equal(defaultPlan(plans.map((p) => (p.id === 4 ? { ...p, issuerDepth: 0 } : { ...p, ownIssuer: false, issuerDepth: null }))), 4);
    assert.equal(defaultPlan([]), null);
  });
  it('days overdue, compliance rate, attainment share', () => {
    assert.equal(daysOverdue('2025-10-01', '2025-10-20'), 19);
    assert.equal(complianceRate({ onTime: 3, late: 1, missing: 0 }), 75);
    assert.equal(complianceRate({ onTime: 0, late: 0, missing: 0 }), null);
    assert.equal(attainmentShare(['achieved', 'off_track', 'no_data']), 50);
    assert.equal(attainmentShare(['no_data']), null);
  });
});
