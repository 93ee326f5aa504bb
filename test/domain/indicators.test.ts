/** Indicator definitions: units, default ranges, the ratio scale and the rules a definition must pass. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CODE_PATTERN, INDICATOR_UNITS, PILLARS, checkIndicatorDefinition, defaultRange, ratioScale, type IndicatorDefinition } from '../../domain/indicators.ts';

const sound: IndicatorDefinition = { code: 'CQS-01', unit: '%', spaceAggregation: 'ratio', timeAggregation: 'latest', decimals: 2, minValue: 0, maxValue: 100 };
const keys = (d: Partial<IndicatorDefinition>) => checkIndicatorDefinition({ ...sound, ...d }).map((p) => `${p.field}:${p.key}`);

describe('indicator definitions', () => {
  it('lists the documented units and pillars', () => {
    assert.deepEqual([...INDICATOR_UNITS], ['%', 'count', 'VND', 'million VND', 'billion VND', 'rank', 'index', 'days', 'hours', 'people', 'other']);
    assert.equal(PILLARS.length, 8);
    assert.ok(PILLARS.includes('an_toan_thong_tin'));
  });

  it('scales a % ratio by 100 and any other ratio by 1', () => {
    assert.equal(ratioScale('%'), 100);
    assert.equal(ratioScale('days'), 1);
    // 3,658,476 of 3,670,241 records online (seed 004) = 99.68%.
    assert.equal(Math.round(((ratioScale('%') * 3_658_476) / 3_670_241) * 100) / 100, 99.68);
  });

  it('gives a % the range 0–100, never-negative units a floor of 0, and an index none', () => {
    assert.deepEqual(defaultRange('%'), { min: 0, max: 100 });
    assert.deepEqual(defaultRange('count'), { min: 0, max: null });
    assert.deepEqual(defaultRange('billion VND'), { min: 0, max: null });
    assert.deepEqual(defaultRange('index'), { min: null, max: null });
    assert.deepEqual(defaultRange('other'), { min: null, max: null });
  });

  it('accepts a sound definition', () => {
    assert.deepEqual(keys({}), []);
    assert.deepEqual(keys({ unit: 'days', spaceAggregation: 'ratio', timeAggregation: 'avg', minValue: null, maxValue: null }), []);
    assert.deepEqual(keys({ unit: 'count', spaceAggregation: 'sum', timeAggregation: 'sum', minValue: 0, maxValue: null, decimals: 0 }), []);
  });

  it('checks codes: ASCII, at least one letter, not a reserved path segment', () => {
    assert.ok(CODE_PATTERN.test('CQS.1_a-2'));
    assert.deepEqual(keys({ code: 'Mã' }), ['code:indicator.codeFormat']);
    assert.deepEqual(keys({ code: '2025' }), ['code:indicator.codeFormat']);
    assert.deepEqual(keys({ code: '-A' }), ['code:indicator.codeFormat']);
    assert.deepEqual(keys({ code: 'A'.repeat(51) }), ['code:indicator.codeFormat']);
    assert.deepEqual(keys({ code: 'Export.xlsx' }), ['code:indicator.codeReserved']);
  });

  it('refuses unknown units, bad decimals, inverted or infinite bounds', () => {
    assert.deepEqual(keys({ unit: 'kg' }), ['unit:indicator.unitUnknown']);
    assert.deepEqual(keys({ decimals: 7 }), ['decimals:indicator.decimals']);
    assert.deepEqual(keys({ decimals: 1.5 }), ['decimals:indicator.decimals']);
    assert.deepEqual(keys({ minValue: 50, maxValue: 10 }), ['maxValue:indicator.rangeInverted']);
    assert.deepEqual(keys({ maxValue: Number.POSITIVE_INFINITY }), ['maxValue:indicator.notFinite']);
  });

  it('refuses to add up percentages, ranks and indexes in space or time', () => {
    assert.deepEqual(keys({ spaceAggregation: 'sum' }), ['spaceAggregation:indicator.notAdditive']);
    assert.deepEqual(keys({ spaceAggregation: 'avg', timeAggregation: 'sum' }), ['timeAggregation:indicator.notAdditive']);
    // …but a ratio's numerator and denominator do add up over the months.
    assert.deepEqual(keys({ timeAggregation: 'sum' }), []);
    assert.deepEqual(keys({ unit: 'rank', spaceAggregation: 'sum', timeAggregation: 'sum', maxValue: null }), [
      'spaceAggregation:indicator.notAdditive',
      'timeAggregation:indicator.notAdditive',
    ]);
    assert.deepEqual(keys({ unit: 'index', spaceAggregation: 'avg', timeAggregation: 'avg' }), []);
  });
});
