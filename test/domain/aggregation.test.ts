import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EMPTY_SUMMARY,
  SPACE_AGGREGATIONS,
  TIME_AGGREGATIONS,
  mergeSummaries,
  observationValue,
  summarize,
  timeCombine,
  valueOf,
  type Observation,
  type Summary,
  type TimePoint,
} from '../../domain/aggregation.ts';
import { SPACE_AGGREGATIONS as INDICATOR_SPACE, TIME_AGGREGATIONS as INDICATOR_TIME } from '../../domain/indicators.ts';
import { parsePeriod, periodsWithin } from '../../domain/periods.ts';

const v = (value: number | null): Observation => ({ value, numerator: null, denominator: null });
const r = (numerator: number | null, denominator: number | null, scale = 100): Observation => ({
  value: numerator !== null && denominator ? (scale * numerator) / denominator : null,
  numerator,
  denominator,
});
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** The months of a quarter as time points, with the given observations. */
function months(quarter: string, obs: Observation[]): TimePoint[] {
  return periodsWithin(parsePeriod(quarter), 'month').map((p, i) => ({ periodId: p.id, start: p.start, obs: obs[i]! }));
}

describe('aggregation lists', () => {
  it('match the lists the indicator definitions use', () => {
    assert.deepEqual([...SPACE_AGGREGATIONS], ['sum', 'ratio', 'avg', 'min', 'max']);
    assert.deepEqual([...TIME_AGGREGATIONS], ['sum', 'latest', 'avg', 'min', 'max']);
    assert.deepEqual([...SPACE_AGGREGATIONS], [...INDICATOR_SPACE]);
    assert.deepEqual([...TIME_AGGREGATIONS], [...INDICATOR_TIME]);
  });
});

describe('summarize', () => {
  it('summarises a plain value', () => {
    assert.deepEqual(summarize(v(42)), { sum: 42, count: 1, min: 42, max: 42, numerator: 0, denominator: 0 });
    assert.deepEqual(summarize(v(0)), { sum: 0, count: 1, min: 0, max: 0, numerator: 0, denominator: 0 });
    assert.deepEqual(summarize(v(-3.5)), { sum: -3.5, count: 1, min: -3.5, max: -3.5, numerator: 0, denominator: 0 });
  });

  it('summarises a ratio with its parts and derived value', () => {
    assert.deepEqual(summarize(r(3, 4)), { sum: 75, count: 1, min: 75, max: 75, numerator: 3, denominator: 4 });
  });

  it('counts a ratio whose derived value is missing, by its parts', () => {
    assert.deepEqual(summarize({ value: null, numerator: 0, denominator: 0 }), { sum: 0, count: 1, min: null, max: null, numerator: 0, denominator: 0 });
    assert.deepEqual(summarize({ value: null, numerator: 5, denominator: 8 }), { sum: 0, count: 1, min: null, max: null, numerator: 5, denominator: 8 });
  });

  it('is empty for an observation that carries nothing, or only half a ratio', () => {
    assert.deepEqual(summarize(v(null)), EMPTY_SUMMARY);
    assert.deepEqual(summarize({ value: null, numerator: 5, denominator: null }), EMPTY_SUMMARY);
    assert.deepEqual(summarize({ value: null, numerator: null, denominator: 5 }), EMPTY_SUMMARY);
    assert.deepEqual(summarize(v(Number.NaN)), EMPTY_SUMMARY);
    assert.deepEqual(summarize(v(Number.POSITIVE_INFINITY)), EMPTY_SUMMARY);
  });

  it('ignores half a ratio but keeps the value', () => {
    assert.deepEqual(summarize({ value: 7, numerator: 5, denominator: null }), { sum: 7, count: 1, min: 7, max: 7, numerator: 0, denominator: 0 });
  });

  it('returns a fresh object, never the frozen EMPTY_SUMMARY', () => {
    const s = summarize(v(null));
    assert.notEqual(s, EMPTY_SUMMARY);
    s.count = 5;
    assert.equal(EMPTY_SUMMARY.count, 0);
    assert.ok(Object.isFrozen(EMPTY_SUMMARY));
  });
});

