import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkIndicatorDefinition, CODE_PATTERN, defaultRange, MAX_CODE_LENGTH, MAX_DECIMALS } from '../../../../domain/indicators';
import { analyticsKeys, indicatorKeys, indicatorsApi } from '../../api/indicators';
import {
  DIRECTIONS,
  INDICATOR_PERIOD_TYPES,
  INDICATOR_UNITS,
  PILLARS,
  SPACE_AGGREGATIONS,
  TIME_AGGREGATIONS,
  type Direction,
  type Indicator,
  type IndicatorInput,
  type IndicatorPeriodType,
  type IndicatorSpaceAggregation,
  type IndicatorTimeAggregation,
  type Pillar,
} from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { aggregationText, langOf, unitLabel } from '../../lib/indicators';

interface Values {
  code: string;
  name: string;
  unit: string;
  pillar?: Pillar | null;
  direction: Direction;
  periodType: IndicatorPeriodType;
  spaceAggregation: IndicatorSpaceAggregation;
  timeAggregation: IndicatorTimeAggregation;
  decimals: number;
  minValue?: number | null;
  maxValue?: number | null;
  description?: string | null;
}

/** Whether figures in this unit may be added up (the domain refuses sum for %, rank, index). */
function additive(unit: string): boolean {
  return !checkIndicatorDefinition({ code: 'X', unit, spaceAggregation: 'sum', timeAggregation: 'sum', decimals: 0, minValue: null, maxValue: null }).some(
    (p) => p.key === 'indicator.notAdditive',
  );
}

const NEW_DEFAULTS: Values = {
  code: '',
  name: '',
  unit: '%',
  pillar: null,
  direction: 'higher',
  periodType: 'month',
  spaceAggregation: 'ratio',
  timeAggregation: 'latest',
  decimals: 2,
  minValue: 0,
  maxValue: 100,
  description: '',
};

const valuesOf = (i: Indicator): Values => ({
  code: i.code,
  name: i.name,
  unit: i.unit,
  pillar: (i.pillar as Pillar | null) ?? null,
  direction: i.direction,
  periodType: i.periodType,
  spaceAggregation: i.spaceAggregation,
  timeAggregation: i.timeAggregation,
  decimals: i.decimals,
  minValue: i.minValue,
  maxValue: i.maxValue,
  description: i.description ?? '',
});

function toInput(v: Values): IndicatorInput {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    unit: v.unit,
    pillar: v.pillar ?? null,
    direction: v.direction,
    periodType: v.periodType,
    spaceAggregation: v.spaceAggregation,
    timeAggregation: v.timeAggregation,
    decimals: v.decimals,
    minValue: v.minValue ?? null,
    maxValue: v.maxValue ?? null,
    description: v.description?.trim() || null,
  };
}

interface Props {
  /** The indicator to edit; none to create one. */
  indicator?: Indicator;
  onClose: () => void;
  onDone: (indicator: Indicator) => void;
}

