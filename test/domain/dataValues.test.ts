import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeValue, validateValue, type IndicatorRules } from '../../domain/dataValues.ts';

const percent: IndicatorRules = { code: 'TK_TT', unit: '%', spaceAggregation: 'ratio', minValue: null, maxValue: null };
const count: IndicatorRules = { code: 'HS', unit: 'count', spaceAggregation: 'sum', minValue: null, maxValue: null };
const share: IndicatorRules = { code: 'TL', unit: '%', spaceAggregation: 'avg', minValue: null, maxValue: null };
const keys = (r: IndicatorRules, input: Parameters<typeof validateValue>[1]) => validateValue(r, input).map((p) => p.key);

describe('reported value checks', () => {
  it('needs numerator and denominator for a ratio, numerator ≤ denominator for a %', () => {
    assert.deepEqual(keys(percent, { value: 50 }), ['dataValue.ratioNeedsParts']);
    assert.deepEqual(keys(percent, { numerator: 120, denominator: 100 }), ['dataValue.numeratorAboveDenominator']);
    assert.deepEqual(keys(percent, { numerator: 1, denominator: 0 }), ['dataValue.zeroDenominator', 'dataValue.numeratorAboveDenominator']);
    assert.deepEqual(keys(percent, { numerator: 3_658_476, denominator: 3_670_241 }), []);
  });

  it('keeps a % in 0–100 and counts non-negative unless the indicator says otherwise', () => {
    assert.deepEqual(keys(share, { value: 100.5 }), ['dataValue.aboveMax']);
    assert.deepEqual(keys(share, { value: 0 }), []);
    assert.deepEqual(keys(count, { value: -1 }), ['dataValue.negative']);
    assert.deepEqual(keys(count, { value: null }), ['dataValue.valueRequired']);
    assert.deepEqual(keys({ ...count, minValue: 10 }, { value: 5 }), ['dataValue.belowMin']);
    assert.deepEqual(keys(count, { value: Number.POSITIVE_INFINITY }), ['dataValue.notFinite']);
  });

  it('stores 100 × numerator / denominator as the value of a % ratio', () => {
    const v = normalizeValue(percent, { numerator: 3_658_476, denominator: 3_670_241 });
    assert.equal(Math.round(v.value! * 100) / 100, 99.68);
    assert.deepEqual(normalizeValue(count, { value: 7, numerator: 1 }), { value: 7, numerator: null, denominator: null });
  });
});