describe('mergeSummaries', () => {
  const parts: Summary[] = [summarize(v(10)), summarize(v(-4)), summarize(v(25)), summarize(v(null)), summarize(v(7))];

  it('adds sums, counts, numerators and denominators and keeps the extremes', () => {
    assert.deepEqual(mergeSummaries(...parts), { sum: 38, count: 4, min: -4, max: 25, numerator: 0, denominator: 0 });
  });

  it('does not depend on order or grouping', () => {
    const all = mergeSummaries(...parts);
    assert.deepEqual(mergeSummaries(...[...parts].reverse()), all);
    assert.deepEqual(mergeSummaries(mergeSummaries(parts[0]!, parts[1]!), mergeSummaries(parts[2]!, parts[3]!, parts[4]!)), all);
    assert.deepEqual(mergeSummaries(parts[4]!, mergeSummaries(parts[2]!, mergeSummaries(parts[0]!, parts[3]!)), parts[1]!), all);
    const ratios = [r(1, 2), r(3, 7), r(0, 5), r(11, 11)].map(summarize);
    const merged = mergeSummaries(...ratios);
    assert.deepEqual(mergeSummaries(ratios[3]!, ratios[1]!, ratios[0]!, ratios[2]!), merged);
    assert.deepEqual(mergeSummaries(mergeSummaries(ratios[0]!, ratios[1]!), mergeSummaries(ratios[2]!, ratios[3]!)), merged);
  });

  it('has the empty summary as identity', () => {
    const s = summarize(r(3, 4));
    assert.deepEqual(mergeSummaries(s, EMPTY_SUMMARY), s);
    assert.deepEqual(mergeSummaries(EMPTY_SUMMARY, s, EMPTY_SUMMARY), s);
    assert.deepEqual(mergeSummaries(), EMPTY_SUMMARY);
    assert.deepEqual(mergeSummaries(EMPTY_SUMMARY, EMPTY_SUMMARY), EMPTY_SUMMARY);
  });

  it('keeps min and max null when no input has a value', () => {
    const m = mergeSummaries(summarize({ value: null, numerator: 1, denominator: 2 }), EMPTY_SUMMARY);
    assert.equal(m.min, null);
    assert.equal(m.max, null);
    assert.equal(m.count, 1);
  });

  it('reads only the summary fields of rows that extend Summary, and does not modify its inputs', () => {
    const row = { ...summarize(v(5)), indicator_id: 9, parent_id: 1, period_id: '2025Q3' };
    const before = { ...row };
    const m = mergeSummaries(summarize(v(1)), row);
    assert.deepEqual(m, { sum: 6, count: 2, min: 1, max: 5, numerator: 0, denominator: 0 });
    assert.deepEqual(row, before);
  });
});

describe('valueOf', () => {
  it('computes the seed-004 ratio 3,658,476 / 3,670,241 = 99.68 %', () => {
    const s = summarize(r(3_658_476, 3_670_241));
    assert.equal(round2(valueOf('ratio', s)), 99.68);
    assert.equal(round2(valueOf('ratio', s, 100)), 99.68);
    assert.equal((valueOf('ratio', s) ?? 0).toFixed(2), '99.68');
  });

  it('takes a ratio of sums across units, not the mean of their percentages', () => {
    // Two wards: 1/2 = 50 % and 99/100 = 99 %; the city is 100/102 ≈ 98.04 %, not 74.5 %.
    const s = mergeSummaries(summarize(r(1, 2)), summarize(r(99, 100)));
    assert.equal(round2(valueOf('ratio', s)), 98.04);
    assert.equal(valueOf('avg', s), 74.5);
  });

  it('uses scale 1 for a ratio that is not a percentage', () => {
    // Average days to process a file: 120 days over 48 files.
    const s = mergeSummaries(summarize(r(50, 20, 1)), summarize(r(70, 28, 1)));
    assert.equal(valueOf('ratio', s, 1), 2.5);
    assert.equal(valueOf('ratio', s), 250);
  });

  it('computes sum, avg, min and max', () => {
    const s = mergeSummaries(...[12, 7, 30, 1].map((x) => summarize(v(x))));
    assert.equal(valueOf('sum', s), 50);
    assert.equal(valueOf('avg', s), 12.5);
    assert.equal(valueOf('min', s), 1);
    assert.equal(valueOf('max', s), 30);
  });

  it('is null for an empty summary, whatever the aggregation', () => {
    for (const a of SPACE_AGGREGATIONS) {
      assert.equal(valueOf(a, EMPTY_SUMMARY), null, a);
      assert.equal(valueOf(a, mergeSummaries(summarize(v(null)))), null, a);
    }
  });

  it('is null for a ratio with a zero denominator', () => {
    assert.equal(valueOf('ratio', summarize({ value: null, numerator: 0, denominator: 0 })), null);
    assert.equal(valueOf('ratio', summarize(v(5))), null); // plain values carry no parts
  });

  it('gives no sum, mean or extreme for observations that carried only ratio parts', () => {
    const s = summarize({ value: null, numerator: 3, denominator: 4 });
    assert.equal(valueOf('ratio', s), 75);
    for (const a of ['sum', 'avg', 'min', 'max'] as const) assert.equal(valueOf(a, s), null, a);
  });

  it('gives 0 for a ratio of 0 over something', () => {
    assert.equal(valueOf('ratio', summarize(r(0, 10))), 0);
  });
});

