/** Labels of the options of an indicator definition, in the caller's language, from the locale files. */
import {
  DIRECTIONS,
  INDICATOR_PERIOD_TYPES,
  INDICATOR_UNITS,
  PILLARS,
  SPACE_AGGREGATIONS,
  TIME_AGGREGATIONS,
  UNIT_LABEL_KEY,
  isIndicatorUnit,
} from '../../domain/indicators.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';

export type OptionField = 'unit' | 'pillar' | 'direction' | 'spaceAggregation' | 'timeAggregation' | 'periodType';

export const OPTION_VALUES: Record<OptionField, readonly string[]> = {
  unit: INDICATOR_UNITS,
  pillar: PILLARS,
  direction: DIRECTIONS,
  spaceAggregation: SPACE_AGGREGATIONS,
  timeAggregation: TIME_AGGREGATIONS,
  periodType: INDICATOR_PERIOD_TYPES,
};

const keyOf = (field: OptionField, value: string): MessageKey => {
  switch (field) {
    case 'unit':
      return (isIndicatorUnit(value) ? UNIT_LABEL_KEY[value] : value) as MessageKey;
    case 'pillar':
      return `pillar.${value}` as MessageKey;
    case 'direction':
      return `direction.${value}` as MessageKey;
    case 'spaceAggregation':
      return `spaceAggregation.${value}` as MessageKey;
    case 'timeAggregation':
      return `timeAggregation.${value}` as MessageKey;
    case 'periodType':
      return `periodType.${value}` as MessageKey;
  }
};

/** The label of one option value ("chinh_quyen_so" → "Chính quyền số"); an unknown value is shown as is. */
export function optionLabel(locale: Locale, field: OptionField, value: string): string {
  const label = translate(locale, keyOf(field, value));
  return label === keyOf(field, value) ? value : label;
}

/** Every option of every field with its label, for forms and for the API's documentation. */
export function indicatorOptions(locale: Locale) {
  const list = (field: OptionField) => OPTION_VALUES[field].map((value) => ({ value, label: optionLabel(locale, field, value) }));
  return {
    units: list('unit'),
    pillars: list('pillar'),
    directions: list('direction'),
    spaceAggregations: list('spaceAggregation'),
    timeAggregations: list('timeAggregation'),
    periodTypes: list('periodType'),
  };
}