export function IndicatorFormDialog({ indicator, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const decimalSeparator = langOf(i18n.resolvedLanguage) === 'vi' ? ',' : '.';
  const unit = Form.useWatch('unit', form) ?? (indicator?.unit || NEW_DEFAULTS.unit);
  const space = Form.useWatch('spaceAggregation', form);
  const time = Form.useWatch('timeAggregation', form);
  const periodType = Form.useWatch('periodType', form);
  const canSum = additive(unit);

  // A new indicator's bounds and aggregations follow its unit until the user sets them.
  const onUnitChange = (next: string) => {
    if (indicator) return;
    const patch: Partial<Values> = {};
    if (!form.isFieldTouched('minValue') && !form.isFieldTouched('maxValue')) {
      const range = defaultRange(next);
      patch.minValue = range.min;
      patch.maxValue = range.max;
    }
    if (!additive(next)) {
      if (form.getFieldValue('spaceAggregation') === 'sum') patch.spaceAggregation = next === '%' ? 'ratio' : 'avg';
      if (form.getFieldValue('timeAggregation') === 'sum') patch.timeAggregation = 'latest';
    }
    form.setFieldsValue(patch);
  };

  const submit = async (v: Values) => {
    const input = toInput(v);
    let saved: Indicator;
    if (indicator) {
      const before = toInput(valuesOf(indicator));
      const patch: Partial<IndicatorInput> = {};
      for (const key of Object.keys(input) as (keyof IndicatorInput)[]) {
        if (input[key] !== before[key]) (patch as Record<string, unknown>)[key] = input[key];
      }
      saved = Object.keys(patch).length ? await indicatorsApi.update(indicator.code, patch) : indicator;
      message.success(t('indicators.form.saved'));
    } else {
      saved = await indicatorsApi.create(input);
      message.success(t('indicators.form.created', { name: saved.name }));
    }
    queryClient.setQueryData(indicatorKeys.detail(saved.code), saved);
    await Promise.all([queryClient.invalidateQueries({ queryKey: indicatorKeys.all }), queryClient.invalidateQueries({ queryKey: analyticsKeys.all })]);
    onDone(saved);
  };

  const preview =
    space && time && periodType ? aggregationText(t, { unit, spaceAggregation: space, timeAggregation: time, periodType }) : '';

  return (
    <FormModal<Values>
      title={indicator ? t('indicators.form.editTitle', { name: indicator.name }) : t('indicators.form.createTitle')}
      okText={indicator ? t('common.save') : t('indicators.form.createOk')}
      form={form}
      testId="indicator-form"
      width={720}
      initialValues={indicator ? valuesOf(indicator) : NEW_DEFAULTS}
      onClose={onClose}
      onSubmit={submit}
    >
      {indicator ? <Alert type="info" showIcon className="form-modal-note" title={t('indicators.form.meaningNote')} /> : null}
      <Row gutter={16}>
        <Col xs={24} sm={10}>
          <Form.Item
            name="code"
            label={t('indicators.form.code')}
            tooltip={t('indicators.form.codeHelp')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { max: MAX_CODE_LENGTH },
              { pattern: CODE_PATTERN, message: t('indicators.form.codeRule') },
            ]}
          >
            <Input autoFocus={!indicator} autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={MAX_CODE_LENGTH} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="pillar" label={t('indicators.form.pillar')}>
            <Select allowClear options={PILLARS.map((p) => ({ value: p, label: t(`pillar.${p}`) }))} data-testid="indicator-form-pillar" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="name" label={t('indicators.form.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="unit" label={t('indicators.form.unit')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={INDICATOR_UNITS.map((u) => ({ value: u, label: unitLabel(t, u) }))} onChange={onUnitChange} data-testid="indicator-form-unit" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="direction" label={t('indicators.form.direction')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="periodType" label={t('indicators.form.periodType')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={INDICATOR_PERIOD_TYPES.map((p) => ({ value: p, label: t(`periodType.${p}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="spaceAggregation" label={t('indicators.form.spaceAggregation')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              options={SPACE_AGGREGATIONS.map((a) => ({
                value: a,
                label: a === 'sum' && !canSum ? `${t(`spaceAggregation.${a}`)} — ${t('indicators.form.notAdditive')}` : t(`spaceAggregation.${a}`),
                disabled: a === 'sum' && !canSum,
              }))}
              data-testid="indicator-form-space"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="timeAggregation" label={t('indicators.form.timeAggregation')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              options={TIME_AGGREGATIONS.map((a) => ({
                value: a,
                label: a === 'sum' && !canSum ? `${t(`timeAggregation.${a}`)} — ${t('indicators.form.notAdditive')}` : t(`timeAggregation.${a}`),
                disabled: a === 'sum' && !canSum,
              }))}
              data-testid="indicator-form-time"
            />
          </Form.Item>
        </Col>
        {preview ? (
          <Col span={24}>
            <Typography.Paragraph type="secondary" className="aggregation-preview">
              {t('indicators.form.aggregationPreview', { text: preview })}
              {space === 'ratio' ? ` ${t('indicators.form.ratioNote')}` : ''}
            </Typography.Paragraph>
          </Col>
        ) : null}
        <Col xs={24} sm={8}>
          <Form.Item name="decimals" label={t('indicators.form.decimals')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={0} max={MAX_DECIMALS} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="minValue" label={t('indicators.form.minValue')} tooltip={t('indicators.form.rangeHelp')}>
            <InputNumber style={{ width: '100%' }} decimalSeparator={decimalSeparator} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="maxValue" label={t('indicators.form.maxValue')} tooltip={t('indicators.form.rangeHelp')}>
            <InputNumber style={{ width: '100%' }} decimalSeparator={decimalSeparator} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label={t('indicators.form.description')} rules={[{ max: 4000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