describe('observationValue', () => {
  it('derives a ratio from its parts with the scale', () => {
    assert.equal(round2(observationValue('ratio', r(3_658_476, 3_670_241), 100)), 99.68);
    assert.equal(observationValue('ratio', { value: 999, numerator: 3, denominator: 4 }, 100), 75); // the stored value is not trusted
    assert.equal(observationValue('ratio', r(3, 4, 1), 1), 0.75);
    assert.equal(observationValue('ratio', { value: 5, numerator: null, denominator: null }, 100), null);
    assert.equal(observationValue('ratio', { value: null, numerator: 3, denominator: 0 }, 100), null);
  });

  it('returns the value for the other aggregations', () => {
    for (const a of ['sum', 'avg', 'min', 'max'] as const) {
      assert.equal(observationValue(a, v(17), 1), 17);
      assert.equal(observationValue(a, v(null), 1), null);
    }
  });

  it('agrees with valueOf of the observation summary', () => {
    const samples = [v(17), v(null), v(0), r(3, 4), r(0, 0), r(0, 9), { value: 8, numerator: 2, denominator: null }];
    for (const a of SPACE_AGGREGATIONS) {
      for (const o of samples) {
        for (const scale of [1, 100]) assert.equal(observationValue(a, o, scale), valueOf(a, summarize(o), scale), `${a} ${JSON.stringify(o)} ×${scale}`);
      }
    }
  });
});

