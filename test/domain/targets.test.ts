/** Target evaluation and the linear forecast: pure functions, checked with concrete figures. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ATTAINMENT_CAP,
  LEVEL_KINDS,
  attainmentOf,
  effectiveDirection,
  evaluateTarget,
  forecastLinear,
  meetsTarget,
  type TargetRule,
} from '../../domain/targets.ts';

const atLeast = (value: number, direction: 'higher' | 'lower' = 'higher'): TargetRule => ({ comparator: '>=', value, valueMax: null, direction });
const atMost = (value: number, direction: 'higher' | 'lower' = 'lower'): TargetRule => ({ comparator: '<=', value, valueMax: null, direction });
const close = (actual: number | null, expected: number, digits = 6) => {
  assert.ok(actual !== null, 'expected a number, got null');
  assert.ok(Math.abs(actual - expected) < 10 ** -digits, `${actual} ≈ ${expected}`);
};

describe('meetsTarget', () => {
  it('compares with each comparator', () => {
    assert.equal(meetsTarget(atLeast(80), 80), true);
    assert.equal(meetsTarget(atLeast(80), 79.99), false);
    assert.equal(meetsTarget({ comparator: '>', value: 80, valueMax: null }, 80), false);
    assert.equal(meetsTarget({ comparator: '>', value: 80, valueMax: null }, 80.01), true);
    assert.equal(meetsTarget(atMost(5), 5), true);
    assert.equal(meetsTarget(atMost(5), 5.5), false);
    assert.equal(meetsTarget({ comparator: '<', value: 5, valueMax: null }, 5), false);
    assert.equal(meetsTarget({ comparator: '<', value: 5, valueMax: null }, 4), true);
    assert.equal(meetsTarget({ comparator: '=', value: 100, valueMax: null }, 100), true);
    assert.equal(meetsTarget({ comparator: '=', value: 100, valueMax: null }, 99.9), false);
  });

  it('treats a range "80% - 90%" as inclusive at both ends', () => {
    const range = { comparator: 'between' as const, value: 80, valueMax: 90 };
    assert.equal(meetsTarget(range, 79.9), false);
    assert.equal(meetsTarget(range, 80), true);
    assert.equal(meetsTarget(range, 85), true);
    assert.equal(meetsTarget(range, 90), true);
    assert.equal(meetsTarget(range, 90.1), false);
  });

  it('forgives floating-point noise but not a real difference', () => {
    assert.equal((0.1 + 0.2) * 100 === 30, false, 'the noise is real');
    assert.equal(meetsTarget({ comparator: '=', value: 30, valueMax: null }, (0.1 + 0.2) * 100), true);
    assert.equal(meetsTarget({ comparator: '<=', value: 0.3, valueMax: null }, 0.1 + 0.2), true, '0.1 + 0.2 ≤ 0.3');
    assert.equal(meetsTarget({ comparator: '>', value: 0.3, valueMax: null }, 0.1 + 0.2), false, '0.1 + 0.2 is not above 0.3');
    // Seed 004: 3,658,476 of 3,670,241 records = 99.68% (rounded), short of a 99.7% floor.
    assert.equal(meetsTarget(atLeast(99.7), (3_658_476 / 3_670_241) * 100), false);
    assert.equal(meetsTarget(atLeast(99.67), (3_658_476 / 3_670_241) * 100), true);
  });
});

describe('attainmentOf', () => {
  it('is actual / target when higher is better', () => {
    close(attainmentOf(atLeast(80), 60), 0.75);
    close(attainmentOf(atLeast(80), 80), 1);
    close(attainmentOf(atLeast(80), 99.68), 1.246);
  });

  it('is target / actual when lower is better', () => {
    // "Thời gian xử lý hồ sơ ≤ 5 ngày": 10 days reached half, 4 days is better than the target.
    close(attainmentOf(atMost(5), 10), 0.5);
    close(attainmentOf(atMost(5), 4), 1.25);
    assert.equal(attainmentOf(atMost(5), 0), ATTAINMENT_CAP, 'no day at all: the cap');
    assert.equal(attainmentOf(atMost(0), 0), 1, 'zero under a zero ceiling: exactly met');
  });

  it('is capped at 200% and never negative', () => {
    assert.equal(attainmentOf(atLeast(10), 100), ATTAINMENT_CAP);
    assert.equal(ATTAINMENT_CAP, 2);
    assert.equal(attainmentOf(atLeast(10), -5), 0);
    assert.equal(attainmentOf(atMost(5), 0.001), ATTAINMENT_CAP);
  });

  it('reads a zero target with higher-is-better as reached or not', () => {
    assert.equal(attainmentOf(atLeast(0), 3), 1);
    assert.equal(attainmentOf(atLeast(0), 0), 1);
    assert.equal(attainmentOf(atLeast(0), -1), 0);
  });

  it('uses the lower bound of a range when higher is better, the upper one when lower is better', () => {
    close(attainmentOf({ comparator: 'between', value: 80, valueMax: 90, direction: 'higher' }, 72), 0.9);
    close(attainmentOf({ comparator: 'between', value: 80, valueMax: 90, direction: 'higher' }, 88), 1.1);
    close(attainmentOf({ comparator: 'between', value: 2, valueMax: 4, direction: 'lower' }, 8), 0.5);
  });

  it('takes the direction from a one-sided comparator, from the indicator otherwise', () => {
    assert.equal(effectiveDirection({ comparator: '>=', direction: 'lower' }), 'higher');
    assert.equal(effectiveDirection({ comparator: '<', direction: 'higher' }), 'lower');
    assert.equal(effectiveDirection({ comparator: '=', direction: 'lower' }), 'lower');
    assert.equal(effectiveDirection({ comparator: 'between', direction: 'higher' }), 'higher');
    // An indicator marked higher-is-better with a ceiling target still reads 100% exactly at the ceiling.
    close(attainmentOf(atMost(5, 'higher'), 5), 1);
    close(attainmentOf({ comparator: '=', value: 100, valueMax: null, direction: 'higher' }, 50), 0.5);
  });

  it('is null without an actual', () => {
    assert.equal(attainmentOf(atLeast(80), null), null);
    assert.equal(attainmentOf(atLeast(80), Number.NaN), null);
  });
});

describe('evaluateTarget', () => {
  it('has no data without an actual, whatever the forecast', () => {
    assert.deepEqual(evaluateTarget(atLeast(80), null, null), { attainment: null, status: 'no_data' });
    assert.deepEqual(evaluateTarget(atLeast(80), null, 90), { attainment: null, status: 'no_data' });
  });

  it('is achieved when met and the forecast holds or the deadline has passed', () => {
    // Seed 004: 99.68% of records processed online against a target of ≥ 90%.
    const r = evaluateTarget(atLeast(90), 99.68, null);
    assert.equal(r.status, 'achieved');
    close(r.attainment, 99.68 / 90);
    assert.equal(evaluateTarget(atLeast(90), 92, 95).status, 'achieved');
  });

  it('is not achieved after the deadline when missed', () => {
    const r = evaluateTarget(atLeast(80), 60, null);
    assert.deepEqual(r, { attainment: 0.75, status: 'not_achieved' });
  });

  it('is not achieved (yet) but on course when the forecast at the deadline meets the target', () => {
    assert.deepEqual(evaluateTarget(atLeast(80), 70, 85), { attainment: 0.875, status: 'not_achieved' });
  });

  it('is at risk when not met and the forecast misses too', () => {
    assert.deepEqual(evaluateTarget(atLeast(80), 60, 70), { attainment: 0.75, status: 'at_risk' });
  });

  it('is at risk when met now but the forecast falls out of the target', () => {
    assert.equal(evaluateTarget(atLeast(80), 82, 78).status, 'at_risk');
    assert.equal(evaluateTarget(atMost(5), 4, 6).status, 'at_risk', 'lower is better: the forecast rises above the ceiling');
    const range: TargetRule = { comparator: 'between', value: 80, valueMax: 90, direction: 'higher' };
    assert.equal(evaluateTarget(range, 88, 93).status, 'at_risk', 'a range can be left from above');
    assert.equal(evaluateTarget(range, 85, 87).status, 'achieved');
  });

  it('handles lower-is-better targets', () => {
    assert.deepEqual(evaluateTarget(atMost(5), 10, null), { attainment: 0.5, status: 'not_achieved' });
    assert.deepEqual(evaluateTarget(atMost(5), 10, 4), { attainment: 0.5, status: 'not_achieved' });
    assert.deepEqual(evaluateTarget(atMost(5), 10, 8), { attainment: 0.5, status: 'at_risk' });
    assert.equal(evaluateTarget(atMost(5), 3, 4).status, 'achieved');
  });

  it('ignores a forecast that is not a finite number', () => {
    assert.equal(evaluateTarget(atLeast(80), 82, Number.NaN).status, 'achieved');
    assert.equal(evaluateTarget(atLeast(80), 70, Number.POSITIVE_INFINITY).status, 'not_achieved');
  });
});

describe('forecastLinear', () => {
  it('needs two points with distinct times', () => {
    assert.equal(forecastLinear([], 12), null);
    assert.equal(forecastLinear([{ t: 1, value: 50 }], 12), null);
    assert.equal(forecastLinear([{ t: 3, value: 50 }, { t: 3, value: 60 }], 12), null);
  });

  it('extends an exact line', () => {
    // 60% in January rising 2 points a month reaches 82% in December.
    const points = [1, 2, 3, 4, 5, 6].map((m) => ({ t: m, value: 58 + 2 * m }));
    close(forecastLinear(points, 12), 82);
    close(forecastLinear([{ t: 0, value: 10 }, { t: 10, value: 0 }], 20), -10);
  });

  it('fits noisy points by least squares', () => {
    // y = 1 + 2t fitted through (0,1), (1,3.5), (2,4.5), (3,7): slope 1.9, intercept 1.15.
    const points = [
      { t: 0, value: 1 },
      { t: 1, value: 3.5 },
      { t: 2, value: 4.5 },
      { t: 3, value: 7 },
    ];
    close(forecastLinear(points, 5), 1.15 + 1.9 * 5);
    close(forecastLinear(points, 1.5), 4, 9);
  });

  it('is flat for constant values and ignores non-finite points', () => {
    close(forecastLinear([{ t: 1, value: 7 }, { t: 2, value: 7 }, { t: 9, value: 7 }], 100), 7);
    close(forecastLinear([{ t: 1, value: 1 }, { t: 2, value: Number.NaN }, { t: 3, value: 3 }], 4), 4);
    assert.equal(forecastLinear([{ t: 1, value: 1 }, { t: 2, value: 2 }], Number.NaN), null);
  });

  it('feeds evaluateTarget: a monthly trend that misses the year-end target is at risk', () => {
    const months = [{ t: 1, value: 40 }, { t: 2, value: 42 }, { t: 3, value: 44 }, { t: 4, value: 46 }];
    const forecast = forecastLinear(months, 12);
    close(forecast, 62);
    assert.equal(evaluateTarget(atLeast(80), 46, forecast).status, 'at_risk');
  });
});

describe('LEVEL_KINDS', () => {
  it('reads "cấp xã" as communes, wards and special zones', () => {
    assert.deepEqual([...LEVEL_KINDS.commune].sort(), ['commune', 'special_zone', 'ward']);
    assert.deepEqual(LEVEL_KINDS.province, ['province']);
    assert.deepEqual(LEVEL_KINDS.department, ['department']);
    assert.deepEqual(LEVEL_KINDS.district, ['district']);
  });
});
