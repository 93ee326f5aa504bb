/**
 * Checks on one reported value before it is stored. Problems are message keys with parameters, so
 * the server can word them in the caller's language.
 */
import { defaultRange } from './indicators.ts';

export interface IndicatorRules {
  code: string;
  unit: string;
  spaceAggregation: 'sum' | 'ratio' | 'avg' | 'min' | 'max';
  minValue: number | null;
  maxValue: number | null;
}

export interface ValueInput {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface ValueProblem {
  key:
    | 'dataValue.ratioNeedsParts'
    | 'dataValue.valueRequired'
    | 'dataValue.negative'
    | 'dataValue.numeratorAboveDenominator'
    | 'dataValue.zeroDenominator'
    | 'dataValue.belowMin'
    | 'dataValue.aboveMax'
    | 'dataValue.notFinite';
  params: Record<string, string | number>;
}

/** The stored value: for a ratio, scale × numerator / denominator; otherwise the value itself. */
export function normalizeValue(rules: IndicatorRules, input: ValueInput): { value: number | null; numerator: number | null; denominator: number | null } {
  if (rules.spaceAggregation === 'ratio') {
    const scale = rules.unit === '%' ? 100 : 1;
    const n = input.numerator ?? null;
    const d = input.denominator ?? null;
    return { value: n !== null && d ? (scale * n) / d : null, numerator: n, denominator: d };
  }
  return { value: input.value ?? null, numerator: null, denominator: null };
}

export function validateValue(rules: IndicatorRules, input: ValueInput): ValueProblem[] {
  const problems: ValueProblem[] = [];
  const numbers = [input.value, input.numerator, input.denominator].filter((v): v is number => typeof v === 'number');
  if (numbers.some((v) => !Number.isFinite(v))) return [{ key: 'dataValue.notFinite', params: { indicator: rules.code } }];
  if (rules.spaceAggregation === 'ratio') {
    if (input.numerator == null || input.denominator == null) return [{ key: 'dataValue.ratioNeedsParts', params: { indicator: rules.code } }];
    if (input.numerator < 0 || input.denominator < 0) problems.push({ key: 'dataValue.negative', params: { indicator: rules.code } });
    if (input.denominator === 0) problems.push({ key: 'dataValue.zeroDenominator', params: { indicator: rules.code } });
    if (rules.unit === '%' && input.numerator > input.denominator)
      problems.push({ key: 'dataValue.numeratorAboveDenominator', params: { indicator: rules.code, numerator: input.numerator, denominator: input.denominator } });
    return problems;
  }
  if (input.value == null) return [{ key: 'dataValue.valueRequired', params: { indicator: rules.code } }];
  const defaults = defaultRange(rules.unit);
  const min = rules.minValue ?? defaults.min;
  const max = rules.maxValue ?? defaults.max;
  if (min !== null && input.value < min)
    problems.push(min === 0 ? { key: 'dataValue.negative', params: { indicator: rules.code } } : { key: 'dataValue.belowMin', params: { indicator: rules.code, value: input.value, min } });
  if (max !== null && input.value > max) problems.push({ key: 'dataValue.aboveMax', params: { indicator: rules.code, value: input.value, max } });
  return problems;
}