describe('timeCombine', () => {
  // Q3/2025 monthly counts: July 120, August 80, September 150.
  const counts = months('2025Q3', [v(120), v(80), v(150)]);

  it('builds a quarter from its months by sum, latest, avg, min and max', () => {
    assert.deepEqual(timeCombine('sum', counts), v(350));
    assert.deepEqual(timeCombine('latest', counts), v(150));
    assert.deepEqual(timeCombine('avg', counts), { value: 350 / 3, numerator: null, denominator: null });
    assert.deepEqual(timeCombine('min', counts), v(80));
    assert.deepEqual(timeCombine('max', counts), v(150));
  });

  it('does not depend on the order of the points', () => {
    const reversed = [...counts].reverse();
    for (const a of TIME_AGGREGATIONS) assert.deepEqual(timeCombine(a, reversed), timeCombine(a, counts), a);
  });

  it('takes latest by start date, not by list position or value', () => {
    const points = months('2025Q3', [v(500), v(10), v(20)]);
    assert.deepEqual(timeCombine('latest', [points[2]!, points[0]!, points[1]!]), v(20));
  });

  it('is null without points, or when no point carries anything', () => {
    for (const a of TIME_AGGREGATIONS) {
      assert.equal(timeCombine(a, []), null, a);
      assert.equal(timeCombine(a, months('2025Q3', [v(null), v(null), v(null)])), null, a);
    }
  });

  it('skips empty months', () => {
    const gappy = months('2025Q3', [v(120), v(90), v(null)]);
    assert.deepEqual(timeCombine('sum', gappy), v(210));
    assert.deepEqual(timeCombine('avg', gappy), v(105)); // over the two months that reported
    assert.deepEqual(timeCombine('latest', gappy), v(90)); // September is empty: August is the latest figure
    assert.deepEqual(timeCombine('min', gappy), v(90));
    assert.deepEqual(timeCombine('max', gappy), v(120));
  });

  it('keeps zero as a real value', () => {
    const zeros = months('2025Q3', [v(5), v(0), v(3)]);
    assert.deepEqual(timeCombine('min', zeros), v(0));
    assert.deepEqual(timeCombine('sum', zeros), v(8));
  });

  describe('on ratio points', () => {
    // Online applications / all applications, per month.
    const ratios = months('2025Q3', [r(90, 100), r(300, 400), r(950, 1000)]);

    it('sum adds numerators and denominators (and values, as given)', () => {
      const out = timeCombine('sum', ratios)!;
      assert.equal(out.numerator, 1340);
      assert.equal(out.denominator, 1500);
      assert.equal(out.value, 90 + 75 + 95);
      assert.equal(round2(observationValue('ratio', out, 100)), 89.33);
    });

    it('re-derives the value from the parts when given the scale', () => {
      const out = timeCombine('sum', ratios, 100)!;
      assert.deepEqual({ numerator: out.numerator, denominator: out.denominator }, { numerator: 1340, denominator: 1500 });
      assert.equal(round2(out.value), 89.33);
      const avg = timeCombine('avg', ratios, 100)!;
      assert.equal(round2(avg.value), 89.33);
    });

    it('avg averages values, numerators and denominators', () => {
      const out = timeCombine('avg', ratios)!;
      assert.equal(out.value, (90 + 75 + 95) / 3);
      assert.equal(out.numerator, 1340 / 3);
      assert.equal(out.denominator, 500);
      // The ratio of the means is the ratio of the sums.
      assert.equal(round2(observationValue('ratio', out, 100)), 89.33);
    });

    it('latest takes the last month whole', () => {
      assert.deepEqual(timeCombine('latest', ratios), r(950, 1000));
    });

    it('min and max compare the ratios, not the numerators', () => {
      assert.deepEqual(timeCombine('min', ratios), r(300, 400)); // 75 %, although 90 is the smallest numerator
      assert.deepEqual(timeCombine('max', ratios), r(950, 1000)); // 95 %
    });

    it('min and max skip a point with a zero denominator', () => {
      const withZero = months('2025Q3', [r(0, 0), r(1, 4), r(3, 4)]);
      assert.deepEqual(timeCombine('min', withZero), r(1, 4));
      assert.deepEqual(timeCombine('max', withZero), r(3, 4));
      assert.equal(timeCombine('max', months('2025Q3', [r(0, 0), r(0, 0), v(null)])), null);
    });

    it('min and max compare ratios even when the stored value is missing', () => {
      const bare = months('2025Q3', [
        { value: null, numerator: 1, denominator: 2 },
        { value: null, numerator: 1, denominator: 10 },
        { value: null, numerator: 9, denominator: 10 },
      ]);
      assert.equal(timeCombine('min', bare)!.numerator, 1);
      assert.equal(timeCombine('min', bare)!.denominator, 10);
      assert.equal(timeCombine('max', bare)!.numerator, 9);
    });
  });

  it('breaks min and max ties in favour of the latest point', () => {
    const ties = months('2025Q3', [{ value: 50, numerator: 1, denominator: 2 }, { value: 50, numerator: 2, denominator: 4 }, { value: 10, numerator: 1, denominator: 10 }]);
    assert.equal(timeCombine('max', ties)!.denominator, 4);
  });

  it('builds a year from its quarters and from its months alike for sum', () => {
    const year = parsePeriod('2025');
    const monthly = periodsWithin(year, 'month').map((p, i) => ({ periodId: p.id, start: p.start, obs: v(i + 1) }));
    assert.deepEqual(timeCombine('sum', monthly), v(78));
    const quarterly = periodsWithin(year, 'quarter').map((p, q) => ({
      periodId: p.id,
      start: p.start,
      obs: timeCombine('sum', monthly.slice(3 * q, 3 * q + 3))!,
    }));
    assert.deepEqual(timeCombine('sum', quarterly), v(78));
    assert.deepEqual(timeCombine('latest', quarterly), v(10 + 11 + 12));
  });

  it('feeds the space aggregation: a city figure from two wards over a quarter', () => {
    // Ward A reports July–September; ward B misses August.
    const wardA = timeCombine('sum', months('2025Q3', [r(40, 50), r(45, 50), r(50, 50)]))!;
    const wardB = timeCombine('sum', months('2025Q3', [r(10, 20), v(null), r(18, 20)]))!;
    const city = mergeSummaries(summarize(wardA), summarize(wardB));
    assert.equal(city.count, 2);
    assert.equal(city.numerator, 163);
    assert.equal(city.denominator, 190);
    assert.equal(round2(valueOf('ratio', city)), 85.79);
  });
});
