/**
 * What an indicator (chỉ tiêu) may be: its unit of measure, pillar, direction and how its values
 * combine across units and over time, with the checks a definition must pass. Labels are locale
 * keys (`indicatorUnit.*`, `pillar.*`, …), worded in the server's and the app's locale files.
 *
 * A `ratio` indicator is reported as numerator and denominator; its figure for any set of units or
 * periods is scale × Σnumerator / Σdenominator, where the scale is 100 for a `%` indicator and 1
 * otherwise (e.g. "số ngày xử lý bình quân một hồ sơ" in `days` = Σdays / Σfiles).
 */

/** Units of measure. Kept short and fixed so that figures stay comparable and formatting is known. */
export const INDICATOR_UNITS = ['%', 'count', 'VND', 'million VND', 'billion VND', 'rank', 'index', 'days', 'hours', 'people', 'other'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** Locale key of a unit's label: `%` and multi-word units need a key-safe name. */
export const UNIT_LABEL_KEY: Record<IndicatorUnit, string> = {
  '%': 'indicatorUnit.percent',
  count: 'indicatorUnit.count',
  VND: 'indicatorUnit.vnd',
  'million VND': 'indicatorUnit.millionVnd',
  'billion VND': 'indicatorUnit.billionVnd',
  rank: 'indicatorUnit.rank',
  index: 'indicatorUnit.index',
  days: 'indicatorUnit.days',
  hours: 'indicatorUnit.hours',
  people: 'indicatorUnit.people',
  other: 'indicatorUnit.other',
};

/** Pillars of the digital-transformation programme (Quyết định 749/QĐ-TTg and the DTI index). */
export const PILLARS = [
  'chinh_quyen_so',
  'kinh_te_so',
  'xa_hoi_so',
  'ha_tang_so',
  'nhan_luc_so',
  'an_toan_thong_tin',
  'the_che_so',
  'nhan_thuc_so',
] as const;
export type Pillar = (typeof PILLARS)[number];

export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];

// The same lists as domain/aggregation.ts and domain/periods.ts and the CHECKs of migration 0002.
export const SPACE_AGGREGATIONS = ['sum', 'ratio', 'avg', 'min', 'max'] as const;
export const TIME_AGGREGATIONS = ['sum', 'latest', 'avg', 'min', 'max'] as const;
export const INDICATOR_PERIOD_TYPES = ['day', 'week', 'month', 'quarter', 'half', 'year'] as const;
export type IndicatorSpaceAggregation = (typeof SPACE_AGGREGATIONS)[number];
export type IndicatorTimeAggregation = (typeof TIME_AGGREGATIONS)[number];
export type IndicatorPeriodType = (typeof INDICATOR_PERIOD_TYPES)[number];

export const MAX_DECIMALS = 6;
export const DEFAULT_DECIMALS = 2;

/**
 * Codes are what other systems and spreadsheets use to name an indicator: ASCII letters, digits,
 * dot, dash and underscore, with at least one letter so that a code is never mistaken for an id.
 */
export const CODE_PATTERN = /^(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const MAX_CODE_LENGTH = 50;
/** Path segments of the indicator API that a code must not shadow. */
const RESERVED_CODES = new Set(['options', 'export.xlsx', 'import']);

export const isIndicatorUnit = (v: string): v is IndicatorUnit => (INDICATOR_UNITS as readonly string[]).includes(v);
export const isPillar = (v: string): v is Pillar => (PILLARS as readonly string[]).includes(v);

/** Scale of a ratio's figure: 100 × Σnumerator / Σdenominator for a percentage. */
export const ratioScale = (unit: string): number => (unit === '%' ? 100 : 1);

/**
 * Bounds a unit implies when the definition gives none: a % lies in 0–100; counts, money, people,
 * durations and ranks are never negative; an index or "other" has no natural bound. A definition
 * may set its own bounds, or null for none (a growth rate in % may be negative or exceed 100).
 */
export function defaultRange(unit: string): { min: number | null; max: number | null } {
  if (unit === '%') return { min: 0, max: 100 };
  if (['count', 'VND', 'million VND', 'billion VND', 'people', 'days', 'hours', 'rank'].includes(unit)) return { min: 0, max: null };
  return { min: null, max: null };
}

/** Units whose figures cannot be added up: summing the percentages or ranks of two wards means nothing. */
const NON_ADDITIVE_UNITS = new Set<string>(['%', 'rank', 'index']);

export interface IndicatorDefinition {
  code: string;
  unit: string;
  spaceAggregation: IndicatorSpaceAggregation;
  timeAggregation: IndicatorTimeAggregation;
  decimals: number;
  minValue: number | null;
  maxValue: number | null;
}

export interface DefinitionProblem {
  /** The field at fault, as the API names it. */
  field: keyof IndicatorDefinition;
  key:
    | 'indicator.codeFormat'
    | 'indicator.codeReserved'
    | 'indicator.unitUnknown'
    | 'indicator.rangeInverted'
    | 'indicator.notAdditive'
    | 'indicator.decimals'
    | 'indicator.notFinite';
  params: Record<string, string | number>;
}

/** Every problem of a definition (empty when it is sound). */
export function checkIndicatorDefinition(d: IndicatorDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (d.code.length > MAX_CODE_LENGTH || !CODE_PATTERN.test(d.code)) problems.push({ field: 'code', key: 'indicator.codeFormat', params: { code: d.code } });
  else if (RESERVED_CODES.has(d.code.toLowerCase())) problems.push({ field: 'code', key: 'indicator.codeReserved', params: { code: d.code } });
  if (!isIndicatorUnit(d.unit)) problems.push({ field: 'unit', key: 'indicator.unitUnknown', params: { unit: d.unit, units: INDICATOR_UNITS.join(', ') } });
  if (!Number.isInteger(d.decimals) || d.decimals < 0 || d.decimals > MAX_DECIMALS)
    problems.push({ field: 'decimals', key: 'indicator.decimals', params: { max: MAX_DECIMALS } });
  for (const field of ['minValue', 'maxValue'] as const) {
    const v = d[field];
    if (v !== null && !Number.isFinite(v)) problems.push({ field, key: 'indicator.notFinite', params: { field } });
  }
  if (d.minValue !== null && d.maxValue !== null && d.minValue > d.maxValue)
    problems.push({ field: 'maxValue', key: 'indicator.rangeInverted', params: { min: d.minValue, max: d.maxValue } });
  if (NON_ADDITIVE_UNITS.has(d.unit)) {
    if (d.spaceAggregation === 'sum') problems.push({ field: 'spaceAggregation', key: 'indicator.notAdditive', params: { unit: d.unit } });
    // A ratio's parts add up over time (files handled online / all files, month after month); its percentage does not.
    if (d.timeAggregation === 'sum' && d.spaceAggregation !== 'ratio')
      problems.push({ field: 'timeAggregation', key: 'indicator.notAdditive', params: { unit: d.unit } });
  }
  return problems;
}

/**
 * Fields whose change would alter the meaning of numbers already stored (a sum read as an average,
 * months read as quarters, VND read as million VND): refused once the indicator has values.
 */
export const MEANING_FIELDS = ['unit', 'spaceAggregation', 'timeAggregation', 'periodType'] as const;
